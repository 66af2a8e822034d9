// Server entry (the `node` export condition, and `require()` through the
// node.cjs build of this file): the two modules' bytes are embedded in
// ./keystroke_bg.base64.js and ./records_bg.base64.js, so no file is read and
// no URL is resolved, and a server bundler (Next.js, webpack, esbuild, Vite
// SSR) has nothing to move away. Each module is compiled on its first use;
// `init()` and `initSync()` do both ahead of time (a server may call one at
// start-up).
import * as keystrokeGlue from './keystroke.js';
import * as recordsGlue from './records.js';
import keystrokeBase64 from './keystroke_bg.base64.js';
import recordsBase64 from './records_bg.base64.js';
import { bind } from './api.js';
import { keystrokeCalls } from './io.js';
import { createLoader, fromBase64, loadBoth, preloadAtIdle } from './loader.js';
import { locationSchemaOver, objectSchema, schemas } from './schema.js';
import { catalogs, locales } from './messages.js';

export { ruleset } from './ruleset.js';

const keystroke = createLoader({ file: 'keystroke_bg.wasm', module: 'keystroke', glue: keystrokeGlue, embedded: () => fromBase64(keystrokeBase64), calls: keystrokeCalls });
const records = createLoader({ file: 'records_bg.wasm', module: 'records', glue: recordsGlue, embedded: () => fromBase64(recordsBase64) });

// Every shipped locale's messages are at hand on a server.
export const {
  check, audit, checkJson, checkLink, checkInstructions, checkLocation, checkContinuity, checkSession, setMessages, loadLocale,
} = bind({
  keystroke: keystroke.use,
  records: records.use,
  catalogs: { ...catalogs },
  loadCatalog: (locale) => Promise.resolve(catalogs[locale]),
  shipped: locales,
});
export const { init, initSync, isReady } = loadBoth({ keystroke, records });
export const { linkSchema, instructionsSchema } = schemas({ checkLink, checkInstructions, keystroke });
export const locationSchema = locationSchemaOver({ checkLocation }, records);
export const initKeystroke = (source) => keystroke.init(source);
export const initRecords = (source) => records.init(source);
export const preloadRecords = () => preloadAtIdle(records);
export { objectSchema };
