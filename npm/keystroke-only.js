// Browser entry for pages that check links and instructions only
// (`import ... from 'telehealth-rules/keystroke'`): the keystroke module and
// its glue, and nothing of the records module, so a bundler's link-only
// chunk carries no records glue. Servers resolve this path to the full
// server entry (node.js), which has these names and more.
import * as keystrokeGlue from './keystroke.js';
import { bind } from './api.js';
import { keystrokeCalls } from './io.js';
import { besidePackage, createLoader } from './loader.js';
import { schemas } from './schema.js';
import en from './messages/en.js';

export { ruleset } from './ruleset.js';

const keystroke = createLoader({
  file: 'keystroke_bg.wasm',
  module: 'keystroke',
  glue: keystrokeGlue,
  // Written out here, literally: the pattern bundlers copy and rewrite.
  locate: () => besidePackage(new URL('./keystroke_bg.wasm', import.meta.url)),
  calls: keystrokeCalls,
  // V8 compiles wasm functions lazily: one call here moves the first
  // keystroke's few milliseconds of compiling into the load.
  warm: (w) => w.checkLink('https://doxy.me/warm-up', '2026-01-01'),
});

// The keystroke functions never need the records module; were one to ask
// for it, the error says where it is.
const noRecords = (name) => {
  throw new Error(`telehealth-rules: ${name}() needs the records module, which 'telehealth-rules/keystroke' does not carry: import it from 'telehealth-rules'.`);
};

const LAZY = { es: () => import('./messages/es.js') };

export const { checkLink, checkInstructions, setMessages, loadLocale } = bind({
  keystroke: keystroke.use,
  records: noRecords,
  catalogs: { en },
  loadCatalog: (locale) => LAZY[locale]().then((m) => m.default),
  shipped: ['en', ...Object.keys(LAZY)],
});
export const initKeystroke = (source) => keystroke.init(source);
/** Whether the keystroke module is loaded (`isReady('keystroke')` asks the same). */
export const isReady = (module) => {
  if (module !== undefined && module !== 'keystroke') {
    throw new TypeError(`telehealth-rules: isReady() of 'telehealth-rules/keystroke' takes 'keystroke' or nothing, not ${String(module)}.`);
  }
  return keystroke.isReady();
};
export const initSync = (sources) => {
  if (sources != null) keystroke.initSync(sources.keystroke);
  else keystroke.initSync();
};
export const { linkSchema, instructionsSchema } = schemas({ checkLink, checkInstructions, keystroke });
