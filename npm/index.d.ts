// The package API. The data types (requests, reports, codes, platform ids)
// are generated from the Rust types into ./types.d.ts; only the signatures of
// this thin wrapper are written here.
import type {
  CheckRequest,
  Code,
  ContinuityRequest,
  FindingOf,
  InstructionsCode,
  InstructionsReport,
  InstructionsRequest,
  InvalidRequestReport,
  IsoDate,
  LinkCode,
  LinkReport,
  LinkRequest,
  LocaleTag,
  LocationCode,
  LocationRequest,
  Report,
  SessionRequest,
} from './types.js';

export type * from './types.js';

/** The kinds of request: `"link" | "instructions" | "location" | "continuity" | "session"`. */
export type Kind = CheckRequest['kind'];

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
export type RequestFields<R extends CheckRequest> = Omit<R, 'kind'> & {
  /** Same as `as_of`: the date the rules apply on (`YYYY-MM-DD`); today in UTC when absent. */
  asOf?: IsoDate | null | undefined;
};

/** Options of `checkLink`. */
export interface LinkOptions {
  /** The date the rules apply on (`YYYY-MM-DD`, a day that exists); today in UTC when absent. */
  asOf?: IsoDate | null | undefined;
  /**
   * The language of the messages, a BCP 47 tag (`en` when absent): `es`,
   * `es-MX` and `es-419` give Spanish, a language not shipped gives English,
   * and the report then says `locale`. In the browser, `loadLocale()` it first.
   */
  locale?: LocaleTag | null | undefined;
  /** The value is still being typed, at its end: each finding gets `final` and the report `settled`. */
  typing?: boolean | null | undefined;
}

