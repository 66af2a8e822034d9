// Settings > Telehealth link: how clients join, the default telehealth link,
// the instructions shown to clients, the language of what clients read, and
// the statements the provider confirms before saving. The link and the
// instructions are judged as they are typed (calm.js says when to show
// what); everything is saved together, and only when the server's check
// agrees.

import * as rules from './rules.js';
import { checkInstructions, checkLink } from './rules.js';
import {
  byId, el, followSummary, hideBanner, hideSummary, isError, readyToSubmit, renderFindings, setInvalid, setStatus, showBanner,
  showSummary,
} from './dom.js';
import { enterAccepts, hasTypingMode, judge, sayOnce, takeValue, typedField, watchTyping } from './calm.js';
import * as store from './store.js';
import { ATTESTATIONS, baaInPlainWords, CLIENT_LANGUAGES, WAITING_ROOM } from './wording.js';

const MAX_INSTRUCTIONS = 1000;
/** How long the rules may take to load before a field says it is waiting for them. */
const SLOW_MS = 600;
const LANGUAGES = Object.keys(CLIENT_LANGUAGES);

// `mode` came with the built-in option and `language` joined the saved
// settings later: settings saved before them are links, in the language then
// kept on its own.
const isSavedSettings = (v) =>
  store.isString(v.link) && store.isString(v.instructions) && store.isStringArray(v.attestations)
  && store.isString(v.platformKey) && (v.mode === undefined || v.mode === 'link' || v.mode === 'portal')
  && (v.language === undefined || LANGUAGES.includes(v.language));

/** Clients join with the portal's own telehealth: no link is asked for or checked. */
const PORTAL_BANNER = "Clients will join your sessions with the portal's built-in telehealth: it creates the link for each session.";

