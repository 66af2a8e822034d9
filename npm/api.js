// The package's JavaScript API over the wasm module. Thin on purpose: every
// function builds a request, hands JSON text to the one Rust entry point and
// parses the JSON report it returns, so the answer is byte for byte the one
// the server computes. No rule lives here.
//
// `bind(wasm)` makes the functions; `wasm(name)` returns the instantiated
// module or throws (browser entry: before init()) or loads it (Node entry).
// Nothing here runs at import, so `sideEffects: false` holds for every file.

/** The API functions over a module getter. */
export function bind(wasm) {
  /** Checks any request (`{kind: ...}`) and returns its report. Never throws once initialized. */
  function check(request) {
    const w = wasm('check');
    let text;
    try {
      // `undefined`, functions and symbols have no JSON form: sent as null,
      // which the module reports as "must be a JSON object".
      text = JSON.stringify(request) ?? 'null';
    } catch (error) {
      // Cycles and BigInt: the request never reaches the module.
      return invalidRequest(w, '', `The request cannot be written as JSON (${error?.message ?? error}).`);
    }
    return JSON.parse(w.checkJson(text));
  }

  /**
   * Checks one request given as JSON text and returns the report as JSON text:
   * the exact bytes the HTTP service and the CLI produce (for servers that pass
   * request bodies through).
   */
  function checkJson(text) {
    const w = wasm('checkJson');
    // Lone UTF-16 surrogates have no UTF-8 form; they become visible U+FFFD.
    return w.checkJson(typeof text === 'string' ? text.toWellFormed() : String(text));
  }

  /** Checks the provider's default telehealth link, as typed or pasted. */
  function checkLink(input, options) {
    const w = wasm('checkLink');
    if (!isOptions(options)) return badOptions(w, 'checkLink', options, '{asOf}');
    const asOf = options?.asOf;
    if (typeof input === 'string' && (asOf === undefined || asOf === null || typeof asOf === 'string')) {
      return JSON.parse(w.checkLinkJson(input.toWellFormed(), asOf ?? ''));
    }
    return check({ kind: 'link', input, as_of: asOf });
  }

  /** Checks the instructions shown to clients; `options.link` is the current telehealth link. */
  function checkInstructions(input, options) {
    const w = wasm('checkInstructions');
    if (!isOptions(options)) return badOptions(w, 'checkInstructions', options, '{link, asOf}');
    return check({ kind: 'instructions', input, link: options?.link, as_of: options?.asOf });
  }

  /** Checks a client's virtual-session location: `{state, zip?, country?}`. */
  function checkLocation(location) {
    return checkKind('location', 'checkLocation', location, '{state, zip?, country?}');
  }

  /** Decides whether the provider can see the client where the client is. */
  function checkContinuity(request) {
    return checkKind('continuity', 'checkContinuity', request, '{location, provider, client}');
  }

  /** Checks one telehealth session before it is confirmed. */
  function checkSession(request) {
    return checkKind('session', 'checkSession', request, '{session_date, modality, payment, location, provider, client}');
  }

  function checkKind(kind, name, request, shape) {
    const w = wasm(name);
    if (!isObject(request)) {
      return invalidRequest(w, '', `${name}() takes an object like ${shape}, not ${describe(request)}.`);
    }
    // `asOf` is the JavaScript spelling of the contract's `as_of`.
    const { asOf, ...rest } = request;
    return check({ ...rest, kind, ...(asOf === undefined ? {} : { as_of: asOf }) });
  }

  return { check, checkJson, checkLink, checkInstructions, checkLocation, checkContinuity, checkSession };
}

/** The error for a function called before the browser entry's init() resolved. */
export function notReady(name) {
  return new Error(
    `telehealth-rules: ${name}() was called before the wasm module was loaded. Call init() once and await it first: \`await init(); ${name}(...)\`.`,
  );
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const isOptions = (value) => value === undefined || value === null || isObject(value);

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'undefined' ? 'undefined' : `a ${type}`;
}

function badOptions(w, name, options, shape) {
  return invalidRequest(w, '', `${name}()'s options must be an object like ${shape}, not ${describe(options)}.`);
}

/**
 * An `invalid_request` report for a mistake the module never sees (a wrong
 * argument, a request with no JSON form). The envelope is the module's own
 * (made from a request that is not an object), with its message replaced.
 */
function invalidRequest(w, field, message) {
  const report = JSON.parse(w.checkJson('null'));
  report.findings[0].field = field;
  report.findings[0].message = message;
  return report;
}