/** Options of `checkInstructions`. */
export interface InstructionsOptions extends LinkOptions {
  /** The provider's current telehealth link, so it is not reported as another link. */
  link?: string | null | undefined;
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
export declare function loadLocale(locale: LocaleTag): Promise<void>;

/**
 * Makes a host application's templates and terms win for every report in
 * `locale` from now on (`null` removes them). A template uses the finding's
 * `params`: `{name}`, and `{name, select, value {text} other {text}}`.
 */
export declare function setMessages(locale: LocaleTag, messages: HostMessages | null): void;

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
 * loaded (in the browser). Every call gives the same promise while a load is
 * under way and once it is done (so React's `use(init())` suspends once),
 * and shares one fetch per module. A failed load rejects; the next call
 * tries again (`init().catch(() => init({keystroke: url}))`). A source given
 * while a default load is under way is loaded too, and the first to succeed
 * fulfils the one promise; a call without a source joins any load under way.
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
 * page needs to check a link as the provider types, without the records
 * module. The same promise on every call (see `init`).
 */
export declare function initKeystroke(source?: InitSource): Promise<void>;

/** Loads the records module only (`check`, `checkJson`, `checkLocation`, `checkContinuity`, `checkSession`, `audit`); the same promise on every call (see `init`). */
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
export declare function check(request: CheckRequest): Report;

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
 * Checks the provider's default telehealth link, as typed or pasted: always
 * a `LinkReport`, whatever the options. Arguments are checked before the
 * module is asked: an `input` that is not a string, options that are not an
 * object or an option of the wrong type throws a `TypeError` naming the
 * function and the argument (an `asOf` that is no real day, `'2026-02-30'`,
 * included).
 */
export declare function checkLink<O extends LinkOptions>(input: string, options?: O): LinkReport;

/**
 * Checks the text shown to clients before they join (empty is fine): always
 * an `InstructionsReport`; wrong arguments throw as for `checkLink`.
 */
export declare function checkInstructions<O extends InstructionsOptions>(input: string | null | undefined, options?: O): InstructionsReport;

/**
 * Checks a client's virtual-session location: `{state, zip?, country?}`. A
 * `location` that is not an object throws a `TypeError`; a field of the
 * wrong type gets an `InvalidRequestReport` naming it.
 */
export declare function checkLocation(
  location: RequestFields<LocationRequest>,
): ReportFor<'location'> | InvalidRequestReport;

/** Decides whether the provider can see the client where the client is: confirm, credentialing, or refer. */
export declare function checkContinuity(
  request: RequestFields<ContinuityRequest>,
): ReportFor<'continuity'> | InvalidRequestReport;

/** Checks one telehealth session before it is confirmed. */
export declare function checkSession(request: RequestFields<SessionRequest>): ReportFor<'session'> | InvalidRequestReport;

// ---------------------------------------------------------------- Standard Schema

/**
 * The Standard Schema v1 interface (https://standardschema.dev; the types of
 * `@standard-schema/spec`, copied as the spec intends): what React Hook
 * Form's `standardSchemaResolver`, TanStack Form's validators, tRPC and
 * others accept.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  export interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  export type Result<Output> = SuccessResult<Output> | FailureResult;
  export interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  export interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  export interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  export interface PathSegment {
    readonly key: PropertyKey;
  }
  export interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

/**
 * An issue of one of the package's schemas: a finding that stops the value,
 * with its `code` (those of `C`, or `invalid_request` for a value of the
 * wrong type), `severity` and `fix` (a value that can replace the input as
 * is). `path` names the field of an object value (a location's `zip`).
 */
export interface RulesIssue<C extends Code = Code> extends StandardSchemaV1.Issue {
  readonly code: C | 'invalid_request';
  readonly severity: FindingOf<C>['severity'];
  readonly fix?: string;
  readonly path?: ReadonlyArray<string>;
}

/** A package schema: Standard Schema v1 whose failures carry `RulesIssue`s of the codes `C`. */
export interface RulesSchema<Input, Output, C extends Code> extends StandardSchemaV1<Input, Output> {
  readonly '~standard': Omit<StandardSchemaV1.Props<Input, Output>, 'validate'> & {
    readonly validate: (value: unknown) => RulesResult<Output, C> | Promise<RulesResult<Output, C>>;
  };
}

/** The result of a package schema's `validate`. */
export type RulesResult<Output, C extends Code> = StandardSchemaV1.SuccessResult<Output> | { readonly issues: ReadonlyArray<RulesIssue<C>> };

/** Options of the schemas: whether a value whose worst finding is a warning (verdict `review`) passes. */
export interface SchemaOptions {
  /**
   * `true`: a `review` verdict passes and its warnings are not issues.
   * Default `false`: warnings are issues too (a person should look first).
   * Info findings are never issues.
   */
  allowReview?: boolean | undefined;
}

/** Options of `instructionsSchema`: `link` may be a function read at each validation (a form's current link). */
export interface InstructionsSchemaOptions extends SchemaOptions, Omit<InstructionsOptions, 'link'> {
  link?: string | null | undefined | (() => string | null | undefined);
}

/** A location as a form holds it. */
export interface LocationValue {
  state: string;
  zip?: string | null | undefined;
  country?: string | null | undefined;
}

/**
 * A Standard Schema for the link field: `validate(value)` checks it with
 * `checkLink` (options as `checkLink`'s) and gives the normalized link as
 * the value, or the findings as issues. It answers at once when the
 * keystroke module is loaded (always on a server) and otherwise loads it and
 * answers through a promise.
 */
export declare function linkSchema(options?: LinkOptions & SchemaOptions): RulesSchema<string, string, LinkCode>;

/** A Standard Schema for the instructions field (value: the text as given; nothing is `''`). */
export declare function instructionsSchema(options?: InstructionsSchemaOptions): RulesSchema<string | null | undefined, string, InstructionsCode>;

/**
 * A Standard Schema for a location `{state, zip?, country?}` (the records
 * module's `checkLocation`): the value out has the jurisdiction's code as
 * `state` and the ZIP as the rules read it; each issue's `path` is the field
 * it is about (`['zip']`).
 */
export declare function locationSchema(options?: Pick<LinkOptions, 'asOf' | 'locale'> & SchemaOptions): RulesSchema<LocationValue, LocationValue, LocationCode>;

// ---------------------------------------------------------------- Deprecated

/** @deprecated Renamed `CheckRequest`: an export named `Request` shadows the web's own `Request` where an editor imports it. This alias goes in the next version. */
export type Request = CheckRequest;
/** @deprecated Renamed `IsoDate`: an export named `Date` shadows the web's own `Date` where an editor imports it. This alias goes in the next version. */
export type Date = IsoDate;

/**
 * A Standard Schema for an object whose fields each have one (this
 * package's or any other library's): `objectSchema({link: linkSchema(),
 * instructions: instructionsSchema()})` for React Hook Form's
 * `standardSchemaResolver`. Issues get the field name first in `path`.
 */
export declare function objectSchema<S extends { [field: string]: StandardSchemaV1 }>(
  shape: S,
): StandardSchemaV1<{ [K in keyof S]: StandardSchemaV1.InferInput<S[K]> }, { [K in keyof S]: StandardSchemaV1.InferOutput<S[K]> }>;