/** Sets up the screen; `onChange(draft)` hears every change, for the preview. Returns `{update, language()}`: the language saved for clients. */
export function setupSettings({ onChange }) {
  const form = byId('settings-form');
  const summary = byId('settings-summary');
  const banner = byId('settings-saved');
  const link = typedField('link');
  const instructions = typedField('instructions');
  const language = byId('language');
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
  let unconfirmedShown = false;

  if (saved) {
    byId(saved.mode === 'portal' ? 'mode-portal' : 'mode-link').checked = true;
    link.input.value = saved.link;
    instructions.input.value = saved.instructions;
    confirmed.set(saved.platformKey, new Set(saved.attestations));
  }
  language.value = savedLanguage();

  enterAccepts(link);
  watchTyping([link, instructions], () => {
    hideBanner(banner);
    update();
  }, update);
  for (const control of [...form.elements.mode, language]) {
    control.addEventListener('change', () => {
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
  return { update, language: savedLanguage };

  /** The language saved for clients: with the settings, or as kept on its own before. */
  function savedLanguage() {
    return saved?.language ?? store.load('language', (v) => LANGUAGES.includes(v), 'en');
  }

  function update() {
    const builtIn = portal.checked;
    link.group.hidden = builtIn;
    byId('settings-lead-link').hidden = builtIn;
    byId('settings-lead-portal').hidden = !builtIn;
    renderCount();
    if (!rules.isReady('keystroke')) {
      awaitRules();
      onChange(draft());
      return;
    }
    clearTimeout(slowRules);
    if (builtIn) clearLink();
    else updateLink();
    updateInstructions(); // its check depends on the link
    followSummary(summary, problems());
    onChange(draft());
  }

  function updateLink() {
    const value = link.input.value;
    const report = checkLink(value, { typing: link.phase === 'typing' });
    link.report = report;
    const { shown, waiting } = judge(report.findings, report, value, link.phase);
    const errors = shown.some(isError);
    renderFindings(link.messages, shown, { onFix: (fix) => useFix(link, fix), fixes: link.fixes });
    setInvalid(link.input, link.group, errors);
    const [text, tone] = linkStatus(report, value, errors, waiting);
    setStatus(link.status, text, tone);
    renderPlatform(errors || waiting ? null : report.platform);
    renderAttestations(errors || waiting ? [] : report.attestations, report);
    // The message on screen is for exactly this value (tests wait on it).
    link.group.dataset.checked = value;
    // Who judged the last keystrokes: the rules' typing mode, or the page's own reading (calm.js).
    if (link.phase === 'typing') link.group.dataset.typing = hasTypingMode(report) ? 'rules' : 'page';
    const count = attestations.current.codes.length;
    sayOnce(link, shown.find(isError)?.message
      ?? (tone === 'ok' && count ? `${text} Confirm ${count} statements below, then save.` : text), { waiting });
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
    if (value.trim() === '' || errors || waiting) return [''];
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
    byId('platform-waiting-room').replaceChildren(
      el('strong', { text: WAITING_ROOM[platform.waiting_room] ?? '' }), ' ', platform.guidance);
    const plain = baaInPlainWords(platform);
    byId('platform-baa').textContent = plain;
    // What the research found, hedges and all, with its source: for an audit, not for every save.
    byId('platform-research').textContent = platform.baa;
    const source = platform.source;
    byId('platform-source').replaceChildren(...(source?.url
      ? ['Source: ', el('a', { class: 'link', href: source.url, text: source.url, rel: 'noreferrer' }),
        source.checked ? `, checked on ${source.checked}.` : '.']
      : []));
    byId('platform-audit').hidden = plain === platform.baa && !source?.url;
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
    if (unconfirmedShown && missingStatements().length === 0) markUnconfirmed(false);
    followSummary(summary, problems());
  }

  function missingStatements() {
    const { key, codes } = attestations.current;
    const ticked = confirmed.get(key) ?? new Set();
    return codes.filter((code) => !ticked.has(code));
  }

  function markUnconfirmed(show) {
    unconfirmedShown = show;
    const message = { code: 'unconfirmed', severity: 'error', message: 'Confirm each statement before you save.' };
    renderFindings(attestations.messages, show ? [message] : []);
    attestations.group.classList.toggle('form-group-error', show);
  }

  function updateInstructions() {
    const value = instructions.input.value;
    const report = checkInstructions(value, { link: currentLink(), typing: instructions.phase === 'typing' });
    instructions.report = report;
    const { shown, waiting } = judge(report.findings, report, value, instructions.phase);
    renderFindings(instructions.messages, shown);
    setInvalid(instructions.input, instructions.group, shown.some(isError));
    instructions.group.dataset.checked = value;
    sayOnce(instructions, shown.find((f) => f.severity !== 'info')?.message ?? '', { waiting });
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

  /** The problems Save would list now, for the summary while it is on screen. */
  function problems() {
    if (!rules.isReady('keystroke')) return [];
    const builtIn = portal.checked;
    const missing = unconfirmedShown ? missingStatements() : [];
    return [
      ...(builtIn ? [] : link.report.findings.filter(isError).map((f) => ({ text: f.message, target: link.input }))),
      ...instructions.report.findings.filter(isError).map((f) => ({ text: f.message, target: instructions.input })),
      ...missing.map((code) => ({
        text: ATTESTATIONS[code]?.missing(attestations.current.name) ?? `Confirm ${code}`,
        target: byId(`attest-${code}`),
      })),
    ];
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
    markUnconfirmed(!builtIn && link.report.verdict !== 'reject' && missingStatements().length > 0);
    const found = problems();
    if (found.length > 0) {
      showSummary(summary, 'There is a problem', found);
      return;
    }
    hideSummary(summary);

    // The same requests the page has just checked, with the reports it got for them. The server's module
    // is not on the link screen's first path: it is asked for here (other screens have loaded it by now).
    saving = true;
    let askServer;
    try {
      ({ askServer } = await import('./server.js'));
    } catch {
      saving = false;
      showSummary(summary, 'There is a problem', [{ text: 'The server could not be reached, so nothing was saved. '
        + 'Check your connection and try again.', target: null }]);
      return;
    }
    const sent = { link: link.input.value, instructions: instructions.input.value, language: language.value };
    const statements = { ...attestations.current };
    // The built-in option sends no link request: there is no link to check.
    const [linkAnswer, instructionsAnswer] = await Promise.all([
      builtIn ? { accepted: true, report: null } : askServer({ kind: 'link', input: sent.link }, link.report),
      askServer({ kind: 'instructions', input: sent.instructions, link: currentLink() }, instructions.report),
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
      ? { mode: 'portal', link: '', instructions: sent.instructions.trim(), attestations: [], platformKey: '', language: sent.language }
      : {
        mode: 'link',
        link: linkAnswer.report.normalized ?? sent.link.trim(),
        instructions: sent.instructions.trim(),
        attestations: statements.codes,
        platformKey: statements.key,
        language: sent.language,
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
    showBanner(banner, 'Settings saved', `${joining} What clients read is in ${CLIENT_LANGUAGES[saved.language] ?? 'English'}.`);
  }

  /** What the preview shows: the link clients would get now, the instructions and their language. */
  function draft() {
    const value = link.input.value.trim();
    const text = instructions.input.value.trim();
    const savedMode = saved?.mode ?? 'link';
    const languageUnsaved = language.value !== savedLanguage();
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
        language: language.value,
        unsaved: !saved || savedMode !== 'portal' || saved.instructions !== text || languageUnsaved,
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
      language: language.value,
      unsaved: !saved || savedMode !== 'link' || saved.link !== value || saved.instructions !== text || languageUnsaved,
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
