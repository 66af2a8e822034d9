// Browser and bundler entry: `await init()` once, then every call is synchronous.
import initWasm, * as glue from './telehealth_rules.js';
import { bind, notReady } from './api.js';

export { ruleset } from './ruleset.js';

let loaded = false;
let loading = null;

export const { check, checkJson, checkLink, checkInstructions, checkLocation, checkContinuity, checkSession } = bind((name) => {
  if (!loaded) throw notReady(name);
  return glue;
});

/**
 * Loads the wasm module. Safe to call any number of times, from any number
 * of components at once: they all await the same load, and the module is
 * fetched once. `source` may be a URL, a Response, bytes or a
 * WebAssembly.Module; by default the .wasm file next to this one is fetched
 * (bundlers copy it and rewrite the URL). A failed load (say, offline)
 * rejects, and a later init() tries again.
 */
export function init(source) {
  loading ??= initWasm({ module_or_path: source ?? new URL('./telehealth_rules_bg.wasm', import.meta.url) }).then(
    () => {
      loaded = true;
    },
    (error) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
