// Clients > the client > Billing > Virtual session locations: where the client
// joins sessions from. The state and ZIP are checked as typed ("Calif." is
// California); a location is saved once the server agrees, and only once per
// jurisdiction. The saved list shows at once; the state and ZIP are checked
// once the records rules are loaded (what was typed before is checked then).

import * as rules from './rules.js';
import { checkLocation } from './rules.js';
import {
  announce, byId, el, followSummary, hideBanner, hideSummary, isError, readyToSubmit, renderFindings, setInvalid, setStatus, showBanner,
  showSummary,
} from './dom.js';
import { enterAccepts, judge, sayOnce, takeValue, typedField, watchTyping } from './calm.js';
import { askServer } from './server.js';
import * as store from './store.js';
import { placeName } from './wording.js';

const isSavedLocation = (v) =>
  v !== null && typeof v === 'object' && store.isString(v.code) && store.isString(v.name)
  && (v.zip === null || store.isString(v.zip));

/**
 * Sets up the screen for `client`. `onChange(locations)` hears every change to
 * the saved list; `describe(code)` gives what seeing the client there would
 * mean (continuity of care), as nodes, or null.
 */
export function setupLocations({ client, onChange, describe = () => null }) {
  const form = byId('location-form');
  const summary = byId('locations-summary');
  const banner = byId('locations-saved');
  const list = byId('locations-list');
  const state = typedField('state');
  const zip = typedField('zip');
  let saved = store.load('locations', (v) => Array.isArray(v) && v.every(isSavedLocation), []);
  let report = null;
  let saving = false;

  enterAccepts(state);
  watchTyping([state, zip], () => {
    hideBanner(banner);
    update();
  }, update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
  renderList();
  update();
  rules.onReady('records', () => {
    renderList();
    update();
  });


  /** The location as the rules take it; a blank ZIP is left out (it is optional). */
  function location() {
    const zipValue = zip.input.value;
    return { state: state.input.value, ...(zipValue.trim() ? { zip: zipValue } : {}) };
  }

  function update() {
    if (!rules.isReady('records')) return;
    const typing = state.phase === 'typing' || zip.phase === 'typing';
    report = checkLocation(location(), { typing });
    const { stateFindings, zipFindings } = split(report);
    const s = judge(stateFindings, report, state.input.value, state.phase);
    const z = judge(zipFindings, report, zip.input.value, zip.phase);
    renderFindings(state.messages, s.shown, {
      onFix: (code) => useFix(state, code), fixLabel: (code) => `Use ${nameOf(code)}`, fixes: state.fixes,
    });
    renderFindings(zip.messages, z.shown);
    const stateErrors = s.shown.some(isError);
    setInvalid(state.input, state.group, stateErrors);
    setInvalid(zip.input, zip.group, z.shown.some(isError));
    if (report.jurisdiction && !stateErrors && !s.waiting) setStatus(state.status, placeName(report.jurisdiction), 'ok');
    else setStatus(state.status, '');
    state.group.dataset.checked = state.input.value;
    zip.group.dataset.checked = zip.input.value;
    sayOnce(state, s.shown.find(isError)?.message ?? state.status.textContent, { waiting: s.waiting });
    sayOnce(zip, z.shown.find((f) => f.severity !== 'info')?.message ?? '', { waiting: z.waiting });
    followSummary(summary, problems());
  }

  /** The errors Save would list now. */
  function problems() {
    const { stateFindings, zipFindings } = split(report);
    return [
      ...stateFindings.filter(isError).map((f) => ({ text: f.message, target: state.input })),
      ...zipFindings.filter(isError).map((f) => ({ text: f.message, target: zip.input })),
    ];
  }

  /** The report's findings by field, plus "already saved", which only this page can know. */
  function split(locationReport) {
    const j = locationReport.jurisdiction;
    const duplicate = j && saved.some((l) => l.code === j.code)
      ? [{ code: 'already_saved', severity: 'error', field: 'state',
        message: `${j.name} is already one of ${client.name}'s saved locations.` }]
      : [];
    return {
      stateFindings: [...locationReport.findings.filter((f) => f.field !== 'zip'), ...duplicate],
      zipFindings: locationReport.findings.filter((f) => f.field === 'zip'),
    };
  }

  function useFix(f, value) {
    takeValue(f, value);
    update();
    f.input.focus();
  }

  async function save() {
    if (saving) return;
    hideBanner(banner);
    if (!rules.isReady('records')) {
      saving = true;
      const loaded = await readyToSubmit('records', summary);
      saving = false;
      if (!loaded) return;
    }
    state.phase = 'submitted';
    zip.phase = 'submitted';
    update();
    const found = problems();
    if (found.length > 0) {
      showSummary(summary, 'There is a problem', found);
      return;
    }
    hideSummary(summary);

    saving = true;
    const sent = location();
    const answer = await askServer({ kind: 'location', ...sent }, report);
    saving = false;
    const j = answer.report?.jurisdiction;
    if (!answer.accepted || !j) {
      const findings = answer.report?.findings.filter(isError) ?? [];
      showSummary(summary, 'The server did not save this location', [
        ...(answer.problem ? [{ text: answer.problem, target: null }] : []),
        ...findings.map((f) => ({ text: f.message, target: f.field === 'zip' ? zip.input : state.input })),
      ]);
      return;
    }
    if (saved.some((l) => l.code === j.code)) return; // saved twice by a double submit: once is enough
    const next = [...saved, { code: j.code, name: j.name, zip: answer.report.zip }];
    if (!store.save('locations', next)) {
      showSummary(summary, 'There is a problem', [{ text: 'This browser did not let the page store the location. '
        + 'Allow site data for this page and try again.', target: null }]);
      return;
    }
    saved = next;
    for (const f of [state, zip]) {
      f.input.value = '';
      f.previous = '';
      f.phase = 'complete';
    }
    renderList();
    update();
    showBanner(banner, 'Location saved', `${placeName(j)} is saved as a virtual session location for ${client.name}.`);
    onChange(saved);
  }

  function remove(code) {
    const gone = saved.find((l) => l.code === code);
    saved = saved.filter((l) => l.code !== code);
    store.save('locations', saved);
    hideBanner(banner);
    renderList();
    update();
    onChange(saved);
    byId('locations-list-title').focus(); // the button pressed is gone
    announce(`${gone?.name ?? code} removed from ${client.name}'s locations.`, { again: true });
  }

  function renderList() {
    byId('locations-empty').hidden = saved.length > 0;
    list.replaceChildren(...saved.map((l) => {
      const continuity = describe(l.code);
      return el('li', { class: 'summary-list-row', 'data-code': l.code },
        el('div', { class: 'summary-list-key' },
          el('span', { class: 'summary-list-name', text: `${l.name} (${l.code})` }),
          el('span', { class: 'summary-list-meta', text: l.zip ? `ZIP code ${l.zip}` : 'No ZIP code' }),
          continuity ? el('span', { class: 'summary-list-meta summary-list-continuity' }, ...continuity) : null),
        el('button', { type: 'button', class: 'button button-secondary button-small', onclick: () => remove(l.code) },
          'Remove', el('span', { class: 'visually-hidden', text: ` ${l.name}` })));
    }));
  }

  return {
    update,
    locations: () => saved,
    /** Redraws the list, for when what `describe` says has changed. */
    refresh: renderList,
  };
}

/** "Texas" for the code "TX", as the rules name it. */
function nameOf(code) {
  return checkLocation({ state: code }).jurisdiction?.name ?? code;
}
