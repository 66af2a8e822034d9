// The telehealth rules, kept off the first-paint path. The page renders from
// the HTML and what this browser saved; the package's JavaScript and its two
// wasm modules are fetched afterwards: `keystroke` (checkLink,
// checkInstructions) right after the first paint or when a link field is
// focused, `records` (checkLocation, checkContinuity, checkSession) when the
// page is idle or a screen that needs it is opened. A screen asks
// `isReady(name)` before checking and `onReady(name, update)` to check what
// was typed meanwhile.
//
// The check functions here are the package's, with the chosen language
// (`locale`) added to every request when it is not English.

const PACKAGE = '/pkg/index.js';
export const LOCALES = ['en', 'es'];

let pkg = null;
let importing = null;
let locale = 'en';
// The keystroke module renders its messages in the page from the package's
// catalogs: English is built in, another language loads with loadLocale(),
// and the module counts as ready once the chosen language's has loaded.
const catalogs = new Set(['en']);
const withLocale = (m) => (catalogs.has(locale) ? Promise.resolve() : m.loadLocale(locale).then(() => catalogs.add(locale)));
const modules = {
  keystroke: { ready: false, waiting: [], start: (m) => m.initKeystroke().then(() => withLocale(m)) },
  records: { ready: false, waiting: [], start: (m) => m.initRecords() },
};

function importPackage() {
  importing ??= import(PACKAGE).then(
    (namespace) => {
      pkg = namespace;
      return namespace;
    },
    (error) => {
      importing = null; // a later call tries again
      throw error;
    },
  );
  return importing;
}

function settle(name, start) {
  const module = modules[name];
  if (module.ready) return Promise.resolve();
  return importPackage().then(start).then(() => {
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
export const ruleset = () => pkg?.ruleset ?? null;

export const getLocale = () => locale;
/** Chooses the language; resolves once the keystroke checks can answer in it. */
export function setLocale(next) {
  if (!LOCALES.includes(next)) return Promise.resolve();
  locale = next;
  return modules.keystroke.ready ? withLocale(pkg).catch(() => undefined) : Promise.resolve();
}

/** `fields` with the chosen language, when it is not English: for the rules here and for the server. */
export const localized = (fields) => (locale === 'en' ? fields : { ...fields, locale });

function loaded(name, caller) {
  if (!modules[name].ready) throw new Error(`${caller}() was called before the ${name} rules were loaded`);
  return pkg;
}

// Until the chosen language's messages have loaded, the keystroke checks answer in English.
const keystrokeOptions = (options) => (catalogs.has(locale) ? localized(options) : options);
export const checkLink = (input, options = {}) => loaded('keystroke', 'checkLink').checkLink(input, keystrokeOptions(options));
export const checkInstructions = (input, options = {}) =>
  loaded('keystroke', 'checkInstructions').checkInstructions(input, keystrokeOptions(options));
export const checkLocation = (fields) => loaded('records', 'checkLocation').checkLocation(localized(fields));
export const checkContinuity = (fields) => loaded('records', 'checkContinuity').checkContinuity(localized(fields));
export const checkSession = (fields) => loaded('records', 'checkSession').checkSession(localized(fields));

/**
 * The language the rules' messages come back in: the chosen one when the
 * package renders it (its message catalog), else English. Asked once per
 * language of a loaded module, with a request that has a finding.
 */
export function messageLocale() {
  if (locale === 'en') return 'en';
  if (probed.has(locale)) return probed.get(locale);
  const probe = modules.keystroke.ready
    ? (fields) => pkg.checkLink('ftp://example.com', fields)
    : modules.records.ready ? (fields) => pkg.checkLocation({ state: 'Texa', ...fields }) : null;
  if (!probe) return 'en';
  const english = probe({}).findings[0]?.message;
  const chosen = probe({ locale });
  const answer = chosen.kind !== 'invalid_request' && chosen.findings[0]?.message !== english ? locale : 'en';
  probed.set(locale, answer);
  return answer;
}
const probed = new Map();
