// Plain words for the stable codes the rules return. The rules' own messages
// are shown as they are; these are the labels and next steps around them.

/** The statements a provider confirms before saving a link, by attestation code. */
export const ATTESTATIONS = {
  baa_signed: {
    label: (platform) => `I have signed a Business Associate Agreement (BAA) with ${platform}`,
    missing: (platform) => `Confirm that you have signed a BAA with ${platform}`,
  },
  waiting_room_on: {
    label: () => 'The waiting room is on by default, so clients wait until I let them in',
    missing: () => 'Confirm that the waiting room is on by default',
  },
  audio_and_video: {
    label: () => 'My sessions on this link use both audio and video',
    missing: () => 'Confirm that your sessions use both audio and video',
  },
};

/**
 * What the provider must check about a platform's BAA, in plain words. The
 * rules' text (`platform.baa`) keeps the research's hedges ("unverified",
 * "disputed between sources") for an audit; when it has one, the provider
 * reads what to do instead.
 */
export function baaInPlainWords(platform) {
  const hedged = /unverified|disputed|sources|not confirmed/i.test(platform.baa ?? '');
  if (!hedged) return platform.baa ?? '';
  return `Before you use ${platform.name} for sessions, check that your ${platform.name} plan includes a signed `
    + 'Business Associate Agreement (BAA): ask the vendor for it, or find it in your account.';
}

export const WAITING_ROOM = {
  built_in: 'Built in: every room has one.',
  setting: 'A setting you turn on.',
  none: 'None: this platform cannot hold clients in a waiting room.',
};

/**
 * The client's time zone on the Confirm session screen: US states, DC and the
 * territories, by IANA name. The offset on the session's date comes from the
 * browser (Intl.DateTimeFormat), so daylight saving time is always right.
 */
export const TIME_ZONES = [
  ['America/New_York', 'Eastern time (New York, Washington DC)'],
  ['America/Chicago', 'Central time (Chicago, Dallas)'],
  ['America/Denver', 'Mountain time (Denver, Salt Lake City)'],
  ['America/Phoenix', 'Arizona time (Phoenix, no daylight saving)'],
  ['America/Los_Angeles', 'Pacific time (Los Angeles, Seattle)'],
  ['America/Anchorage', 'Alaska time (Anchorage)'],
  ['America/Adak', 'Hawaii-Aleutian time (Adak)'],
  ['Pacific/Honolulu', 'Hawaii time (Honolulu)'],
  ['America/Puerto_Rico', 'Atlantic time (Puerto Rico, U.S. Virgin Islands)'],
  ['Pacific/Guam', 'Chamorro time (Guam, Northern Mariana Islands)'],
  ['Pacific/Pago_Pago', 'Samoa time (American Samoa)'],
];

export const JURISDICTION_TYPE = { state: 'state', district: 'district', territory: 'territory' };

/** "California (CA)", with the kind of place when it is not a state. */
export function placeName(jurisdiction) {
  const kind = jurisdiction.type === 'state' ? '' : `, a ${JURISDICTION_TYPE[jurisdiction.type] ?? 'jurisdiction'}`;
  return `${jurisdiction.name} (${jurisdiction.code})${kind}`;
}

/** The languages clients can read, by BCP 47 code, named in English for the provider's screens (texts in client-texts.js). */
export const CLIENT_LANGUAGES = { en: 'English', es: 'Spanish' };
