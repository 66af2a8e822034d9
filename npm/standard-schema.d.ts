// `telehealth-rules/schema`: the Standard Schema validators of the fields
// (browsers: over the keystroke module, and the records module for
// locations). The same declarations as the package's main entry.
export type * from './index.js';
export { linkSchema, instructionsSchema, locationSchema, objectSchema } from './index.js';
