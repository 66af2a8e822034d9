// Standard Schema v1 validators (https://standardschema.dev, the interface
// zod, Valibot and ArkType implement, which React Hook Form, TanStack Form,
// tRPC and others accept without adapters) for the fields a settings page
// checks: the link, the instructions and a location. `~standard.validate`
// answers at once when the function's module is loaded (always on a
// server), and otherwise loads it and answers through a promise, as the
// spec allows. The value out is the normalized value (the link's
// `normalized`); each issue carries the finding's `message`, `code`,
// `severity`, its `fix` when it has one, and a `path` where it names a field
// of the value (a location's `zip`).

const VENDOR = 'telehealth-rules';

/**
 * The validators over an entry's functions: `check(value, options)` gives a
 * report, `load()` loads the module it needs, `loaded()` says whether it is.
 */
export function schemas({ checkLink, checkInstructions, checkLocation, keystroke, records }) {
  /** A Standard Schema whose validate checks with `run(value)` once `module` is loaded. */
  function schema(module, options, run) {
    if (options != null && (typeof options !== 'object' || Array.isArray(options))) {
      throw new TypeError(`telehealth-rules: a schema's options must be an object, not ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}.`);
    }
    const allowReview = options?.allowReview === true;
    const validate = (value) => {
      if (module.isReady()) return run(value, allowReview);
      return module.init().then(() => run(value, allowReview));
    };
    return { '~standard': { version: 1, vendor: VENDOR, validate } };
  }

  return {
    linkSchema: (options) =>
      schema(keystroke, options, (value, allowReview) => {
        if (typeof value !== 'string') return notA('a link, as text', value);
        const report = checkLink(value, options);
        return outcome(report, allowReview, () => report.normalized, []);
      }),
    instructionsSchema: (options) =>
      schema(keystroke, options, (value, allowReview) => {
        if (value != null && typeof value !== 'string') return notA('the instructions, as text', value);
        const link = typeof options?.link === 'function' ? options.link() : options?.link;
        const report = checkInstructions(value ?? '', { ...options, link });
        return outcome(report, allowReview, () => value ?? '', []);
      }),
    locationSchema: (options) =>
      schema(records, options, (value, allowReview) => {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return notA('a location, {state, zip?, country?}', value);
        const { asOf, locale } = options ?? {};
        const report = checkLocation({ ...value, ...(asOf == null ? {} : { asOf }), ...(locale == null ? {} : { locale }) });
        // The place as its code, the ZIP as the rules read it.
        const normalized = () => ({ ...value, state: report.jurisdiction?.code ?? value.state, ...(report.zip ? { zip: report.zip } : {}) });
        return outcome(report, allowReview, normalized, null);
      }),
  };
}

/**
 * The Standard Schema result of `report`: its value (`value()`) when the
 * verdict is `accept` (or `review` with `allowReview`), else its findings as
 * issues: errors, and warnings unless `allowReview`. `path` is `[]` for a
 * value that is one field (the form library adds the field's own path), or
 * null to give each issue the finding's field as its path.
 */
function outcome(report, allowReview, value, path) {
  if (report.verdict === 'accept' || (report.verdict === 'review' && allowReview)) return { value: value() };
  const issues = report.findings
    .filter((f) => f.severity === 'error' || (f.severity === 'warning' && !allowReview))
    .map((f) => {
      const issue = { message: f.message, code: f.code, severity: f.severity };
      if (f.fix !== undefined) issue.fix = f.fix;
      const at = path ?? (f.field ? [f.field] : []);
      if (at.length > 0) issue.path = at;
      return issue;
    });
  return { issues };
}

/** The failure for a value of the wrong type (what a form gives before it is filled, say). */
function notA(what, value) {
  const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : value === undefined ? 'nothing' : `a ${typeof value}`;
  return { issues: [{ message: `Expected ${what}, got ${got}.`, code: 'invalid_request', severity: 'error' }] };
}
