// Browser entry for pages that check links and instructions only
// (`import ... from 'telehealth-rules/keystroke'`): the keystroke module and
// its glue, and nothing of the records module, so a bundler's link-only
// chunk carries no records glue. It shares its module and state with the
// full entry (keystroke-core.js). Servers resolve this path to the full
// server entry (node.js), which has these names and more.
import { api, keystroke } from './keystroke-core.js';
import { objectSchema, schemas } from './schema.js';

export { ruleset } from './ruleset.js';
export { objectSchema };

export const { checkLink, checkInstructions, setMessages, loadLocale } = api;
export const initKeystroke = (source) => keystroke.init(source);
/** Whether the keystroke module is loaded (this entry's one module: `isReady()` and `isReady('keystroke')` alike; never `'records'`). */
export const isReady = (module) => module !== 'records' && keystroke.isReady();
/** Loads the keystroke module from bytes or a WebAssembly.Module: `initSync({keystroke})`. */
export const initSync = (sources) => keystroke.initSync(sources?.keystroke);
export const { linkSchema, instructionsSchema } = schemas({ checkLink, checkInstructions, keystroke });
