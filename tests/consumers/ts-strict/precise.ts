// The precise types of the API, compiled by tests/js/types.test.mjs with
// `exactOptionalPropertyTypes` on (and with the lowest TypeScript the README
// claims): each line below would fail to compile if a type were looser or
// stricter than it should be.
import {
  checkLink,
  checkLocation,
  checkInstructions,
  init,
  initKeystroke,
  initRecords,
  initSync,
  preloadRecords,
  isReady,
  type CodeWithFix,
  type Finding,
  type FindingWithoutFix,
  type InvalidRequestReport,
  type LinkReport,
  type LocationReport,
} from 'telehealth-rules';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const out: unknown[] = [];

// checkLink always gives a LinkReport (a wrong argument, 2026-02-30 included, throws): no narrowing.
const link = checkLink('doxy.me/drsmith');
const linkIsExact: Same<typeof link, LinkReport> = true;
const normalized: string | null = link.normalized;
const withNullDate: LinkReport = checkLink('https://doxy.me/drsmith', { asOf: null });
const dated = checkLink('https://doxy.me/drsmith', { asOf: '2026-11-26' });
const datedIsUnion: Same<typeof dated, LinkReport> = true;

// Values that may be missing pass straight through (exactOptionalPropertyTypes).
declare const form: { state: string; zip: string | undefined; asOf: string | undefined; link: string | undefined };
const location = checkLocation({ state: form.state, zip: form.zip, asOf: form.asOf });
const locationIsUnion: Same<typeof location, LocationReport | InvalidRequestReport> = true;
const instructions = checkInstructions('Join at https://doxy.me/drsmith', { link: form.link, asOf: form.asOf });
const datedLink = checkLink('https://doxy.me/drsmith', { asOf: form.asOf });

// `fix` only on the codes that may have one.
function suggestion(finding: Finding): string | undefined {
  switch (finding.code) {
    case 'missing_scheme':
    case 'https_required':
      return finding.fix;
    case 'host_start_link': {
      const none: undefined = finding.fix;
      return none;
    }
    default:
      return undefined;
  }
}
const fixCodes: Same<CodeWithFix, 'missing_scheme' | 'https_required' | 'wrapped_link' | 'malformed_meeting_id' | 'unknown_jurisdiction'> = true;
const noFixOnHostStart: Same<FindingWithoutFix['fix'], undefined> = true;
const hostStartHasNone: 'host_start_link' extends FindingWithoutFix['code'] ? true : false = true;

// Readiness without a promise, per module; loading from bytes or a compiled module.
const ready: boolean = isReady();
const keystrokeReady: boolean = isReady('keystroke');
declare const bytes: Uint8Array;
declare const buffer: ArrayBuffer;
if (!ready) initSync({ keystroke: bytes });
initSync({ keystroke: buffer, records: bytes });
const loading: Promise<void> = init();
const keystrokeFirst: Promise<void> = initKeystroke().then(() => preloadRecords());
const recordsLater: Promise<void> = initRecords();

out.push(keystrokeReady, keystrokeFirst, recordsLater, linkIsExact, normalized, withNullDate, datedIsUnion, locationIsUnion, instructions, datedLink, suggestion, fixCodes, noFixOnHostStart, hostStartHasNone, loading);
