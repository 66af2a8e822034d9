// Browser entry of the Standard Schema validators
// (`import ... from 'telehealth-rules/schema'`): linkSchema and
// instructionsSchema over the keystroke module, locationSchema over the
// records module, objectSchema for a whole form. They share their modules
// with the other browser entries (keystroke-core.js, records-core.js), and a
// bundle that does not use locationSchema carries no records glue (it is
// made apart, and marked pure). The full entry re-exports them; a page that
// checks links without them imports `telehealth-rules/keystroke`, which
// carries none of this. Servers resolve this path to the full server entry
// (node.js), which has these names and more.
import { api, keystroke } from './keystroke-core.js';
import { records } from './records-core.js';
import { locationSchemaOver, objectSchema, schemas } from './schema.js';

export { objectSchema };
export const { linkSchema, instructionsSchema } = schemas({ ...api, keystroke });
export const locationSchema = /* @__PURE__ */ locationSchemaOver(api, records);
