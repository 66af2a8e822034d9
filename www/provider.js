// The provider's licenses and credentials: two small editable lists, kept in
// this browser as they are typed. Each row's state is read by the location
// rules, so "Calif." counts as California and a typo is caught before the
// continuity rules quietly find no license there. The rows show at once; a
// state typed before the records rules are loaded is checked once they are.

import * as rules from './rules.js';
import { checkLocation } from './rules.js';
import { announce, byId, el, isError, renderFindings, setInvalid, setStatus } from './dom.js';
import { phaseOfInput, reveal } from './reveal.js';
import * as store from './store.js';

const STATE = { key: 'jurisdiction', label: 'State', kind: 'state' };

const PROFESSIONS = [
  ['', 'From the license type'], ['psychologist', 'Psychologist'], ['counselor', 'Counselor'],
  ['social_worker', 'Social worker'], ['marriage_family_therapist', 'Marriage and family therapist'],
  ['nurse_practitioner', 'Nurse practitioner'], ['physician', 'Physician'], ['other', 'Other'],
];
const BASES = [
  ['state_license', 'State license'], ['compact_privilege', 'Compact privilege'],
  ['telehealth_registration', 'Telehealth registration'], ['temporary_permit', 'Temporary permit'],
];
const COMPACTS = [
  ['', 'From the profession'], ['psypact', 'PSYPACT'], ['counseling', 'Counseling Compact'],
  ['social_work', 'Social Work Licensure Compact'], ['nlc', 'Nurse Licensure Compact'],
  ['imlc', 'Interstate Medical Licensure Compact'],
];
const STATUSES = [
  ['active', 'Active'], ['expired', 'Expired'], ['suspended', 'Suspended'], ['revoked', 'Revoked'],
  ['surrendered', 'Surrendered'], ['pending', 'Pending'],
];

// `added`: a field of contract v1.1, which rows saved before it lack (missing = absent).
// `start`: the field begins a new line of the row on wide screens; `wide`: it takes the whole line.
// `describedBy`: the id of a hint outside the row that explains the field.
// `when`: the field is shown (and sent) only when this holds for the row.
const LISTS = {
  licenses: {
    noun: 'License',
    fields: [
      STATE,
      { key: 'basis', label: 'Basis', kind: 'select', options: BASES },
      { key: 'compact', label: 'Compact', kind: 'select', options: COMPACTS, added: true, wide: true,
        when: (row) => row.basis === 'compact_privilege' },
      { key: 'type', label: 'License type (optional)', kind: 'text', start: true },
      { key: 'profession', label: 'Profession', kind: 'select', options: PROFESSIONS, added: true },
      { key: 'status', label: 'Status', kind: 'select', options: STATUSES, start: true },
      { key: 'status_since', label: 'Since (optional)', kind: 'date', added: true, describedBy: 'licenses-hint' },
      { key: 'issued', label: 'Issued on (optional)', kind: 'date', added: true, start: true },
      { key: 'expires', label: 'Valid through (optional)', kind: 'date' },
    ],
    blank: () => ({
      jurisdiction: '', type: '', profession: '', basis: 'state_license', compact: '', status: 'active',
      status_since: '', issued: '', expires: '',
    }),
  },
  credentials: {
    noun: 'Credential',
    fields: [
      STATE,
      { key: 'status', label: 'Status', kind: 'select', options: [['active', 'Active'], ['pending', 'Pending']] },
      { key: 'effective', label: 'Effective from (optional)', kind: 'date' },
    ],
    blank: () => ({ jurisdiction: '', status: 'active', effective: '' }),
  },
};

const isRows = (name) => (rows) =>
  Array.isArray(rows) && rows.every((row) =>
    row !== null && typeof row === 'object' && LISTS[name].fields.every(({ key, added }) =>
      store.isString(row[key]) || (added && row[key] === undefined)));

/** A saved row with every field: those it was saved without are blank (absent). */
const complete = (name) => (row) => ({ ...LISTS[name].blank(), ...row });

