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
// carries no records glue, and one that validates form fields imports
// `telehealth-rules/schema` (standard-schema.js).
import { api, keystroke } from './keystroke-core.js';
import { records } from './records-core.js';
import { loadBoth, preloadAtIdle } from './loader.js';

export { ruleset } from './ruleset.js';
export { linkSchema, instructionsSchema, locationSchema, objectSchema } from './standard-schema.js';

export const {
  check, audit, checkJson, checkLink, checkInstructions, checkLocation, checkContinuity, checkSession, setMessages, loadLocale,
} = api;
export const { init, initSync, isReady } = loadBoth({ keystroke, records });
export const initKeystroke = (source) => keystroke.init(source);
export const initRecords = (source) => records.init(source);
export const preloadRecords = () => preloadAtIdle(records);
