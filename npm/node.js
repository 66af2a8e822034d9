// Server entry (the `node` export condition, and `require()` through the
// node.cjs build of this file): the module's bytes are embedded in
// ./telehealth_rules_bg.base64.js, so no file is read and no URL is resolved,
// and a server bundler (Next.js, webpack, esbuild, Vite SSR) has nothing to
// move away. The module is compiled on first use; `init()` and `initSync()`
// do it ahead of time (a server may call one at start-up).
import * as glue from './telehealth_rules.js';
import base64 from './telehealth_rules_bg.base64.js';
import { bind } from './api.js';
import { createLoader, fromBase64 } from './loader.js';

export { ruleset } from './ruleset.js';

const rules = createLoader({
  file: 'telehealth_rules_bg.wasm',
  glue,
  embedded: () => fromBase64(base64),
});

export const { check, audit, checkJson, checkLink, checkInstructions, checkLocation, checkContinuity, checkSession } = bind(rules.use);
export const init = (source) => rules.init(source);
export const initSync = (source) => rules.initSync(source);
export const isReady = () => rules.isReady();
