// Preview: the link and instructions as clients will read them in a session
// reminder and an appointment confirmation, and as the provider's exported
// calendar holds them, in the language chosen for clients (CLIENT_TEXTS in
// client-texts.js), each marked with that language. All of it is text: the
// provider's words are shown, never interpreted. The note above the previews
// is for the provider, in English like the rest of the provider's screens.

import { byId, el } from './dom.js';
import { CLIENT_TEXTS } from './client-texts.js';
import { CLIENT_LANGUAGES } from './wording.js';

const PROVIDER = 'Jordan Smith, LCSW';
const SESSION_MINUTES = 50;

/** Renders the three previews from the settings draft (see settings.js) for `client`, in the draft's language. */
export function renderPreview(draft, client) {
  const locale = CLIENT_TEXTS[draft.language] ? draft.language : 'en';
  const words = CLIENT_TEXTS[locale];
  const start = sampleStart();
  const day = start.toLocaleDateString(words.dates, { weekday: 'long', month: 'long', day: 'numeric' });
  const date = start.toLocaleDateString(words.dates, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
  const time = start.toLocaleTimeString(words.dates, { hour: 'numeric', minute: '2-digit' });
  const linkLine = draft.builtIn
    ? el('span', { text: words.portalLink })
    : draft.link
      ? el('span', { class: 'preview-link', text: draft.link })
      : el('em', { text: words.noLink });
  const instructions = draft.instructions
    ? el('p', { class: 'preformatted' }, el('strong', { text: words.beforeYouJoin }), draft.instructions)
    : null;

  byId('preview-state').replaceChildren(...stateNote(draft));

  const reminder = byId('preview-reminder');
  reminder.lang = locale;
  reminder.replaceChildren(...present(
    el('p', { text: words.reminder({ firstName: client.firstName, provider: PROVIDER, day, time }) }),
    el('p', {}, el('strong', { text: words.joinByVideo }), linkLine.cloneNode(true)),
    instructions?.cloneNode(true),
  ));

  const confirmation = byId('preview-confirmation');
  confirmation.lang = locale;
  confirmation.replaceChildren(...present(
    el('p', { text: words.confirmed({ firstName: client.firstName }) }),
    el('dl', { class: 'preview-facts' },
      el('dt', { text: words.when }), el('dd', { text: words.whenValue({ date, time, minutes: SESSION_MINUTES }) }),
      el('dt', { text: words.with }), el('dd', { text: PROVIDER }),
      el('dt', { text: words.where }), el('dd', { text: words.whereValue }),
      el('dt', { text: words.join }), el('dd', {}, linkLine.cloneNode(true))),
    instructions?.cloneNode(true),
    el('p', { text: words.alsoOnAppointments }),
  ));

  const calendar = byId('preview-calendar');
  calendar.lang = locale;
  calendar.textContent = calendarEvent(draft, client, start, words.calendar);
}

/** The nodes that are there (replaceChildren would write `undefined` as text). */
const present = (...nodes) => nodes.filter(Boolean);

function stateNote(draft) {
  const notes = [];
  const problems = [];
  if (draft.builtIn) notes.push("Clients join with the portal's built-in telehealth, which creates the session link.");
  else if (draft.linkMissing) problems.push('You have not added a telehealth link yet, so clients would get no link to join with.');
  else if (draft.checking && !draft.link) notes.push('Your link is being checked.');
  else if (!draft.link) problems.push('Your link cannot be used yet, so clients would get no link to join with.');
  if (draft.instructionsRejected) problems.push('Your instructions cannot be saved as they are, so clients would not see them.');
  const language = `What clients read is in ${CLIENT_LANGUAGES[draft.language] ?? 'English'}.`;
  const saved = draft.unsaved ? 'This preview shows changes you have not saved yet.' : 'This preview shows your saved settings.';
  // Something to fix: a link to the settings.
  const fixLink = problems.length > 0
    ? [' ', el('a', { class: 'link', href: '#settings', text: 'Change your telehealth settings' })]
    : [];
  return [[...notes, ...problems, language, saved].join(' '), ...fixLink];
}

/** The event as an exported iCalendar (RFC 5545) file holds it. */
function calendarEvent(draft, client, start, words) {
  const end = new Date(start.getTime() + SESSION_MINUTES * 60_000);
  const description = [
    draft.builtIn ? words.portal : draft.link ? words.link({ link: draft.link }) : words.noLink,
    draft.instructions ? words.instructions({ instructions: draft.instructions }) : null,
  ].filter(Boolean).join('\n\n');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sigmund//Provider calendar//EN',
    'BEGIN:VEVENT',
    `UID:preview-${stamp(start)}@sigmund.example`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(end)}`,
    `SUMMARY:${icsText(words.summary({ client: client.name }))}`,
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
