// The telehealth rules, kept off the first-paint path. The page renders from
// the HTML and what this browser saved; the package's two wasm modules load
// afterwards: `keystroke` (checkLink, checkInstructions), whose files the
// HTML preloads, right after the first paint or when a link field is
// focused; `records` (checkLocation, checkContinuity, checkSession) when the
// page is idle or a screen that needs it is opened. A screen asks
// `isReady(name)` before checking and `onReady(name, update)` to check what
// was typed meanwhile.
//
// The provider's screens are in English, so the rules are asked in English;
// what clients read is written by the page (wording.js), in their language.

import * as keystrokeEntry from '/pkg/keystroke-only.js';

// Each module comes from its own entry of the package, written out literally
// so that the page's build (scripts/build-www.mjs) bundles it. The keystroke
// rules' entry, `telehealth-rules/keystroke` (no records glue), is imported
// with this module: the first check needs nothing more than its wasm. The
// records rules come from the full entry, imported when they are first
// needed; it shares the keystroke entry's module and state (one load, one set
// of messages).
const entries = {
  keystroke: () => Promise.resolve(keystrokeEntry),
  records: () => import('/pkg/index.js'),
};

// `namespace` is the module's entry once imported.
const modules = {
  keystroke: { ready: false, waiting: [], importing: null, namespace: null, start: (m) => m.initKeystroke() },
  records: { ready: false, waiting: [], importing: null, namespace: null, start: (m) => m.initRecords() },
};

function importEntry(name) {
  const module = modules[name];
  module.importing ??= entries[name]().then(
    (namespace) => {
      module.namespace = namespace;
      return namespace;
    },
    (error) => {
      module.importing = null; // a later call tries again
      throw error;
    },
  );
  return module.importing;
}

function settle(name, start) {
  const module = modules[name];
  if (module.ready) return Promise.resolve();
  return importEntry(name).then(start).then(() => {
    if (module.ready) return;
    module.ready = true;
    for (const callback of module.waiting.splice(0)) callback();
  });
}

/** Loads a module now (`'keystroke'` or `'records'`); resolves once its functions answer. Loads once, however often called. */
export const load = (name) => settle(name, modules[name].start);

/** Loads the records module when the browser is next idle (the package's preloadRecords()). */
export const preloadRecords = () => settle('records', (m) => m.preloadRecords());

export const isReady = (name) => modules[name].ready;

/** Loads `name` if need be; resolves to false when it cannot be loaded (for Save, which then says so). */
export const ready = (name) => load(name).then(() => true, () => false);

/** What Save says when the rules could not be loaded. */
export const NOT_LOADED = 'The telehealth rules could not be loaded, so nothing was checked or saved. Reload the page and try again.';

/** Runs `callback` once `name` is loaded: at once when it already is. */
export function onReady(name, callback) {
  if (modules[name].ready) callback();
  else modules[name].waiting.push(callback);
}

/** The ruleset of the loaded package (null before). */
export const ruleset = () => (modules.keystroke.namespace ?? modules.records.namespace)?.ruleset ?? null;

function loaded(name, caller) {
  if (!modules[name].ready) throw new Error(`${caller}() was called before the ${name} rules were loaded`);
  return modules[name].namespace;
}

// `typing: true` asks the rules which findings a value still being typed may
// lose (contract v1.2 "Values being typed"); a package without that mode
// ignores the option, and its reports carry no `settled`.
const typed = (typing) => (typing ? { typing: true } : {});
export const checkLink = (input, { typing = false } = {}) => loaded('keystroke', 'checkLink').checkLink(input, typed(typing));
export const checkInstructions = (input, { link, typing = false } = {}) =>
  loaded('keystroke', 'checkInstructions').checkInstructions(input, { link, ...typed(typing) });
export const checkLocation = (fields, { typing = false } = {}) =>
  loaded('records', 'checkLocation').checkLocation({ ...fields, ...typed(typing) });
export const checkContinuity = (fields) => loaded('records', 'checkContinuity').checkContinuity(fields);
export const checkSession = (fields) => loaded('records', 'checkSession').checkSession(fields);
