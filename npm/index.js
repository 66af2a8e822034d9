// Browser and bundler entry: `await init()` once (it fetches the .wasm file
// next to this one), then every call is synchronous. `initSync(bytes)` loads
// from bytes already at hand.
import * as glue from './telehealth_rules.js';
import { bind } from './api.js';
import { besidePackage, createLoader } from './loader.js';

export { ruleset } from './ruleset.js';

const rules = createLoader({
  file: 'telehealth_rules_bg.wasm',
  glue,
  // Written out here, literally: the pattern bundlers copy and rewrite
  // (besidePackage() only corrects Vite's dev-server pre-bundling).
  locate: () => besidePackage(new URL('./telehealth_rules_bg.wasm', import.meta.url)),
  // V8 compiles wasm functions lazily: one call here moves the first
  // keystroke's few milliseconds of compiling into the load.
  warm: (w) => w.checkLinkJson('https://doxy.me/warm-up', '2026-01-01'),
});

export const { check, audit, checkJson, checkLink, checkInstructions, checkLocation, checkContinuity, checkSession } = bind(rules.use);
export const init = (source) => rules.init(source);
export const initSync = (source) => rules.initSync(source);
export const isReady = () => rules.isReady();
