// Browser entry for pages that check links and instructions only
// (`import ... from 'telehealth-rules/keystroke'`): the keystroke module and
// its glue, and nothing of the records module, so a bundler's link-only
// chunk carries no records glue; nor the Standard Schema validators, whose
// entry is `telehealth-rules/schema` (standard-schema.js). It shares its
// module and state with the full entry (keystroke-core.js). Servers resolve
// this path to the full server entry (node.js), which has these names and
// more.
import { api, keystroke } from './keystroke-core.js';

export { ruleset } from './ruleset.js';

export const { checkLink, checkInstructions, setMessages, loadLocale } = api;
export const initKeystroke = (source) => keystroke.init(source);
/** Whether the keystroke module is loaded (this entry's one module: `isReady()` and `isReady('keystroke')` alike; never `'records'`). */
export const isReady = (module) => module !== 'records' && keystroke.isReady();
/** Loads the keystroke module from bytes or a WebAssembly.Module: `initSync({keystroke})`. */
export const initSync = (sources) => keystroke.initSync(sources?.keystroke);
