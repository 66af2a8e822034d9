// Browser and bundler entry: `await init()` once, then every call is synchronous.
import initWasm, * as wasm from './telehealth_rules.js';
import { attach } from './api.js';

export { check, checkJson, checkLink, checkInstructions, checkLocation, checkContinuity, checkSession } from './api.js';
export { ruleset } from './ruleset.js';

let loading = null;

/**
 * Loads the wasm module. Safe to call any number of times, from any number
 * of components at once: they all await the same load. `source` may be a URL,
 * a Response, bytes or a WebAssembly.Module; by default the .wasm file next to
 * this one is fetched.
 */
export function init(source) {
  loading ??= initWasm({ module_or_path: source ?? new URL('./telehealth_rules_bg.wasm', import.meta.url) }).then(
    () => attach(wasm),
    (error) => {
      loading = null; // a failed load (say, offline) can be retried
      throw error;
    },
  );
  return loading;
}
