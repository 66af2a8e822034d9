// DOM helpers shared by the screens. Text typed by the provider and text from
// the rules only ever enter the page as text nodes (textContent, append of a
// string): nothing typed can become markup. No inline script or style either,
// so the page runs under the server's strict Content-Security-Policy.

import { NOT_LOADED, ready } from './rules.js';

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
  for (const name of [...element.classList]) if (name.startsWith('status-')) element.classList.remove(name);
  element.classList.add('status');
  if (tone && text) element.classList.add(`status-${tone}`);
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

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/** `2026-10-31` written out as providers read dates: "October 31, 2026". */
export function writtenDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  const month = match && MONTHS[Number(match[2]) - 1];
  return month ? `${month} ${Number(match[3])}, ${match[1]}` : iso;
}

/** A sentence from the rules with its ISO dates written out. */
export const withWrittenDates = (text) => text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, writtenDate);

/**
 * Renders findings as GOV.UK-style messages inside `container`, each `fix`
 * as a button ("Use https://doxy.me/drsmith") that calls `onFix(fix)`. The
 * buttons go into `fixes`, the element after the field, so that Tab from
 * the field reaches them (else they stay with their message). Unchanged
 * findings leave the DOM alone, so a button under the pointer is not
 * replaced while it is being clicked.
 */
export function renderFindings(container, findings, { onFix, fixLabel = (fix) => `Use ${fix}`, fixes = null } = {}) {
  const key = JSON.stringify([Boolean(onFix), findings.map(({ code, severity, message, fix }) => [code, severity, message, fix])]);
  if (container.dataset.key === key) return;
  container.dataset.key = key;
  const button = (finding) => (finding.fix && onFix
    ? el('button', { type: 'button', class: 'button button-secondary button-fix', 'data-code': finding.code,
      onclick: () => onFix(finding.fix) }, fixLabel(finding.fix))
    : null);
  container.replaceChildren(
    ...findings.map((finding) =>
      el('div', { class: `message message-${finding.severity}`, 'data-code': finding.code },
        el('p', { class: 'message-text' },
          el('span', { class: 'visually-hidden', text: `${PREFIX[finding.severity] ?? 'Note'}: ` }),
          finding.message),
        fixes ? null : button(finding))),
  );
  fixes?.replaceChildren(...findings.map(button).filter(Boolean));
}

/** Marks a field (and its form group) as having an error the provider can see, or not. */
export function setInvalid(input, group, invalid) {
  input.setAttribute('aria-invalid', invalid ? 'true' : 'false');
  group?.classList.toggle('form-group-error', invalid);
}

function summaryContent(summary, title, problems) {
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
}

/**
 * Shows a GOV.UK error summary: a title and one link per problem that moves
 * focus to the field concerned. `problems` are `{text, target}`; the summary
 * takes focus so it is read at once.
 */
export function showSummary(summary, title, problems) {
  summaryContent(summary, title, problems);
  summary.hidden = false;
  summary.focus();
}

/**
 * Keeps a summary on screen in step with the errors there are now: the
 * problems fixed since are dropped, and the summary goes with the last one.
 * Focus is not moved.
 */
export function followSummary(summary, problems) {
  if (summary.hidden) return;
  if (problems.length === 0) {
    hideSummary(summary);
    return;
  }
  const title = summary.querySelector('.error-summary-title')?.textContent ?? 'There is a problem';
  const key = JSON.stringify(problems.map((p) => [p.text, p.target?.id]));
  if (summary.dataset.key === key) return;
  summary.dataset.key = key;
  const hadFocus = summary.contains(document.activeElement);
  summaryContent(summary, title, problems);
  if (hadFocus) summary.focus();
}

export function hideSummary(summary) {
  summary.hidden = true;
  delete summary.dataset.key;
  summary.replaceChildren();
}

/**
 * Shows a GOV.UK success notification banner and moves focus to it, so it is
 * seen and read at once (it has role="alert"). `text` may hold the
 * provider's own words, so it stays text; `extra` is a node shown after it.
 */
export function showBanner(banner, heading, text = '', extra = null) {
  banner.replaceChildren(
    el('div', { class: 'banner-header' }, el('h2', { id: `${banner.id}-title`, class: 'banner-title', text: 'Success' })),
    el('div', { class: 'banner-content' },
      el('p', { class: 'banner-heading', text: heading }),
      text ? el('p', { class: 'banner-text', text }) : null,
      extra),
  );
  banner.hidden = false;
  banner.focus();
  banner.scrollIntoView({ block: 'nearest' });
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

/** Problems in the order of their fields on the screen (GOV.UK), those without a field last. */
export function inPageOrder(problems) {
  const before = (a, b) => a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING;
  return [...problems].sort((p, q) => {
    if (!p.target || !q.target) return Number(!p.target) - Number(!q.target);
    if (p.target === q.target) return 0;
    return before(p.target, q.target) ? -1 : 1;
  });
}
