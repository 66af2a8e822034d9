// The decision that heads the Confirm session screen, from the session
// report: a headline verdict, the reason in one sentence, what authorizes the
// session (the report's `authority`, contract v1.2 "Provenance", when the
// rules give it), and the next step as an action the page can take. Wording
// only: the rules decide, this module says it in the provider's words.

import { withWrittenDates, writtenDate } from './dom.js';
import { basisInWords, fieldOfFinding } from './profile.js';

const COMPACT_NAMES = {
  psypact: 'PSYPACT', counseling: 'the Counseling Compact', social_work: 'the Social Work Licensure Compact',
  nlc: 'the Nurse Licensure Compact', imlc: 'the Interstate Medical Licensure Compact',
};
const COMPACT_SHORT = {
  psypact: 'PSYPACT', counseling: 'Counseling Compact', social_work: 'Social Work Compact', nlc: 'Nurse Licensure Compact',
  imlc: 'Interstate Medical Licensure Compact',
};

/** Findings about the session itself, by code: the headline when one of them stops the confirmation. */
const SESSION_BLOCKS = {
  session_in_future: 'Confirm this session once it has taken place',
  audio_only_not_permitted: 'Audio-only sessions cannot be confirmed',
  location_not_saved: 'Choose one of the client\'s saved locations',
  location_required: 'Choose where the client was',
  private_pay_excluded: 'This client cannot pay privately',
  invalid_request: 'Correct the details of this session',
  date_required: 'Enter the date of the session',
};

const LICENSURE = new Set(['not_licensed', 'license_expired', 'license_inactive', 'compact_privilege_invalid',
  'registration_not_recognized', 'registration_invalid', 'license_scope_mismatch', 'license_supervised_level',
  'license_title_unknown']);

/** The first sentence of a rules' message, with its dates written out and no advice to refer (the actions say that). */
export const firstSentence = (message) => withWrittenDates(
  basisInWords(message).split(/(?<=[.:])\s+(?=[A-Z])/).find((s) => !/^(Refer|Renew|Until then)/.test(s)) ?? message);

/**
 * The decision for `report` (a session report, or null before the rules are
 * in). `context`: `{client, hasLocations, chosen, profile}`: whether the
 * client has saved locations and one is chosen, and the profile (profile.js),
 * which answers `licensesIn(code)`, `credentialIn(code)` and `rowOf(index)`.
 * Returns `{tone, title, reason, actions, submit}`: `actions` are
 * `{label, do}` with `do` one of `confirm`, `private_pay`, `not_billable`,
 * `refer`, `add_license`, `fix_license`, `add_home_license`,
 * `start_credentialing`, `fix_credential`, `add_location`; `submit` is the
 * action the main button takes. `refer` and `not_billable` record the
 * session as the page keeps it (neither is a request value: the contract's
 * `payment` is `insurance` or `private_pay`).
 */
