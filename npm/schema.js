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

const standard = (validate) => ({ '~standard': { version: 1, vendor: 'telehealth-rules', validate } });
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

// A schema over `module` (a loader: `{isReady(), init()}`) whose
// `run(value, options)` gives the result once it is loaded. validate never
// throws (as the spec asks): options the function refuses (an asOf that is
// no day) come back as the issue.
const schema = (module, run) => (options) => {
  if (options != null && !isObject(options)) throw new TypeError('telehealth-rules: a schema\'s options must be an object.');
  const answer = (value) => {
    try {
      return run(value, options ?? {});
    } catch (error) {
      return { issues: [{ message: error.message, code: 'invalid_request', severity: 'error' }] };
    }
  };
  return standard((value) => (module.isReady() ? answer(value) : module.init().then(() => answer(value))));
};

/**
 * `linkSchema` and `instructionsSchema` over an entry's functions and the
 * keystroke module's loader.
 */
export function schemas({ checkLink, checkInstructions, keystroke }) {
  return {
    linkSchema: schema(keystroke, (value, options) => {
      if (typeof value !== 'string') return notA('a link, as text', value);
      const report = checkLink(value, options);
      return outcome(report, options, () => report.normalized, []);
    }),
    instructionsSchema: schema(keystroke, (value, options) => {
      if (value != null && typeof value !== 'string') return notA('the instructions, as text', value);
      const link = typeof options.link === 'function' ? options.link() : options.link;
      return outcome(checkInstructions(value ?? '', { ...options, link }), options, () => value ?? '', []);
    }),
  };
}

/**
 * `locationSchema` over an entry's functions (`checkLocation`) and the
 * records module's loader: apart from the others, so that a bundle that
 * does not use it leaves the records module's glue out.
 */
export function locationSchemaOver({ checkLocation }, records) {
  return schema(records, (value, { asOf, locale, allowReview }) => {
    if (!isObject(value)) return notA('a location, {state, zip?, country?}', value);
    const report = checkLocation({ ...value, ...(asOf == null ? {} : { asOf }), ...(locale == null ? {} : { locale }) });
    // The place as its code, the ZIP as the rules read it.
    const normalized = () => ({ ...value, state: report.jurisdiction?.code ?? value.state, ...(report.zip ? { zip: report.zip } : {}) });
    return outcome(report, { allowReview }, normalized, null);
  });
}

/**
 * A Standard Schema for an object whose fields each have a Standard Schema
 * (`{link: linkSchema(), instructions: instructionsSchema()}`, or any other
 * library's): what a form library that validates the whole form (React Hook
 * Form's `standardSchemaResolver`) takes. Each field's issues get the field
 * name first in their `path`; the value out is the object with each field's
 * value out (fields without a schema pass as they are). Answers through a
 * promise when a field's schema does.
 */
export function objectSchema(shape) {
  const keys = Object.keys(isObject(shape) ? shape : {});
  if (!isObject(shape) || keys.some((k) => typeof shape[k]?.['~standard']?.validate !== 'function')) {
    throw new TypeError('telehealth-rules: objectSchema() takes an object of Standard Schemas, such as {link: linkSchema()}.');
  }
  const merge = (value, results) => {
    const issues = [];
    const out = { ...value };
    keys.forEach((key, i) => {
      if (results[i].issues) for (const issue of results[i].issues) issues.push({ ...issue, path: [key, ...(issue.path ?? [])] });
      else out[key] = results[i].value;
    });
    return issues.length > 0 ? { issues } : { value: out };
  };
  return standard((value) => {
    if (!isObject(value)) return notA('an object of fields', value);
    const results = keys.map((key) => shape[key]['~standard'].validate(value[key]));
    return results.some((r) => typeof r?.then === 'function') ? Promise.all(results).then((done) => merge(value, done)) : merge(value, results);
  });
}

/**
 * The Standard Schema result of `report`: its value (`value()`) when the
 * verdict is `accept` (or `review` with `allowReview`), else its findings as
 * issues: errors, and warnings unless `allowReview`. `path` is `[]` for a
 * value that is one field (the form library adds the field's own path), or
 * null to give each issue the finding's field as its path.
 */
function outcome(report, { allowReview }, value, path) {
  const review = allowReview === true;
  if (report.verdict === 'accept' || (report.verdict === 'review' && review)) return { value: value() };
  const issues = [];
  for (const { code, severity, message, fix, field } of report.findings) {
    if (severity === 'info' || (severity === 'warning' && review)) continue;
    const issue = { message, code, severity };
    if (fix !== undefined) issue.fix = fix;
    const at = path ?? (field ? [field] : []);
    if (at.length > 0) issue.path = at;
    issues.push(issue);
  }
  return { issues };
}

/** The failure for a value of the wrong type (what a form gives before it is filled, say). */
const notA = (what, value) => ({ issues: [{ message: `Expected ${what}, not ${value === null ? 'null' : typeof value}.`, code: 'invalid_request', severity: 'error' }] });
