// The types per kind, compiled by tests/js/types.test.mjs (bundler and Node
// settings, the lowest TypeScript the README claims and the current one):
// each `@ts-expect-error` line must fail to compile, or tsc reports the
// directive as unused and the test fails.
import {
  checkLink,
  checkInstructions,
  checkLocation,
  linkSchema,
  instructionsSchema,
  locationSchema,
  objectSchema,
  type CheckRequest,
  type CodeParams,
  type CodeSeverity,
  type FindingOf,
  type InstructionsReport,
  type InvalidRequestReport,
  type IsoDate,
  type LinkCode,
  type LinkReport,
  type LocaleTag,
  type Report,
  type RulesIssue,
  type StandardSchemaV1,
} from 'telehealth-rules';
import * as schemaEntry from 'telehealth-rules/schema';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const out: unknown[] = [];

// Options never change the report type; a locale is any tag.
const link = checkLink('doxy.me/drsmith', { locale: 'es-MX', asOf: '2026-11-26' });
const linkIsExact: Same<typeof link, LinkReport> = true;
const instructions = checkInstructions('Call 555-123-4567', { locale: 'fr', link: null });
const instructionsIsExact: Same<typeof instructions, InstructionsReport> = true;
const tag: LocaleTag = 'es-419';
// @ts-expect-error: a locale is a string
checkLink('doxy.me/drsmith', { locale: 42 });
const reportLocale: 'en' | 'es' | undefined = link.locale;

// A link report's findings carry the link codes only.
for (const finding of link.findings) {
  switch (finding.code) {
    case 'missing_scheme':
      out.push(finding.fix);
      break;
    // @ts-expect-error: not_licensed is a continuity and session code
    case 'not_licensed':
      break;
    default:
      out.push(finding.code);
  }
}
const linkCodes: Same<LinkReport['findings'][number]['code'], LinkCode> = true;
// @ts-expect-error: a location code is not an instructions code
const wrongKind: FindingOf<'phone_number'>['code'] = 'zip_malformed';

// Each code's params and severity.
const located = checkLocation({ state: 'NY', zip: '90210' });
if (located.kind === 'location') {
  for (const finding of located.findings) {
    if (finding.code === 'zip_state_mismatch') {
      const places: 'none' | 'one' | 'many' | undefined = finding.params.places;
      const warning: 'warning' = finding.severity;
      // @ts-expect-error: zip_state_mismatch has no platform param
      out.push(finding.params.platform);
      out.push(places, warning);
    }
  }
}
const platformParam: Same<CodeParams['host_start_link']['platform'], import('telehealth-rules').PlatformId | undefined> = true;
const severity: Same<CodeSeverity['unknown_platform'], 'warning'> = true;

// An invalid request report is always a rejection.
declare const invalid: InvalidRequestReport;
const rejected: 'reject' = invalid.verdict;
// @ts-expect-error: never accepted
const accepted: 'accept' = invalid.verdict;
const invalidCode: 'invalid_request' = invalid.findings[0]!.code;

// Renamed types: no export shadows a web built-in; the requests and dates are typed as before.
const request: CheckRequest = { kind: 'location', state: 'NY', as_of: '2026-11-26' satisfies IsoDate, locale: 'es-MX' };
const anyReport: Report | undefined = undefined;

// Standard Schema validators, with the codes of their kind on their issues.
const schema: StandardSchemaV1<string, string> = linkSchema({ allowReview: true, locale: 'es' });
const output: Same<StandardSchemaV1.InferOutput<typeof schema>, string> = true;
const result = linkSchema()['~standard'].validate('doxy.me/drsmith');
if (!(result instanceof Promise) && result.issues) {
  const issue: RulesIssue<LinkCode> = result.issues[0]!;
  out.push(issue.code, issue.fix, issue.path);
}
const form = objectSchema({ link: linkSchema(), instructions: instructionsSchema({ link: () => 'https://doxy.me/drsmith' }) });
const formOutput: Same<StandardSchemaV1.InferOutput<typeof form>, { link: string; instructions: string }> = true;
const place = locationSchema({ allowReview: false });
// @ts-expect-error: allowReview is a boolean
linkSchema({ allowReview: 'yes' });

out.push(linkIsExact, instructionsIsExact, tag, reportLocale, linkCodes, wrongKind, platformParam, severity, rejected, accepted, invalidCode, request, anyReport, output, formOutput, place);

// The validators' own entry has the same declarations.
const entryLink: Same<typeof schemaEntry.linkSchema, typeof linkSchema> = true;
const entryInstructions: Same<typeof schemaEntry.instructionsSchema, typeof instructionsSchema> = true;
const entryLocation: Same<typeof schemaEntry.locationSchema, typeof locationSchema> = true;
const entryObject: Same<typeof schemaEntry.objectSchema, typeof objectSchema> = true;
const entryOutput: StandardSchemaV1.InferOutput<ReturnType<typeof schemaEntry.linkSchema>> = 'https://doxy.me/drsmith';
out.push(entryLink, entryInstructions, entryLocation, entryObject, entryOutput);
