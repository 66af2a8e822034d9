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

  /** The catalog of shipped `locale` for the keystroke path; throws when it is not loaded yet. */
  function catalogOf(locale, name) {
    const catalog = catalogs[locale];
    if (!catalog) {
      throw new Error(`telehealth-rules: ${name}() in locale '${locale}' needs its messages: \`await loadLocale('${locale}')\` once first.`);
    }
    return catalog;
  }

  /** A records report (from module `w`) with the host's templates for its locale applied. */
  function hosted(w, report, locale) {
    const override = overrides.get(locale);
    if (override?.messages && Array.isArray(report?.findings)) {
      const catalog = completeCatalog(w, locale);
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
    return hosted(w, JSON.parse(w.checkJson(text)), negotiate(request?.locale));
  }

  function checkJson(text) {
    return records('checkJson').checkJson(typeof text === 'string' ? text.toWellFormed() : String(text));
  }

  // A locale tag (BCP 47: `es-MX`, `en-US`, `fr`) as the shipped locale of
  // its language, English for any other: what src/request.rs
  // (Locale::negotiate) does, so both paths give the same bytes.
  const negotiate = (tag) => {
    if (typeof tag !== 'string') return 'en';
    const language = tag.split(/[-_]/)[0].replace(/[A-Z]/g, (c) => c.toLowerCase());
    return shipped.includes(language) ? language : 'en';
  };
  // A keystroke report with the `locale` it was matched to, last (as the
  // records module writes it), when the tag did not name it as written.
  const matched = (report, tag, locale) => {
    if (tag != null && tag !== locale) report.locale = locale;
    return report;
  };

  // `typing` (a value still being typed) is the request's own field, sent only when given.
  function checkLink(input, options) {
    if (typeof input !== 'string') throw badArgument('checkLink', 'input', 'a string', input);
    const { asOf, locale: tag, typing } = readOptions('checkLink', options, LINK_OPTIONS);
    const locale = negotiate(tag);
    const w = keystroke('checkLink');
    const catalog = catalogOf(locale, 'checkLink');
    const tokens = w.checkLink(input, asOf ?? '', typing);
    if (tokens) return matched(fromWire(tokens, catalog, overrides.get(locale)), tag, locale);
    // Not reached with a date readOptions() accepted: the module's decoder names what it refused.
    return check({ kind: 'link', input, as_of: asOf, locale: tag, typing });
  }

  function checkInstructions(input, options) {
    if (input != null && typeof input !== 'string') throw badArgument('checkInstructions', 'input', 'a string (or nothing)', input);
    const { link, asOf, locale: tag, typing } = readOptions('checkInstructions', options, INSTRUCTIONS_OPTIONS);
    const locale = negotiate(tag);
    const w = keystroke('checkInstructions');
    const catalog = catalogOf(locale, 'checkInstructions');
    const tokens = w.checkInstructions(input ?? '', link ?? null, asOf ?? '', typing);
    if (tokens) return matched(fromWire(tokens, catalog, overrides.get(locale)), tag, locale);
    return check({ kind: 'instructions', input, link, as_of: asOf, locale: tag, typing });
  }

  /**
   * A host application's own message templates and terms for the locale a
   * tag matches (`{messages: {code: template}, terms: {group: {value: text}}}`),
   * used for every report in that locale from now on; `null` removes them.
   */
  function setMessages(tag, catalog) {
    const locale = negotiate(tag);
    if (catalog == null) overrides.delete(locale);
    else overrides.set(locale, catalog);
  }

  /**
   * Loads the messages of the locale a tag matches (`es-MX`: `es`; a
   * language not shipped: English, built in) for checkLink and
   * checkInstructions (the records module has them all).
   */
  function loadLocale(tag) {
    if (typeof tag !== 'string') return Promise.reject(badArgument('loadLocale', 'locale', "a language tag such as 'es' or 'es-MX'", tag));
    const locale = negotiate(tag);
    if (catalogs[locale]) return Promise.resolve();
    return loadCatalog(locale).then((catalog) => {
      catalogs[locale] = catalog;
    });
  }

  function checkKind(kind, name, argument, shape) {
    return (request) => {
      // Checked before any module is asked, so the error names this call in every state.
      if (!isObject(request)) throw badArgument(name, argument, `an object like ${shape}`, request);
      records(name); // not loaded: the error names this function
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

  return {
    setMessages,
    loadLocale,
    check,
    audit,
    checkJson,
    checkLink,
    checkInstructions,
    checkLocation: checkKind('location', 'checkLocation', 'location', '{state, zip?, country?}'),
    checkContinuity: checkKind('continuity', 'checkContinuity', 'request', '{location, provider, client}'),
    checkSession: checkKind('session', 'checkSession', 'request', '{session_start or session_date, modality, payment, location, provider, client}'),
  };
}

// The options each keystroke function reads, each with its check: anything
// else in the options object is passed over (so a newer option is no error).
const LINK_OPTIONS = {
  asOf: (v) => (isDate(v) ? null : "a date written YYYY-MM-DD, such as '2026-11-26'"),
  locale: (v) => (typeof v === 'string' ? null : "a language tag such as 'en', 'es' or 'es-MX'"),
  typing: (v) => (typeof v === 'boolean' ? null : 'true or false'),
};
const INSTRUCTIONS_OPTIONS = {
  ...LINK_OPTIONS,
  link: (v) => (typeof v === 'string' ? null : 'the provider\'s link, a string'),
};

/** The options of a call to `fn`, each checked (null and undefined stand for an option left out); throws a TypeError naming the first one at fault. */
function readOptions(fn, options, checks) {
  if (options == null) return {};
  if (!isObject(options)) throw badArgument(fn, 'options', `an object like {${Object.keys(checks).join(', ')}}`, options);
  for (const [name, wrong] of Object.entries(checks)) {
    const value = options[name];
    const expected = value == null ? null : wrong(value);
    if (expected) throw badArgument(fn, `options.${name}`, expected, value);
  }
  return options;
}

/** A TypeError for argument `argument` of `fn`, which takes `expected`. */
function badArgument(fn, argument, expected, value) {
  return new TypeError(`telehealth-rules: ${fn}(): ${argument} must be ${expected}, not ${describe(value)}.`);
}

const INIT = { keystroke: 'initKeystroke', records: 'initRecords' };

/** The Error of a function `name` called before its `module` (keystroke or records) loaded, in the browser. */
export const notReady = (name, module) => {
  const load = INIT[module];
  return new Error(`telehealth-rules: ${name}() ran before the ${module} module loaded: \`await ${load}()\` first (or init(); in React, \`use(${load}())\` inside <Suspense>).`);
};

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Exactly YYYY-MM-DD, a day that exists, year 1 to 9999 (as src/date.rs reads `as_of`). */
function isDate(value) {
  const day = new Date(`${value}T00:00Z`);
  return /^\d{4}-\d\d-\d\d$/.test(value) && value >= '0001' && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}

/** How a value reads in an error message: `a number`, `null`, `an array`, `the string "x"`. */
function describe(value) {
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : value === undefined ? 'undefined' : `a ${typeof value}`;
}