/** Sets up both lists; `onChange()` hears every edit. */
export function setupProvider({ onChange }) {
  const data = store.load('provider', (v) => isRows('licenses')(v.licenses) && isRows('credentials')(v.credentials),
    { licenses: [], credentials: [] });
  data.licenses = data.licenses.map(complete('licenses'));
  data.credentials = data.credentials.map(complete('credentials'));
  // Typing phase per state field, for "reward early, punish late".
  const phases = new WeakMap();
  // State fields edited before the rules were loaded.
  const unchecked = new Set();
  rules.onReady('records', () => {
    for (const input of unchecked) if (input.isConnected) checkState(input);
    unchecked.clear();
  });

  for (const name of Object.keys(LISTS)) {
    const container = byId(`${name}-list`);
    container.addEventListener('input', (event) => edit(name, event));
    container.addEventListener('change', (event) => edit(name, event));
    container.addEventListener('focusout', (event) => {
      if (event.target.dataset.key === 'jurisdiction' && phases.get(event.target)?.phase === 'typing') {
        phases.get(event.target).phase = 'complete';
        checkState(event.target);
      }
    });
    byId(`${name === 'licenses' ? 'license' : 'credential'}-add`).addEventListener('click', () => add(name));
    render(name);
  }

  function edit(name, event) {
    const input = event.target;
    const index = Number(input.dataset.index);
    const row = data[name][index];
    if (!row || !(input.dataset.key in row)) return;
    row[input.dataset.key] = input.value;
    if (input.dataset.key === 'basis') showWhen(name, index);
    if (input.dataset.key === 'jurisdiction' && event.type === 'input') {
      const phase = phases.get(input);
      phase.phase = phaseOfInput(event, phase.previous);
      phase.previous = input.value;
      checkState(input);
    }
    store.save('provider', data);
    onChange();
  }

  function add(name) {
    data[name].push(LISTS[name].blank());
    store.save('provider', data);
    render(name);
    byId(fieldId(name, data[name].length - 1, 'jurisdiction')).focus();
    onChange();
  }

  function remove(name, index) {
    data[name].splice(index, 1);
    store.save('provider', data);
    render(name);
    byId(`${name === 'licenses' ? 'license' : 'credential'}-add`).focus(); // the button pressed is gone
    announce(`${LISTS[name].noun} ${index + 1} removed.`, { again: true });
    onChange();
  }

  function render(name) {
    const { noun, fields } = LISTS[name];
    byId(`${name}-empty`).hidden = data[name].length > 0;
    byId(`${name}-list`).replaceChildren(...data[name].map((row, index) =>
      el('fieldset', { class: 'fieldset row' },
        el('legend', { class: 'legend legend-s', text: `${noun} ${index + 1}` }),
        el('div', { class: 'row-fields' }, fields.map((spec) => control(name, index, row, spec))),
        el('button', { type: 'button', class: 'button button-secondary button-small', onclick: () => remove(name, index) },
          `Remove ${noun.toLowerCase()} ${index + 1}`))));
    for (const input of byId(`${name}-list`).querySelectorAll('[data-key="jurisdiction"]')) {
      phases.set(input, { phase: 'complete', previous: input.value });
      checkState(input);
    }
  }

  /** Shows the fields of a row that apply to it (the compact of a compact privilege), hides the others. */
  function showWhen(name, index) {
    for (const spec of LISTS[name].fields.filter((f) => f.when)) {
      const group = byId(`${fieldId(name, index, spec.key)}-group`);
      if (group) group.hidden = !spec.when(data[name][index]);
    }
  }

  function control(name, index, row, spec) {
    const id = fieldId(name, index, spec.key);
    const attrs = { id, name: id, 'data-index': index, 'data-key': spec.key };
    const describedBy = [spec.describedBy, `${id}-messages`, spec.kind === 'state' ? `${id}-status` : null]
      .filter(Boolean).join(' ');
    let input;
    if (spec.kind === 'select') {
      input = el('select', { ...attrs, class: 'select' },
        spec.options.map(([value, label]) => el('option', { value, selected: row[spec.key] === value, text: label })));
      input.setAttribute('aria-describedby', describedBy);
    } else {
      input = el('input', {
        ...attrs, class: 'input',
        type: spec.kind === 'date' ? 'date' : 'text', value: row[spec.key], autocomplete: 'off', spellcheck: 'false',
        'aria-describedby': describedBy,
      });
    }
    const start = `${spec.start ? ' form-group-start' : ''}${spec.wide ? ' form-group-wide' : ''}`;
    return el('div', { class: `form-group form-group-compact${start}`, id: `${id}-group`, hidden: spec.when && !spec.when(row) },
      el('label', { class: 'label label-s', for: id, text: spec.label }),
      el('div', { class: 'messages', id: `${id}-messages` }),
      input,
      spec.kind === 'state' ? el('p', { class: 'status', id: `${id}-status`, hidden: true }) : null);
  }

  /** Checks one row's state as a location, so the provider sees which state was understood. */
  function checkState(input) {
    if (!rules.isReady('records')) {
      unchecked.add(input);
      return;
    }
    const group = byId(`${input.id}-group`);
    const value = input.value;
    const report = value.trim() ? checkLocation({ state: value }) : null;
    const { shown, waiting } = report ? reveal(report.findings, value, phases.get(input).phase)
      : { shown: [], waiting: false };
    renderFindings(byId(`${input.id}-messages`), shown, {
      onFix: (code) => {
        input.value = code;
        // Announced as a replacement, so it is checked as a whole value.
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
        input.focus();
      },
      fixLabel: (code) => `Use ${checkLocation({ state: code }).jurisdiction?.name ?? code}`,
    });
    const errors = shown.some(isError);
    setInvalid(input, group, errors);
    const status = byId(`${input.id}-status`);
    if (report?.jurisdiction && !errors) setStatus(status, report.jurisdiction.name, 'ok');
    else if (waiting && !errors && value.trim()) setStatus(status, 'Keep typing.', 'pending');
    else setStatus(status, '');
    group.dataset.checked = value;
  }

  /** A row's state as a jurisdiction code when the rules recognize it, else as typed. */
  function jurisdictionOf(row) {
    const value = row.jurisdiction.trim();
    return checkLocation({ state: value }).jurisdiction?.code ?? value;
  }

  const filled = (rows) => rows.filter((row) => row.jurisdiction.trim() !== '');
  /** The row behind entry `sent` of a list as `licenses()` or `credentials()` sends it. */
  const rowIndex = (name, sent) => data[name].findIndex((row) => row === filled(data[name])[sent]);
  /** `provider.licenses[2].expires` as {name, index, key}; the index is the row's on screen. */
  const fieldOfFinding = (field) => {
    const match = /^provider\.(licenses|credentials)\[(\d+)\](?:\.(\w+))?/.exec(field ?? '');
    if (!match) return null;
    const index = rowIndex(match[1], Number(match[2]));
    const key = LISTS[match[1]].fields.some((f) => f.key === match[3]) ? match[3] : 'jurisdiction';
    return index < 0 ? null : { name: match[1], index, key };
  };
  const BASIS_WORDS = new Map(BASES.map(([value, label]) => [value, label.toLowerCase()]));
  /**
   * A finding whose message names a row's field by its path in the request
   * (`"provider.licenses[2].expires"`) and a basis by its value, reworded with
   * the label and the row's number the provider sees.
   */
  const inWords = (finding) => {
    const at = fieldOfFinding(finding.field);
    if (!at) return finding;
    const label = LISTS[at.name].fields.find((f) => f.key === at.key).label.replace(' (optional)', '');
    const message = finding.message
      .replace(`"${finding.field}"`, `"${label}" of ${LISTS[at.name].noun.toLowerCase()} ${at.index + 1}`)
      .replace(/\b(state_license|compact_privilege|telehealth_registration|temporary_permit)\b/g, (v) => BASIS_WORDS.get(v));
    return { ...finding, message };
  };
  /** Messages shown in rows, by field id, so they are cleared when they go. */
  let shownInRows = new Set();

  return {
    /** Checks again every state that was checked (the language of the messages changed). */
    recheck: () => {
      for (const input of document.querySelectorAll('.row [data-key="jurisdiction"]')) {
        if (byId(`${input.id}-group`).dataset.checked !== undefined) checkState(input);
      }
    },
    /** Shows every row's held-back message: the provider is confirming now. */
    submit: () => {
      for (const input of document.querySelectorAll('.row [data-key="jurisdiction"]')) {
        phases.get(input).phase = 'submitted';
        checkState(input);
      }
    },
    /** Licenses as the continuity rules take them; rows without a state are left out. */
    licenses: () => filled(data.licenses).map((row) => ({
      jurisdiction: jurisdictionOf(row),
      ...(row.type.trim() ? { type: row.type.trim() } : {}),
      ...(row.profession ? { profession: row.profession } : {}),
      basis: row.basis,
      ...(row.basis === 'compact_privilege' && row.compact ? { compact: row.compact } : {}),
      status: row.status,
      ...(row.status_since ? { status_since: row.status_since } : {}),
      ...(row.issued ? { issued: row.issued } : {}),
      ...(row.expires ? { expires: row.expires } : {}),
    })),
    credentials: () => filled(data.credentials).map((row) => ({
      jurisdiction: jurisdictionOf(row),
      status: row.status,
      ...(row.effective ? { effective: row.effective } : {}),
    })),
    /** Rows the rules cannot use, as `{text, target}` for an error summary. */
    problems: () => Object.keys(LISTS).flatMap((name) => data[name].flatMap((row, index) => {
      const target = byId(fieldId(name, index, 'jurisdiction'));
      const label = `${LISTS[name].noun.toLowerCase()} ${index + 1}`;
      if (!row.jurisdiction.trim()) return [{ text: `Enter the state of ${label}, or remove it`, target }];
      const error = checkLocation({ state: row.jurisdiction }).findings.find(isError);
      return error ? [{ text: `${LISTS[name].noun} ${index + 1}: ${error.message}`, target }] : [];
    })),
    /**
     * Shows each finding about one field of one row (`provider.licenses[1].expires`)
     * next to that field, and clears the messages of the others.
     */
    showFindings: (findings) => {
      const now = new Map();
      for (const finding of findings) {
        const at = fieldOfFinding(finding.field);
        // A row's state has its own messages (checkState); a finding about it stays with the outcome.
        if (!at || at.key === 'jurisdiction') continue;
        const id = fieldId(at.name, at.index, at.key);
        now.set(id, [...(now.get(id) ?? []), finding]);
      }
      for (const id of new Set([...shownInRows, ...now.keys()])) {
        const input = byId(id);
        if (!input) continue;
        const list = now.get(id) ?? [];
        renderFindings(byId(`${id}-messages`), list);
        setInvalid(input, byId(`${id}-group`), list.some(isError));
      }
      shownInRows = new Set(now.keys());
    },
    inWords,
    /** The field a finding about one row's field is about (`provider.licenses[1].expires`), or null. */
    fieldOf: (field) => {
      const at = fieldOfFinding(field);
      return at && byId(fieldId(at.name, at.index, at.key));
    },
    /**
     * The field to go to for a finding about the licenses in `code` (a jurisdiction):
     * the basis of the first row there with one of `bases`, else of any row there.
     */
    licenseIn: (code, bases) => {
      const here = data.licenses.map((row, index) => ({ row, index }))
        .filter(({ row }) => row.jurisdiction.trim() && jurisdictionOf(row) === code);
      const best = here.find(({ row }) => bases.includes(row.basis)) ?? here[0];
      return best ? byId(fieldId('licenses', best.index, 'basis')) : null;
    },
    /** The first field of a list, or its Add button when it is empty: where a summary link leads. */
    firstField: (name) => byId(fieldId(name, 0, 'jurisdiction'))
      ?? byId(`${name === 'licenses' ? 'license' : 'credential'}-add`),
  };
}

function fieldId(name, index, key) {
  return `${name}-${index}-${key}`;
}
