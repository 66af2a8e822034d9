// The browser entries' shared part: the keystroke module's loader and the
// API bound over it, made once, so that a page importing both
// `telehealth-rules` and `telehealth-rules/keystroke` has one keystroke
// module, one load and one set of messages. It imports nothing of the
// records module: records-core.js hands its loader in.
import * as keystrokeGlue from './keystroke.js';
import { bind } from './api.js';
import { keystrokeCalls } from './io.js';
import { besidePackage, createLoader } from './loader.js';
import en from './messages/en.js';

export const keystroke = createLoader({
  file: 'keystroke_bg.wasm',
  module: 'keystroke',
  glue: keystrokeGlue,
  // Written out here, literally: the pattern bundlers copy and rewrite
  // (besidePackage() only corrects Vite's dev-server pre-bundling).
  locate: () => besidePackage(new URL('./keystroke_bg.wasm', import.meta.url)),
  calls: keystrokeCalls,
  // V8 compiles wasm functions lazily: one call here moves the first
  // keystroke's few milliseconds of compiling into the load.
  warm: (w) => w.checkLink('https://doxy.me/warm-up', '2026-01-01'),
});

// The records module's `use`, once records-core.js is loaded (the full entry, or the schema entry, imports it).
let recordsUse = null;
/** Gives the records module's `use(name)` to the functions bound here (records-core.js does). */
export const withRecords = (use) => {
  recordsUse = use;
};

// English renders the keystroke module's reports at once; another locale's
// messages load with loadLocale() (the records module carries them all).
const LAZY = { es: () => import('./messages/es.js') };

export const api = bind({
  keystroke: keystroke.use,
  records: (name) => {
    if (recordsUse) return recordsUse(name);
    throw new Error(`telehealth-rules: ${name}() needs the records module: import it from 'telehealth-rules'.`);
  },
  catalogs: { en },
  loadCatalog: (locale) => LAZY[locale]().then((m) => m.default),
  shipped: ['en', ...Object.keys(LAZY)],
});
