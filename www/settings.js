// Settings > Locations: the default telehealth link, the instructions shown
// to clients, and the statements the provider confirms before saving. Checked
// on every keystroke and paste (no submit, no delay) once the keystroke rules
// are loaded (what was typed before is checked then); saved only when the
// server's check agrees.

import * as rules from './rules.js';
import { checkInstructions, checkLink } from './rules.js';
import {
  announce, byId, el, hideBanner, hideSummary, inLanguage, isError, readyToSubmit, renderFindings, setInvalid, setStatus, showBanner,
  showSummary,
} from './dom.js';
import { reveal, sayOnce, takeValue, typedField, watchTyping } from './reveal.js';
import { askServer } from './server.js';
import * as store from './store.js';
import { ATTESTATIONS, WAITING_ROOM } from './wording.js';

const MAX_INSTRUCTIONS = 1000;
/** How long the rules may take to load before a field says it is waiting for them. */
const SLOW_MS = 600;

// `mode` came with the built-in option; settings saved before it are links.
const isSavedSettings = (v) =>
  store.isString(v.link) && store.isString(v.instructions) && store.isStringArray(v.attestations)
  && store.isString(v.platformKey) && (v.mode === undefined || v.mode === 'link' || v.mode === 'portal');

/** Clients join with the portal's own telehealth: no link is asked for or checked. */
const PORTAL_BANNER = "Clients will join your sessions with the portal's built-in telehealth: it creates the link for each session.";

