// Browser and bundler entry: `await init()` once, then every call is synchronous.
import initWasm, * as glue from './telehealth_rules.js';
import { bind, notReady } from './api.js';

export { ruleset } from './ruleset.js';

let loaded = false;
let loading = null;

export const { check, audit, checkJson, checkLink, checkInstructions, checkLocation, checkContinuity, checkSession } = bind((name) => {
  if (!loaded) throw notReady(name);
  return glue;
});

// One load for every caller; after a failure the next call retries.
export function init(source) {
  loading ??= initWasm({ module_or_path: source ?? new URL('./telehealth_rules_bg.wasm', import.meta.url) }).then(
    () => {
      loaded = true;
      // V8 compiles wasm functions lazily: one call here moves the first
      // keystroke's few milliseconds of compiling into the load.
      glue.checkLinkJson('https://doxy.me/warm-up', '2026-01-01');
    },
    (error) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
