// The package API. The data types (requests, reports, codes, platform ids)
// are generated from the Rust types into ./types.d.ts; only the function
// signatures of this thin wrapper are written here.
import type {
  ContinuityReport,
  ContinuityRequest,
  Date,
  InstructionsReport,
  InvalidRequestReport,
  LinkReport,
  LocationReport,
  LocationRequest,
  Report,
  Request,
  SessionReport,
  SessionRequest,
} from './types.js';

export type * from './types.js';

/** Fields of a request other than `kind`, with the date written `asOf`. */
type Without<T> = Omit<T, 'kind' | 'as_of'> & { asOf?: Date };

/** The version of the rule data (platforms, jurisdictions, ZIP table). */
export declare const ruleset: string;

/**
 * Loads the wasm module (browser and bundlers; in Node it is loaded at import).
 * Idempotent and safe to call concurrently. Every other function throws an
 * Error until it has resolved.
 */
export declare function init(source?: string | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;

/** Checks any request. Malformed requests get an `invalid_request` report; it never throws once initialized. */
export declare function check(request: Request): Report;

/** Checks a request given as JSON text; returns the report as JSON text, byte for byte what the server sends. */
export declare function checkJson(requestJson: string): string;

/** Checks the provider's default telehealth link, as typed or pasted. */
export declare function checkLink(input: string, options?: { asOf?: Date }): LinkReport | InvalidRequestReport;

/** Checks the text shown to clients before they join. */
export declare function checkInstructions(
  input: string,
  options?: { link?: string; asOf?: Date },
): InstructionsReport | InvalidRequestReport;

/** Checks a client's virtual-session location. */
export declare function checkLocation(location: Without<LocationRequest>): LocationReport | InvalidRequestReport;

/** Decides whether the provider can see the client where the client is: confirm, credentialing, or refer. */
export declare function checkContinuity(request: Without<ContinuityRequest>): ContinuityReport | InvalidRequestReport;

/** Checks one telehealth session before it is confirmed. */
export declare function checkSession(request: Without<SessionRequest>): SessionReport | InvalidRequestReport;
