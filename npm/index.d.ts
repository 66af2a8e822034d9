// The package API. The data types (requests, reports, codes, platform ids)
// are generated from the Rust types into ./types.d.ts; only the signatures of
// this thin wrapper are written here.
import type {
  Code,
  ContinuityRequest,
  Date,
  InstructionsReport,
  InstructionsRequest,
  InvalidRequestReport,
  LinkReport,
  LinkRequest,
  Locale,
  LocationRequest,
  Report,
  Request,
  SessionRequest,
} from './types.js';

export type * from './types.js';

/** The kinds of request: `"link" | "instructions" | "location" | "continuity" | "session"`. */
export type Kind = Request['kind'];

/**
 * The report a request of kind `K` gets: `ReportFor<"link">` is `LinkReport`.
 * A request that cannot be read gets an `InvalidRequestReport` instead, so
 * every function below returns `ReportFor<K> | InvalidRequestReport`:
 * narrow on `report.kind` before reading kind-specific fields.
 */
export type ReportFor<K extends Kind> = Extract<Report, { kind: K }>;

/**
 * A request without its `kind` (the function supplies it), as taken by
 * `checkLocation`, `checkContinuity` and `checkSession`. The date may be
 * written `as_of`, as in the JSON contract, or `asOf`.
 */
export type RequestFields<R extends Request> = Omit<R, 'kind'> & {
  /** Same as `as_of`: the date the rules apply on (`YYYY-MM-DD`); today in UTC when absent. */
  asOf?: Date | null | undefined;
};

/** Options of `checkLink`. */
export interface LinkOptions {
  /** The date the rules apply on (`YYYY-MM-DD`); today in UTC when absent. */
  asOf?: Date | null | undefined;
  /** The language of the messages (`en` when absent); in the browser, `loadLocale()` it first. */
  locale?: Locale | null | undefined;
  /** The value is still being typed, at its end: each finding gets `final` and the report `settled`. */
  typing?: boolean | null | undefined;
}

/** Options of `checkInstructions`. */
export interface InstructionsOptions {
  /** The provider's current telehealth link, so it is not reported as another link. */
  link?: string | null | undefined;
  /** The date the rules apply on (`YYYY-MM-DD`); today in UTC when absent. */
  asOf?: Date | null | undefined;
  /** The language of the messages (`en` when absent); in the browser, `loadLocale()` it first. */
  locale?: Locale | null | undefined;
  /** The value is still being typed, at its end: each finding gets `final` and the report `settled`. */
  typing?: boolean | null | undefined;
}

/** A host application's own message templates (by finding code) and words for param values (by param name, then value). */
export interface HostMessages {
  messages?: { [code in Code]?: string };
  terms?: { [param: string]: { [value: string]: string } };
}

/**
 * Loads the messages of `locale` for `checkLink` and `checkInstructions`
 * (English is built in; on a server every locale is). The other functions
 * need nothing: the records module renders every locale itself.
 */
export declare function loadLocale(locale: Locale): Promise<void>;

/**
 * Makes a host application's templates and terms win for every report in
 * `locale` from now on (`null` removes them). A template uses the finding's
 * `params`: `{name}`, and `{name, select, value {text} other {text}}`.
 */
export declare function setMessages(locale: Locale, messages: HostMessages | null): void;

// The types of the web platform, when the program has them (DOM or Node
// types); `never` otherwise, so this file compiles with any `lib`.
type Global<K extends string> = typeof globalThis extends { [key in K]: { prototype: infer T } } ? T : never;
type WasmModule = typeof globalThis extends { WebAssembly: { Module: { prototype: infer T } } } ? T : never;

/**
 * Where a wasm module may be loaded from: a URL (string or `URL`), a
 * `Request`, a `Response` or a promise of one, the bytes, or a compiled
 * `WebAssembly.Module`.
 */
export type InitSource =
  | string
  | Global<'URL'>
  | Global<'Request'>
  | Global<'Response'>
  | Promise<Global<'Response'>>
  | ArrayBuffer
  | ArrayBufferView
  | WasmModule;

/**
 * The package's two wasm modules: `keystroke` (`checkLink`,
 * `checkInstructions`) and `records` (`check`, `checkJson`, `checkLocation`,
 * `checkContinuity`, `checkSession`, `audit`).
 */
export type ModuleName = 'keystroke' | 'records';

/** A source for each module to load; a module left out loads from its default. */
export type InitSources = { keystroke?: InitSource; records?: InitSource };

/** The version of the rule data (platforms, jurisdictions, ZIP table), also in every report's `ruleset`. */
export declare const ruleset: string;

