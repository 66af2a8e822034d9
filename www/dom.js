// DOM helpers shared by the screens. Text typed by the provider and text from
// the rules only ever enter the page as text nodes (textContent, append of a
// string): nothing typed can become markup. No inline script or style either,
// so the page runs under the server's strict Content-Security-Policy.

import { messageLocale, NOT_LOADED, ready } from './rules.js';

export const byId = (id) => document.getElementById(id);

/**
 * Creates an element. `text` sets its text; `on<event>` adds a listener;
 * other entries become attributes (names are always written in this code,
 * values may be user text: setAttribute never parses them as markup).
 * String children become text nodes.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'class') node.className = value;
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/** Shows `text` in a status element, or hides it when there is none; `tone` picks the style. */
export function setStatus(element, text, tone = '') {
  element.textContent = text ?? '';
  element.hidden = !text;
  element.className = tone ? `status status-${tone}` : 'status';
}

let lastAnnouncement = '';

/**
 * Says `text` through the page's one polite live region. Repeating the last
 * announcement is skipped unless `again`: typing must not make a screen
 * reader read the same sentence after every key.
 */
export function announce(text, { again = false } = {}) {
  if (!text || (text === lastAnnouncement && !again)) return;
  const region = byId('announcer');
  // A trailing no-break space makes an identical sentence a change, so it is read again.
  region.textContent = text === lastAnnouncement ? `${text}\u00a0` : text;
  lastAnnouncement = text;
}

const PREFIX = { error: 'Error', warning: 'Warning', info: 'Note' };

/**
 * Renders findings as GOV.UK-style messages inside `container`, each `fix`
 * as a button ("Use https://doxy.me/drsmith") that calls `onFix(fix)`.
 * Unchanged findings leave the DOM alone, so a button under the pointer is
 * not replaced while it is being clicked. A finding's text is marked with
 * its language: `finding.lang` for the page's own (English) findings, else
 * the language the rules answered in.
 */
export function renderFindings(container, findings, { onFix, fixLabel = (fix) => `Use ${fix}` } = {}) {
  const rules = messageLocale();
  const key = JSON.stringify([Boolean(onFix), rules,
    findings.map(({ code, severity, message, fix, lang }) => [code, severity, message, fix, lang])]);
  if (container.dataset.key === key) return;
  container.dataset.key = key;
  container.replaceChildren(
    ...findings.map((finding) =>
      el('div', { class: `message message-${finding.severity}`, 'data-code': finding.code },
        el('p', { class: 'message-text' },
          el('span', { class: 'visually-hidden', text: `${PREFIX[finding.severity] ?? 'Note'}: ` }),
          inLanguage(finding.message, finding.lang ?? rules)),
        finding.fix && onFix
          ? el('button', { type: 'button', class: 'button button-secondary button-fix', onclick: () => onFix(finding.fix) },
            fixLabel(finding.fix))
          : null)),
  );
}

/** `text`, marked with its language when it is not the page's (English). */
export const inLanguage = (text, lang) => (lang && lang !== 'en' ? el('span', { lang, text }) : text);

/** Marks a field (and its form group) as having an error the provider can see, or not. */
export function setInvalid(input, group, invalid) {
  input.setAttribute('aria-invalid', invalid ? 'true' : 'false');
  group?.classList.toggle('form-group-error', invalid);
}

/**
 * Shows a GOV.UK error summary: a title and one link per problem that moves
 * focus to the field concerned. `problems` are `{text, target}`; the summary
 * takes focus so it is read at once.
 */
export function showSummary(summary, title, problems) {
  const titleId = `${summary.id}-title`;
  summary.setAttribute('aria-labelledby', titleId);
  summary.replaceChildren(
    el('h2', { id: titleId, class: 'error-summary-title', text: title }),
    el('ul', { class: 'error-summary-list' },
      problems.map(({ text, target }) =>
        el('li', {},
          target
            ? el('a', { href: `#${target.id}`, onclick: (event) => { event.preventDefault(); focusField(target); } }, text)
            : text))),
  );
  summary.hidden = false;
  summary.focus();
}

export function hideSummary(summary) {
  summary.hidden = true;
  summary.replaceChildren();
}

/** Shows a success banner; `text` may hold the provider's own words, so it stays text. */
export function showBanner(banner, title, text = '') {
  banner.replaceChildren(
    el('p', { class: 'banner-title', text: title }),
    text ? el('p', { class: 'banner-text', text }) : null,
  );
  banner.hidden = false;
}

export function hideBanner(banner) {
  banner.hidden = true;
  banner.replaceChildren();
}

/** Focuses a field and brings its label into view (the label sits above the field). */
export function focusField(field) {
  field.focus({ preventScroll: true });
  (field.closest('.form-group, fieldset, section') ?? field).scrollIntoView({ block: 'start' });
}

export const isError = (finding) => finding.severity === 'error';

/**
 * For Save and Confirm: loads the rules module `name` if need be; resolves to
 * false, after showing the problem in `summary`, when it cannot be loaded.
 */
export const readyToSubmit = (name, summary) =>
  ready(name).then((loaded) => {
    if (!loaded) showSummary(summary, 'There is a problem', [{ text: NOT_LOADED, target: null }]);
    return loaded;
  });