export function decide(report, { client, hasLocations, chosen, profile }) {
  const name = client.firstName;
  if (!hasLocations) {
    return only('pending', `Add a location for ${name} first`,
      `Sessions are confirmed at one of ${name}'s saved locations.`, { label: `Add a location for ${name}`, do: 'add_location' });
  }
  if (!chosen) {
    return only('pending', `Choose where ${name} was`,
      `What happens next depends on the state ${name} was in during the session.`, null);
  }
  if (!report) return only('pending', 'Checking this session…', '', null);
  const errors = report.findings.filter((f) => f.severity === 'error');
  const place = report.jurisdiction?.name ?? '';
  const code = report.jurisdiction?.code ?? '';
  const confirm = { label: 'Confirm session', do: 'confirm' };

  // Something about the session itself stops it, whatever the licenses say.
  const blocking = errors.find((f) => SESSION_BLOCKS[f.code] && !LICENSURE.has(f.code));
  if (blocking && (report.outcome === 'confirm' || !report.outcome || report.kind === 'invalid_request')) {
    return only('error', SESSION_BLOCKS[blocking.code], firstSentence(blocking.message), confirm);
  }

  if (report.outcome === 'refer') {
    const why = errors.find((f) => LICENSURE.has(f.code)) ?? errors[0];
    const here = profile.licensesIn(code);
    const homeMissing = why?.code === 'compact_privilege_invalid' && why.params?.reason === 'no_home_license';
    const fix = homeMissing
      ? { label: 'Add your home-state license', do: 'add_home_license' }
      : here.length
        ? { label: `Fix your ${place} license`, do: 'fix_license', row: rowOf(why, here, profile), key: why ? fieldOfFinding(why) : 'basis' }
        : { label: `Add your ${place} license`, do: 'add_license', code };
    return {
      tone: 'error',
      title: `You cannot see ${name} in ${place} on this date`,
      reason: why ? firstSentence(why.message) : `You are not licensed in ${place}.`,
      after: `If you cannot be authorized there, record a referral: ${name} needs a provider licensed in ${place}.`,
      actions: [fix, { label: 'Record a referral', do: 'refer' }],
      submit: fix,
    };
  }

  if (report.outcome === 'begin_credentialing' || report.outcome === 'await_credentialing') {
    const begin = report.outcome === 'begin_credentialing';
    const credentialing = begin
      ? { label: `Start credentialing in ${place}`, do: 'start_credentialing', code }
      : { label: `Update your credentialing in ${place}`, do: 'fix_credential', row: profile.credentialIn(code) };
    const reason = begin ? `You are licensed in ${place} but not credentialed there.`
      : `Your credentialing in ${place} is not complete yet.`;
    if (errors.length === 0) {
      return {
        tone: 'warning', title: 'You can confirm this session as private pay',
        reason: `${reason} Until it is, sessions there are not billed to insurance.`,
        actions: [{ label: 'Confirm private-pay session', do: 'confirm' }, credentialing],
        submit: { label: 'Confirm private-pay session', do: 'confirm' },
      };
    }
    const privatePay = report.private_pay === 'allowed' ? { label: 'Record as private pay instead', do: 'private_pay' } : null;
    // Licensed there, so the session may take place; with no one to bill, it can be kept as not billable.
    const notBillable = { label: 'Record as not billable', do: 'not_billable' };
    return {
      tone: 'warning',
      title: 'This session cannot be billed to insurance',
      reason: privatePay ? reason : `${reason} ${name}'s insurance does not allow private pay instead.`,
      actions: [credentialing, privatePay, notBillable].filter(Boolean),
      submit: credentialing,
    };
  }

  if (report.outcome === 'confirm' && errors.length === 0) {
    return {
      tone: 'ok', title: 'You can confirm this session', reason: `You are licensed and credentialed in ${place}.`,
      actions: [], submit: confirm,
    };
  }
  const first = errors[0];
  return only('error', 'Correct the details of this session', first ? firstSentence(first.message) : '', confirm);
}

/** The license row a finding is about: the one its path names, else the first at that place. */
function rowOf(finding, here, profile) {
  const path = /^provider\.licenses\[(\d+)\]/.exec(finding?.field ?? '');
  const named = path ? profile.rowOf(Number(path[1])) : null;
  return named ?? here[0];
}

function only(tone, title, reason, action) {
  return { tone, title, reason, actions: action && action.do !== 'confirm' ? [action] : [], submit: action ?? { label: 'Confirm session', do: 'confirm' } };
}

/**
 * The report's `authority` in words: "Authorized by your PSYPACT APIT in
 * Texas, resting on your Colorado license; PSYPACT in effect in Texas since
 * July 1, 2020, source checked December 1, 2026." `licenses` are the entries
 * as sent (the indexes point into them); `placeName(code)` names a
 * jurisdiction. Null when the report has no authority.
 */
export function authorityInWords(authority, licenses, placeName) {
  if (!authority || typeof authority !== 'object') return null;
  const entry = licenses[authority.license] ?? {};
  const where = placeName(authority.jurisdiction ?? entry.jurisdiction);
  const title = entry.type ? ` (${entry.type})` : '';
  const what = {
    state_license: `${where} license${title}`,
    temporary_permit: `${where} temporary permit${title}`,
    telehealth_registration: `${where} telehealth registration`,
    compact_privilege: authority.compact === 'psypact'
      ? `PSYPACT ${entry.privilege === 'tap' ? 'TAP' : 'APIT'} in ${where}`
      : `${COMPACT_SHORT[authority.compact] ?? 'compact'} privilege in ${where}`,
  }[authority.basis] ?? `license in ${where}`;
  const home = Number.isInteger(authority.home_license) ? licenses[authority.home_license] : null;
  const resting = home ? `, resting on your ${placeName(home.jurisdiction)} license` : '';
  const sources = (authority.sources ?? []).map((source) => sourceInWords(source, placeName));
  return { text: `Authorized by your ${what}${resting}`, sources };
}

/** One fact the decision rests on: "PSYPACT in effect in Texas since July 1, 2020", its checked date and URL. */
function sourceInWords(source, placeName) {
  const [kind, code] = String(source.fact ?? '').split(':');
  const where = code ? placeName(code) : '';
  const fact = COMPACT_NAMES[kind]
    ? `${COMPACT_SHORT[kind]} in effect in ${where}`
    : kind === 'registration' ? `${where}'s telehealth registrations open` : String(source.fact ?? '');
  const since = source.from ? ` since ${writtenDate(source.from)}` : '';
  const checked = source.checked ? `source checked ${writtenDate(source.checked)}` : 'source';
  return { text: `${fact}${since}`, checked, url: source.url ?? null };
}
