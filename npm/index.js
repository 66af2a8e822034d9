// Browser and bundler entry. The rules ship as two wasm modules: `keystroke`
// (checkLink, checkInstructions: what a settings page runs as the provider
// types) and `records` (check, checkJson, checkLocation, checkContinuity,
// checkSession, audit). `await init()` loads both; `initKeystroke()` and
// `initRecords()` load one, so a page can fetch the small one first and the
// other when it is needed (`preloadRecords()` at idle). Once a module is
// loaded its functions are synchronous; `initSync({keystroke, records})`
// loads from bytes already at hand. Each init function gives one promise,
// the same on every call (safe for React's `use()`). A page that checks
// links only imports `telehealth-rules/keystroke` (keystroke-only.js), which
// carries no records glue.
import * as keystrokeGlue from './keystroke.js';
import * as recordsGlue from './records.js';
import { bind } from './api.js';
import { keystrokeCalls } from './io.js';
import { besidePackage, createLoader, loadBoth, preloadAtIdle } from './loader.js';
import { schemas } from './schema.js';
import en from './messages/en.js';

export { ruleset } from './ruleset.js';

const keystroke = createLoader({
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
const records = createLoader({
  file: 'records_bg.wasm',
  module: 'records',
  glue: recordsGlue,
  locate: () => besidePackage(new URL('./records_bg.wasm', import.meta.url)),
});

// English renders the keystroke module's reports at once; another locale's
// messages load with loadLocale() (the records module carries them all).
const LAZY = { es: () => import('./messages/es.js') };

export const {
  check, audit, checkJson, checkLink, checkInstructions, checkLocation, checkContinuity, checkSession, setMessages, loadLocale,
} = bind({
  keystroke: keystroke.use,
  records: records.use,
  catalogs: { en },
  loadCatalog: (locale) => LAZY[locale]().then((m) => m.default),
  shipped: ['en', ...Object.keys(LAZY)],
});
export const { init, initSync, isReady } = loadBoth({ keystroke, records });
export const { linkSchema, instructionsSchema, locationSchema } = schemas({ checkLink, checkInstructions, checkLocation, keystroke, records });
export const initKeystroke = (source) => keystroke.init(source);
export const initRecords = (source) => records.init(source);
export const preloadRecords = () => preloadAtIdle(records);