/**
 * Loads both wasm modules; a function throws an Error until its module has
 * loaded (in the browser). Idempotent and safe to call from several
 * components at once: they share one load and one fetch per module. A failed
 * load rejects, and a later call tries again what is still missing.
 *
 * Browser and bundlers: by default fetches the `.wasm` files next to the
 * package's JavaScript (bundlers copy them and rewrite the URLs). When what
 * it gets is not the module (a 404 page from a dev server), it rejects with
 * an Error naming the URL, the status and content type it got, and the fix.
 * Node and server bundles: the modules are built into the package and
 * loaded on first use, so `init()` is optional there.
 */
export declare function init(sources?: InitSources): Promise<void>;

/**
 * Loads the keystroke module only (`checkLink`, `checkInstructions`): what a
 * page needs to check a link as the provider types, without the records module.
 */
export declare function initKeystroke(source?: InitSource): Promise<void>;

/** Loads the records module only (`check`, `checkJson`, `checkLocation`, `checkContinuity`, `checkSession`, `audit`). */
export declare function initRecords(source?: InitSource): Promise<void>;

/**
 * Starts loading the records module when the page is next idle
 * (`requestIdleCallback`); resolves once it is loaded.
 */
export declare function preloadRecords(): Promise<void>;

/**
 * Loads the modules synchronously from their bytes or compiled
 * `WebAssembly.Module`s (in the browser, for example bytes a service worker
 * cached): those `sources` names, or with no argument both modules built
 * into the server entry (Node, server bundles); in the browser it then
 * throws, since it cannot fetch. Does nothing for a module already loaded.
 */
export declare function initSync(sources?: { keystroke?: ArrayBuffer | ArrayBufferView | WasmModule; records?: ArrayBuffer | ArrayBufferView | WasmModule }): void;

/**
 * Whether both modules (or the one named) are loaded, so their functions
 * answer at once (in the browser: after `init()` resolved or `initSync()`
 * returned; on a server also after the first call). Never loads anything.
 */
export declare function isReady(module?: ModuleName): boolean;

/**
 * Checks any request, tagged by `kind`. A request that cannot be read (not an
 * object, unknown `kind`, a field of the wrong type) gets an
 * `invalid_request` report; once initialized, it never throws.
 */
export declare function check(request: LinkRequest): ReportFor<'link'> | InvalidRequestReport;
export declare function check(request: InstructionsRequest): ReportFor<'instructions'> | InvalidRequestReport;
export declare function check(request: LocationRequest): ReportFor<'location'> | InvalidRequestReport;
export declare function check(request: ContinuityRequest): ReportFor<'continuity'> | InvalidRequestReport;
export declare function check(request: SessionRequest): ReportFor<'session'> | InvalidRequestReport;
export declare function check(request: Request): Report;

/**
 * Checks a request given as JSON text and returns the report as JSON text:
 * byte for byte what the HTTP service and the CLI send.
 */
export declare function checkJson(requestJson: string): string;

/** A verdict and the set of finding codes, as saved or as judged now. */
export interface AuditJudgment {
  ruleset: string;
  verdict: 'accept' | 'review' | 'reject';
  /** Sorted, without repeats. */
  codes: string[];
}

/** A stored record: a request as it was checked and the report saved with it. */
export interface AuditRecord {
  id: string;
  request: unknown;
  report: { verdict: string; findings: { code: string }[]; ruleset: string };
}

/** A record the current ruleset judges differently. */
export interface AuditChange {
  id: string;
  before: AuditJudgment;
  after: AuditJudgment;
  /** The new report. */
  report: Report;
}

/**
 * Re-judges one stored record under the current ruleset (requests without
 * `as_of` as of today): the change when the verdict or the set of codes
 * differs, `null` when not, `{report}` (an `invalid_request` report) when
 * `record` is not a record. A string is read as the record's JSON text.
 */
export declare function audit(record: AuditRecord | string): AuditChange | { report: InvalidRequestReport } | null;

/**
 * Checks the provider's default telehealth link, as typed or pasted. A
 * string with no date always gets a `LinkReport`; with an `asOf` that is not
 * a real date (`'2026-02-30'`) it gets an `InvalidRequestReport`.
 */
export declare function checkLink(input: string, options?: { asOf?: null | undefined }): LinkReport;
export declare function checkLink(input: string, options?: LinkOptions): LinkReport | InvalidRequestReport;

/** Checks the text shown to clients before they join (empty is fine). */
export declare function checkInstructions(
  input: string | null | undefined,
  options?: InstructionsOptions,
): InstructionsReport | InvalidRequestReport;

/** Checks a client's virtual-session location: `{state, zip?, country?}`. */
export declare function checkLocation(
  location: RequestFields<LocationRequest>,
): ReportFor<'location'> | InvalidRequestReport;

/** Decides whether the provider can see the client where the client is: confirm, credentialing, or refer. */
export declare function checkContinuity(
  request: RequestFields<ContinuityRequest>,
): ReportFor<'continuity'> | InvalidRequestReport;

/** Checks one telehealth session before it is confirmed. */
export declare function checkSession(request: RequestFields<SessionRequest>): ReportFor<'session'> | InvalidRequestReport;
