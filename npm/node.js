// Node entry: the wasm file is read from disk and instantiated at import, so
// every function works at once; no fetch, no bundler. `init()` is kept so
// code shared with the browser can await it.
import { readFileSync } from 'node:fs';
import * as wasm from './telehealth_rules.js';
import { attach } from './api.js';

wasm.initSync({ module: readFileSync(new URL('./telehealth_rules_bg.wasm', import.meta.url)) });
attach(wasm);

export { check, checkJson, checkLink, checkInstructions, checkLocation, checkContinuity, checkSession } from './api.js';
export { ruleset } from './ruleset.js';

/** Already done at import; resolves at once. */
export function init() {
  return Promise.resolve();
}
