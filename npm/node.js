// Node entry (the `node` export condition): no fetch, no init() needed. The
// wasm file is read from disk and compiled synchronously on first use, so
// every function works straight after import. `init()` is kept so code
// shared with the browser can await it; in Node it loads at once (a server
// may call it at start-up to pay the few milliseconds of compiling there).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as glue from './telehealth_rules.js';
import { bind } from './api.js';

export { ruleset } from './ruleset.js';

let loaded = false;

function load() {
  if (!loaded) {
    glue.initSync({ module: wasmBytes() });
    loaded = true;
  }
  return glue;
}

export const { check, audit, checkJson, checkLink, checkInstructions, checkLocation, checkContinuity, checkSession } = bind(load);

/** Loads the module now (it is otherwise loaded on first use); never fetches. */
export function init() {
  try {
    load();
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * The .wasm bytes: beside this file, or, when this file was bundled into
 * server code that left the .wasm behind, from the installed package.
 */
function wasmBytes() {
  const beside = new URL('./telehealth_rules_bg.wasm', import.meta.url);
  try {
    return readFileSync(beside);
  } catch (error) {
    if (error?.code !== 'ENOENT') throw error;
    let installed;
    try {
      installed = new URL(import.meta.resolve('telehealth-rules/telehealth_rules_bg.wasm'));
    } catch {
      // not resolvable from here: fall through to the error below
    }
    if (installed && installed.href !== beside.href) return readFileSync(installed);
    throw new Error(
      `telehealth-rules: the wasm module is missing (${fileURLToPath(beside)}). If this file was bundled into server code, keep 'telehealth-rules' external or copy telehealth_rules_bg.wasm next to the bundle.`,
      { cause: error },
    );
  }
}
