// A TypeScript consumer that must compile with `tsc --strict --noEmit`:
// narrowing on `report.kind`, switches over codes, literal unions, and the
// typed functions. tests/js/types.test.mjs compiles it against the installed
// package (bundler and Node settings).
import {
  init,
  check,
  checkJson,
  checkLink,
  checkInstructions,
  checkLocation,
  checkContinuity,
  checkSession,
  ruleset,
  type Code,
  type CodeSeverity,
  type Finding,
  type InvalidRequestReport,
  type Kind,
  type LinkReport,
  type PlatformId,
  type Report,
  type ReportFor,
  type Request,
  type Severity,
  type Verdict,
} from 'telehealth-rules';

await init();

// Everything worth printing; exported so that nothing is unused (no `console`
// here: the Node settings have neither DOM nor Node types).
export const out: unknown[] = [];

// Exhaustive narrowing on the discriminant.
function summary(report: Report): string {
  switch (report.kind) {
    case 'link':
      return `${report.verdict}: ${report.normalized ?? 'no link'} on ${report.platform?.name ?? 'an unknown platform'}`;
    case 'instructions':
      return `${report.verdict}: ${report.findings.length} findings`;
    case 'location':
      return `${report.jurisdiction?.code ?? '??'} ${report.zip ?? ''}`;
    case 'continuity':
      return `${report.outcome ?? 'no decision'}, private pay ${report.private_pay}`;
    case 'session':
      return `${report.outcome ?? 'no decision'} on ${report.jurisdiction?.name ?? '?'}`;
    case 'invalid_request':
      return report.findings[0]?.message ?? 'invalid';
    default: {
      const unreachable: never = report;
      return unreachable;
    }
  }
}

// A switch over codes; the literal types make a typo a compile error.
function advice(finding: Finding): string {
  switch (finding.code) {
    case 'https_required':
    case 'missing_scheme':
    case 'wrapped_link':
      return finding.fix ? `Use ${finding.fix}` : finding.message;
    case 'host_start_link':
      return 'Copy the participant link, not the host link.';
    case 'zip_state_mismatch':
      return 'Check the ZIP code.';
    default:
      return finding.message;
  }
}

// Exhaustive maps over the literal unions.
const severityIcon: Record<Severity, string> = { info: 'ℹ', warning: '⚠', error: '✖' };
const verdictLabel: Record<Verdict, string> = { accept: 'Saved', review: 'Check', reject: 'Fix this' };
const doxy: PlatformId = 'doxy_me';
const kinds: Kind[] = ['link', 'instructions', 'location', 'continuity', 'session'];

// `CodeSeverity` maps every code, and only codes, to its one severity.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everyCode: Same<keyof CodeSeverity, Code> = true;
const httpsIsError: CodeSeverity['https_required'] = 'error';

// `fix` is a string when present, never null.
function fixOf(finding: Finding): string | undefined {
  return finding.fix;
}

const link = checkLink('doxy.me/drsmith', { asOf: '2026-11-26' });
if (link.kind === 'link') {
  const normalized: string | null = link.normalized;
  const platform: PlatformId | undefined = link.platform?.id;
  const attest: ('baa_signed' | 'waiting_room_on' | 'audio_and_video')[] = link.attestations;
  out.push(normalized, platform, attest, link.findings.map(advice));
}
const onlyLink: LinkReport | InvalidRequestReport = link;

const viaCheck = check({ kind: 'location', state: 'CA', zip: '94110' });
const asLocation: ReportFor<'location'> | InvalidRequestReport = viaCheck;
const anyRequest: Request = JSON.parse('{"kind":"link","input":"https://doxy.me/drsmith"}');
const anyReport: Report = check(anyRequest);

const instructions = checkInstructions('Join at https://doxy.me/drsmith', { link: 'https://doxy.me/drsmith' });
const empty = checkInstructions(undefined);
const location = checkLocation({ state: 'Calif.', zip: '94110' });
const continuity = checkContinuity({
  as_of: '2026-11-26',
  location: 'NY',
  provider: {
    licenses: [{ jurisdiction: 'NY', type: 'LCSW', basis: 'state_license', status: 'active', expires: '2027-06-30' }],
    credentials: [{ jurisdiction: 'NY', status: 'active', effective: '2025-01-01' }],
  },
  client: { coverage: 'in_network' },
});
if (continuity.kind === 'continuity' && continuity.outcome === 'refer') out.push('refer');
const session = checkSession({
  asOf: '2026-11-26',
  session_date: '2026-12-01',
  modality: 'video',
  payment: 'insurance',
  location: 'NY',
  provider: { licenses: [{ jurisdiction: 'NY', status: 'active' }] },
  client: { coverage: 'medicare', saved_locations: ['NY'] },
});
const json: string = checkJson('{"kind":"link","input":"https://doxy.me/drsmith"}');
const version: string = ruleset;

out.push(
  [link, viaCheck, anyReport, instructions, empty, location, continuity, session].map(summary),
  severityIcon, verdictLabel, doxy, kinds, everyCode, httpsIsError, fixOf, onlyLink, asLocation, json, version,
);
