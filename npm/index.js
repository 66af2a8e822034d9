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
import * as recordsGlue from './records.js';
import { api, keystroke, withRecords } from './keystroke-core.js';
import { besidePackage, createLoader, loadBoth, preloadAtIdle } from './loader.js';
import { objectSchema, schemas } from './schema.js';

export { ruleset } from './ruleset.js';

const records = createLoader({
  file: 'records_bg.wasm',
  module: 'records',
  glue: recordsGlue,
  locate: () => besidePackage(new URL('./records_bg.wasm', import.meta.url)),
});
withRecords(records.use);

export const {
  check, audit, checkJson, checkLink, checkInstructions, checkLocation, checkContinuity, checkSession, setMessages, loadLocale,
} = api;
export const { init, initSync, isReady } = loadBoth({ keystroke, records });
export const { linkSchema, instructionsSchema, locationSchema } = schemas({ checkLink, checkInstructions, checkLocation, keystroke, records });
export const initKeystroke = (source) => keystroke.init(source);
export const initRecords = (source) => records.init(source);
export const preloadRecords = () => preloadAtIdle(records);
export { objectSchema };
