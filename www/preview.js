// Preview: the link and instructions as clients will read them in a session
// reminder and an appointment confirmation, and as the provider's exported
// calendar holds them. All of it is text: the provider's words are shown,
// never interpreted.

import { byId, el } from './dom.js';

const PROVIDER = 'Jordan Smith, LCSW';
const SESSION_MINUTES = 50;
/** Where the link is when the provider uses the portal's built-in telehealth. */
const PORTAL_LINK = 'The session link is created by the portal: open it from the Appointments page of your account when it is time to join.';

/** Renders the three previews from the settings draft (see settings.js) for `client`. */
export function renderPreview(draft, client) {
  const start = sampleStart();
  const day = start.toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric' });
  const date = start.toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
  const time = start.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
  const linkLine = draft.builtIn
    ? el('span', { text: PORTAL_LINK })
    : draft.link
      ? el('span', { class: 'preview-link', text: draft.link })
      : el('em', { text: 'No video link yet. Your provider will send one before the session.' });
  const instructions = draft.instructions
    ? el('p', { class: 'preformatted' }, el('strong', { text: 'Before you join: ' }), draft.instructions)
    : null;

  byId('preview-state').replaceChildren(...stateNote(draft));

  byId('preview-reminder').replaceChildren(
    el('p', { text: `Hi ${client.firstName}, this is a reminder of your session with ${PROVIDER}, tomorrow, ${day} at ${time}.` }),
    el('p', {}, el('strong', { text: 'Join by video: ' }), linkLine.cloneNode(true)),
    instructions?.cloneNode(true),
  );

  byId('preview-confirmation').replaceChildren(
    el('p', { text: `Hi ${client.firstName}, your appointment is confirmed.` }),
    el('dl', { class: 'preview-facts' },
      el('dt', { text: 'When' }), el('dd', { text: `${date}, ${time} (${SESSION_MINUTES} minutes)` }),
      el('dt', { text: 'With' }), el('dd', { text: PROVIDER }),
      el('dt', { text: 'Where' }), el('dd', { text: 'Telehealth, by video' }),
      el('dt', { text: 'Join' }), el('dd', {}, linkLine.cloneNode(true))),
    instructions?.cloneNode(true),
    el('p', { text: 'You can also find the link on the Appointments page of your account.' }),
  );

  byId('preview-calendar').textContent = calendarEvent(draft, client, start);
}

function stateNote(draft) {
  const notes = [];
  if (draft.builtIn) notes.push("Clients join with the portal's built-in telehealth, which creates the session link.");
  else if (draft.linkMissing) notes.push('You have not added a telehealth link yet, so clients would get no link to join with.');
  else if (!draft.link) notes.push('Your link cannot be used yet, so clients would get no link to join with.');
  if (draft.instructionsRejected) notes.push('Your instructions cannot be saved as they are, so clients would not see them.');
  notes.push(draft.unsaved ? 'This preview shows changes you have not saved yet.' : 'This preview shows your saved settings.');
  // Something to fix: more than the telehealth choice and the saved state.
  const fixLink = notes.length > (draft.builtIn ? 2 : 1)
    ? [' ', el('a', { class: 'link', href: '#settings', text: 'Change your telehealth settings' })]
    : [];
  return [notes.join(' '), ...fixLink];
}

/** The event as an exported iCalendar (RFC 5545) file holds it. */
function calendarEvent(draft, client, start) {
  const end = new Date(start.getTime() + SESSION_MINUTES * 60_000);
  const description = [
    draft.builtIn
      ? "Telehealth: the session link is created by the portal's built-in telehealth."
      : draft.link ? `Telehealth link: ${draft.link}` : 'No telehealth link yet.',
    draft.instructions ? `Instructions for the client: ${draft.instructions}` : null,
  ].filter(Boolean).join('\n\n');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sigmund//Provider calendar//EN',
    'BEGIN:VEVENT',
    `UID:preview-${stamp(start)}@sigmund.example`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(end)}`,
    `SUMMARY:${icsText(`Session with ${client.name} (telehealth)`)}`,
    draft.link ? `LOCATION:${icsText(draft.link)}` : null,
    `DESCRIPTION:${icsText(description)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ].filter(Boolean).join('\n');
}

/** RFC 5545 TEXT escaping: backslash, semicolon, comma and line breaks. */
function icsText(text) {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Floating local time, as calendar apps show it: 20261201T100000. */
function stamp(date) {
  const two = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}`
    + `T${two(date.getHours())}${two(date.getMinutes())}00`;
}

/** An example appointment: tomorrow at 10:00. */
function sampleStart() {
  const start = new Date();
  start.setDate(start.getDate() + 1);
  start.setHours(10, 0, 0, 0);
  return start;
}
