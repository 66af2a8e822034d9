// The API (documented in index.d.ts): requests in, reports out; no rule
// lives here. `keystroke(name)` and `records(name)` give a loaded module
// (`name`: the caller, for the error when it is not loaded). checkLink and
// checkInstructions use the keystroke module only, so they never wait for
// the records module: it answers on the compact wire (wire.js) and the
// messages are rendered here from the catalogs; the records module answers
// JSON with its messages rendered. `catalogs` holds the loaded locales'
// catalogs of keystroke messages; `loadCatalog(locale)` fetches another. The
// other codes' templates (for a host's overrides, and the reports made here)
// come from the records module, which carries every catalog.
import { renderMessage } from './render.js';
import { ruleset } from './ruleset.js';
import { fromWire } from './wire.js';

export function bind({ keystroke, records, catalogs, loadCatalog, shipped }) {
  // A host application's own templates and terms, by locale: {messages, terms}.
  const overrides = new Map();
  // Every code's templates and terms, by locale, read once from the records module.
  const complete = new Map();
  const completeCatalog = (w, locale) => {
    if (!complete.has(locale)) complete.set(locale, JSON.parse(w.catalogJson(locale)));
    return complete.get(locale);
  };

  /** The catalog of `locale` for the keystroke path; throws when it is not loaded yet. */
  function catalogOf(locale, name) {
    const catalog = catalogs[locale ?? 'en'];
    if (!catalog) {
      throw new Error(`telehealth-rules: ${name}() in locale '${locale}' needs its messages: \`await loadLocale('${locale}')\` once first.`);
    }
    return catalog;
  }

  /** A records report (from module `w`) with the host's templates for its locale applied. */
  function hosted(w, report, locale) {
    const override = overrides.get(locale ?? 'en');
    if (override?.messages && Array.isArray(report?.findings)) {
      const catalog = completeCatalog(w, shipped.includes(locale) ? locale : 'en');
      for (const f of report.findings) {
        if (Object.hasOwn(override.messages, f.code)) f.message = renderMessage(catalog, f.code, f.params, override);
      }
    }
    return report;
  }

  function check(request) {
    const w = records('check');
    let text;
    try {
      text = JSON.stringify(request) ?? 'null';
    } catch (error) {
      return invalid(w, 'request_not_serializable', { detail: String(error?.message ?? error) });
    }
    return hosted(w, JSON.parse(w.checkJson(text)), request?.locale);
  }

  function checkJson(text) {
    return records('checkJson').checkJson(typeof text === 'string' ? text.toWellFormed() : String(text));
  }

  // A locale the package ships, or absent; anything else goes to the records
  // module, whose decoder names it.
  const isLocale = (locale) => locale == null || shipped.includes(locale);

  // `typing` (a value still being typed) is the request's own field, sent only when given.
  function checkLink(input, options) {
    if (!isOptions(options)) return badOptions('checkLink', options, '{asOf, locale}');
    const { asOf, locale, typing } = options ?? {};
    if (typeof input === 'string' && isText(asOf) && isLocale(locale) && isFlag(typing)) {
      const w = keystroke('checkLink');
      const catalog = catalogOf(locale, 'checkLink');
      const tokens = w.checkLink(input, asOf ?? '', typing);
      if (tokens) return fromWire(tokens, catalog, overrides.get(locale ?? 'en'));
    }
    // A mistyped call (or asOf not a date): the records module's decoder names the field at fault.
    return check({ kind: 'link', input, as_of: asOf, locale, typing });
  }

  function checkInstructions(input, options) {
    if (!isOptions(options)) return badOptions('checkInstructions', options, '{link, asOf, locale}');
    const { link, asOf, locale, typing } = options ?? {};
    if (isText(input) && isText(link) && isText(asOf) && isLocale(locale) && isFlag(typing)) {
      const w = keystroke('checkInstructions');
      const catalog = catalogOf(locale, 'checkInstructions');
      const tokens = w.checkInstructions(input ?? '', link ?? null, asOf ?? '', typing);
      if (tokens) return fromWire(tokens, catalog, overrides.get(locale ?? 'en'));
    }
    return check({ kind: 'instructions', input, link, as_of: asOf, locale, typing });
  }

  /**
   * A host application's own message templates and terms for `locale`
   * (`{messages: {code: template}, terms: {group: {value: text}}}`), used for
   * every report in that locale from now on; `null` removes them.
   */
  function setMessages(locale, catalog) {
    if (catalog == null) overrides.delete(locale);
    else overrides.set(locale, catalog);
  }

  /** Loads the messages of a shipped `locale` for checkLink and checkInstructions (the records module has them all). */
  function loadLocale(locale) {
    if (catalogs[locale]) return Promise.resolve();
    if (!shipped.includes(locale)) {
      return Promise.reject(new TypeError(`telehealth-rules: loadLocale() takes ${shipped.join(' or ')}, not ${String(locale)}.`));
    }
    return loadCatalog(locale).then((catalog) => {
      catalogs[locale] = catalog;
    });
  }

  function checkKind(kind, name, shape) {
    return (request) => {
      const w = records(name); // not loaded: the error names this function
      if (!isObject(request)) return invalid(w, 'bad_argument', { function: name, shape, js_type: jsType(request) });
      const { asOf, ...rest } = request;
      return check({ ...rest, kind, ...(asOf === undefined ? {} : { as_of: asOf }) });
    };
  }

  // A stored record in, the change (or `{report}` when it is not a record) or null out.
  function audit(record) {
    const w = records('audit');
    let text;
    try {
      text = typeof record === 'string' ? record.toWellFormed() : (JSON.stringify(record) ?? 'null');
    } catch (error) {
      return { report: invalid(w, 'record_not_serializable', { detail: String(error?.message ?? error) }) };
    }
    return JSON.parse(w.auditJson(text));
  }

  // The invalid_request report for a mistake the modules never see, in the
  // shape and field order of the Rust InvalidRequestReport (English, as the
  // decoder answers what it cannot read), its message from records module `w`.
  function invalid(w, problem, params) {
    const all = { problem, ...params };
    const message = renderMessage(completeCatalog(w, 'en'), 'invalid_request', all);
    return { kind: 'invalid_request', verdict: 'reject', findings: [{ code: 'invalid_request', severity: 'error', field: '', message, params: all }], ruleset };
  }

  // Like every mistyped call, answered with the records module (not loaded: the error names `name`).
  const badOptions = (name, options, shape) => invalid(records(name), 'bad_options', { function: name, shape, js_type: jsType(options) });

  return {
    setMessages,
    loadLocale,
    check,
    audit,
    checkJson,
    checkLink,
    checkInstructions,
    checkLocation: checkKind('location', 'checkLocation', '{state, zip?, country?}'),
    checkContinuity: checkKind('continuity', 'checkContinuity', '{location, provider, client}'),
    checkSession: checkKind('session', 'checkSession', '{session_start or session_date, modality, payment, location, provider, client}'),
  };
}

export const notReady = (name) =>
  new Error(`telehealth-rules: ${name}() was called before its wasm module was loaded. Call init() once and await it first: \`await init(); ${name}(...)\`.`);

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const isOptions = (value) => value == null || isObject(value);
const isText = (value) => value == null || typeof value === 'string';
const isFlag = (value) => value == null || value === !!value;
const jsType = (value) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
