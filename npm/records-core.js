// The browser entries' records module: its loader, made once and handed to
// the API bound in keystroke-core.js, so that a page importing both
// `telehealth-rules` and `telehealth-rules/schema` has one records module
// and one load.
import * as recordsGlue from './records.js';
import { withRecords } from './keystroke-core.js';
import { besidePackage, createLoader } from './loader.js';

export const records = createLoader({
  file: 'records_bg.wasm',
  module: 'records',
  glue: recordsGlue,
  locate: () => besidePackage(new URL('./records_bg.wasm', import.meta.url)),
});
withRecords(records.use);