/** Sets up the screen; `onChange(draft)` hears every change, for the preview. */
export function setupSettings({ onChange }) {
  const form = byId('settings-form');
  const summary = byId('settings-summary');
  const banner = byId('settings-saved');
  const link = typedField('link');
  const instructions = typedField('instructions');
  const attestations = {
    group: byId('attestations-group'),
    list: byId('attestation-list'),
    messages: byId('attestations-messages'),
    current: { key: '', name: '', codes: [] },
  };
  // Ticked statements per platform: a BAA signed with Zoom says nothing about Doxy.me.
  const confirmed = new Map();
  const portal = byId('mode-portal');
  let saved = store.load('settings', isSavedSettings);
  let saving = false;
  let slowRules = null;

  if (saved) {
    byId(saved.mode === 'portal' ? 'mode-portal' : 'mode-link').checked = true;
    link.input.value = saved.link;
    instructions.input.value = saved.instructions;
    confirmed.set(saved.platformKey, new Set(saved.attestations));
  }

  watchTyping([link, instructions], () => {
    hideBanner(banner);
    update();
  }, update);
  for (const radio of form.elements.mode) {
    radio.addEventListener('change', () => {
      hideBanner(banner);
      update();
    });
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
  update();
  rules.onReady('keystroke', update);
  return { update };


  function update() {
    link.group.hidden = portal.checked;
    renderCount();
    if (!rules.isReady('keystroke')) {
      awaitRules();
      onChange(draft());
      return;
    }
    clearTimeout(slowRules);
    if (portal.checked) clearLink();
    else updateLink();
    updateInstructions(); // its check depends on the link
    onChange(draft());
  }

  function updateLink() {
    const value = link.input.value;
    const report = checkLink(value);
    link.report = report;
    const { shown, waiting } = reveal(report.findings, value, link.phase);
    const errors = shown.some(isError);
    renderFindings(link.messages, shown, { onFix: (fix) => useFix(link, fix) });
    setInvalid(link.input, link.group, errors);
    const [text, tone] = linkStatus(report, value, errors, waiting);
    setStatus(link.status, text, tone);
    renderPlatform(errors || waiting ? null : report.platform);
    renderAttestations(errors ? [] : report.attestations, report);
    // The message on screen is for exactly this value (tests wait on it).
    link.group.dataset.checked = value;
    const count = attestations.current.codes.length;
    sayOnce(link, shown.find(isError)?.message
      ?? (tone === 'ok' && count ? `${text} Confirm ${count} statements below, then save.` : text));
  }

  /**
   * Before the rules are loaded nothing is judged: the fields keep what is
   * typed, and a link waiting for more than a moment says it is being checked.
   */
  function awaitRules() {
    slowRules ??= setTimeout(() => {
      slowRules = null;
      if (!rules.isReady('keystroke') && !portal.checked && link.input.value.trim()) {
        setStatus(link.status, 'Checking the link…', 'pending');
      }
    }, SLOW_MS);
  }

  /** The built-in option: nothing about a link is shown, asked for or saved. */
  function clearLink() {
    link.report = null;
    renderPlatform(null);
    renderAttestations([], { platform: null, normalized: null });
    markUnconfirmed(false);
  }

  function linkStatus(report, value, errors, waiting) {
    if (value.trim() === '' || errors) return [''];
    if (waiting) return ['Keep typing: the link is checked as you go.', 'pending'];
    const name = report.platform ? `${report.platform.name} ` : '';
    if (report.verdict === 'accept') return [`This ${name}link can be used.`, 'ok'];
    if (report.verdict === 'review') return ['Check the warning above before you save.', 'warning'];
    return [''];
  }

  function renderPlatform(platform) {
    const panel = byId('platform');
    panel.hidden = !platform;
    if (!platform) return;
    byId('platform-title').textContent = `Platform: ${platform.name}`;
    // The platform's texts come from the rules, in the language they answered in.
    const lang = rules.messageLocale();
    byId('platform-waiting-room').replaceChildren(
      el('strong', { text: WAITING_ROOM[platform.waiting_room] ?? '' }), ' ', inLanguage(platform.guidance, lang));
    byId('platform-baa').replaceChildren(inLanguage(platform.baa, lang));
  }

  function renderAttestations(codes, report) {
    const key = report.platform?.id ?? hostOf(report.normalized) ?? '';
    const name = report.platform?.name ?? hostOf(report.normalized) ?? 'this platform';
    const signature = JSON.stringify([key, name, codes]);
    if (attestations.list.dataset.key === signature) return;
    attestations.list.dataset.key = signature;
    attestations.current = { key, name, codes };
    attestations.group.hidden = codes.length === 0;
    markUnconfirmed(false);
    const ticked = confirmed.get(key) ?? new Set();
    attestations.list.replaceChildren(...codes.map((code) => {
      const id = `attest-${code}`;
      return el('div', { class: 'checkbox' },
        el('input', { type: 'checkbox', id, name: 'attestations', value: code, checked: ticked.has(code), onchange: tick }),
        el('label', { for: id, text: ATTESTATIONS[code]?.label(name) ?? code }));
    }));
  }

  function tick(event) {
    const { key } = attestations.current;
    const ticked = confirmed.get(key) ?? new Set();
    if (event.target.checked) ticked.add(event.target.value);
    else ticked.delete(event.target.value);
    confirmed.set(key, ticked);
    hideBanner(banner);
    if (attestations.group.classList.contains('form-group-error') && missingStatements().length === 0) {
      markUnconfirmed(false);
    }
  }

  function missingStatements() {
    const { key, codes } = attestations.current;
    const ticked = confirmed.get(key) ?? new Set();
    return codes.filter((code) => !ticked.has(code));
  }

  function markUnconfirmed(show) {
    const message = { code: 'unconfirmed', severity: 'error', lang: 'en', message: 'Confirm each statement before you save.' };
    renderFindings(attestations.messages, show ? [message] : []);
    attestations.group.classList.toggle('form-group-error', show);
  }

  function updateInstructions() {
    const value = instructions.input.value;
    const report = checkInstructions(value, { link: currentLink() });
    instructions.report = report;
    const { shown } = reveal(report.findings, value, instructions.phase);
    renderFindings(instructions.messages, shown);
    setInvalid(instructions.input, instructions.group, shown.some(isError));
    instructions.group.dataset.checked = value;
    sayOnce(instructions, shown.find((f) => f.severity !== 'info')?.message ?? '');
  }

  /** How many characters the instructions may still have: counted here, no rules needed. */
  function renderCount() {
    const left = MAX_INSTRUCTIONS - [...instructions.input.value.trim()].length;
    const plural = (n) => (n === 1 ? '' : 's');
    byId('instructions-count').textContent = left >= 0
      ? `You have ${left} character${plural(left)} remaining`
      : `You have ${-left} character${plural(-left)} too many`;
  }

  /** The link the instructions are checked against: the canonical form when there is one. */
  function currentLink() {
    if (portal.checked) return '';
    return link.report?.normalized ?? link.input.value.trim();
  }

  function useFix(f, fix) {
    takeValue(f, fix);
    hideBanner(banner);
    update();
    f.input.focus(); // the button is gone now; keyboard users carry on from the field
  }

  async function save() {
    if (saving) return;
    hideBanner(banner);
    if (!rules.isReady('keystroke')) {
      saving = true;
      const loaded = await readyToSubmit('keystroke', summary);
      saving = false;
      if (!loaded) return;
    }
    link.phase = 'submitted';
    instructions.phase = 'submitted';
    update();
    const builtIn = portal.checked;
    const missing = builtIn || link.report.verdict === 'reject' ? [] : missingStatements();
    markUnconfirmed(missing.length > 0);
    const problems = [
      ...(builtIn ? [] : link.report.findings.filter(isError).map((f) => ({ text: f.message, target: link.input }))),
      ...instructions.report.findings.filter(isError).map((f) => ({ text: f.message, target: instructions.input })),
      ...missing.map((code) => ({
        text: ATTESTATIONS[code]?.missing(attestations.current.name) ?? `Confirm ${code}`,
        target: byId(`attest-${code}`),
      })),
    ];
    if (problems.length > 0) {
      showSummary(summary, 'There is a problem', problems);
      return;
    }
    hideSummary(summary);

    // The same requests the page has just checked, with the reports it got for them.
    saving = true;
    const sent = { link: link.input.value, instructions: instructions.input.value };
    const statements = { ...attestations.current };
    // The built-in option sends no link request: there is no link to check.
    const [linkAnswer, instructionsAnswer] = await Promise.all([
      builtIn ? { accepted: true, report: null } : askServer(rules.localized({ kind: 'link', input: sent.link }), link.report),
      askServer(rules.localized({ kind: 'instructions', input: sent.instructions, link: currentLink() }), instructions.report),
    ]);
    saving = false;

    const refused = [[linkAnswer, link], [instructionsAnswer, instructions]].filter(([answer]) => !answer.accepted);
    if (refused.length > 0) {
      const serverProblems = refused.flatMap(([answer, f]) => [
        ...(answer.problem ? [{ text: answer.problem, target: null }] : []),
        ...(answer.report?.findings.filter(isError).map((finding) => ({ text: finding.message, target: f.input })) ?? []),
      ]);
      // The server's findings also go next to the field they are about.
      for (const [answer, f] of refused) {
        if (!answer.report) continue;
        renderFindings(f.messages, answer.report.findings);
        setInvalid(f.input, f.group, answer.report.findings.some(isError));
      }
      showSummary(summary, 'The server did not save your settings', serverProblems);
      return;
    }

    const next = builtIn
      ? { mode: 'portal', link: '', instructions: sent.instructions.trim(), attestations: [], platformKey: '' }
      : {
        mode: 'link',
        link: linkAnswer.report.normalized ?? sent.link.trim(),
        instructions: sent.instructions.trim(),
        attestations: statements.codes,
        platformKey: statements.key,
      };
    if (!store.save('settings', next)) {
      showSummary(summary, 'There is a problem', [{ text: 'This browser did not let the page store your settings. '
        + 'Allow site data for this page and try again.', target: null }]);
      return;
    }
    saved = next;
    // Show what was saved: the canonical link, unless the provider has typed on since.
    if (!builtIn && link.input.value === sent.link) link.input.value = link.previous = saved.link;
    if (instructions.input.value === sent.instructions) instructions.input.value = instructions.previous = saved.instructions;
    link.phase = 'complete';
    instructions.phase = 'complete';
    update();
    const joining = builtIn ? PORTAL_BANNER : `Clients will join your sessions with ${saved.link}`;
    showBanner(banner, 'Settings saved', joining);
    announce(`Settings saved. ${joining}`, { again: true });
  }

  /** What the preview shows: the link clients would get now, and the instructions. */
  function draft() {
    const value = link.input.value.trim();
    const text = instructions.input.value.trim();
    const savedMode = saved?.mode ?? 'link';
    // Not checked yet: the saved link is one the server accepted; anything else waits.
    const checking = !rules.isReady('keystroke');
    const instructionsRejected = !checking && instructions.report.verdict === 'reject';
    if (portal.checked) {
      return {
        builtIn: true,
        link: null,
        linkMissing: false,
        checking,
        instructions: text,
        instructionsRejected,
        unsaved: !saved || savedMode !== 'portal' || saved.instructions !== text,
      };
    }
    const savedLink = savedMode === 'link' && saved?.link === value ? saved.link : null;
    return {
      builtIn: false,
      link: checking ? savedLink : link.report.verdict === 'reject' ? null : link.report.normalized,
      linkMissing: value === '',
      checking,
      instructions: text,
      instructionsRejected,
      unsaved: !saved || savedMode !== 'link' || saved.link !== value || saved.instructions !== text,
    };
  }
}

function hostOf(url) {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
}
