// Your profile > Licenses and credentialing: the provider's profession, the
// state they live in, their licenses and their credentialing, kept in this
// browser as they are typed and read by every session check.
//
// Each row is judged on its own, as of today, when it is complete or left
// (a change of a choice or a date, or focus leaving the row), never per
// keystroke: its state by the location rules ("Calif." is California), the
// row by the continuity rules at that state with the provider's other
// licenses as possible home licenses. A problem shows on the field it
// concerns; a row without one says what it authorizes.

import * as rules from './rules.js';
import { checkContinuity, checkLocation } from './rules.js';
import { announce, byId, el, isError, renderFindings, setInvalid, setStatus, withWrittenDates, writtenDate } from './dom.js';
import * as store from './store.js';

export const PROFESSIONS = [
  ['psychologist', 'Psychologist'], ['counselor', 'Counselor'], ['social_worker', 'Social worker'],
  ['marriage_family_therapist', 'Marriage and family therapist'], ['nurse_practitioner', 'Nurse practitioner'],
  ['physician', 'Physician'], ['registered_nurse', 'Registered or practical nurse'], ['other', 'Other'],
];
export const BASES = [
  ['state_license', 'State license'], ['compact_privilege', 'Compact privilege'],
  ['telehealth_registration', 'Telehealth registration'], ['temporary_permit', 'Temporary permit'],
];
const COMPACTS = [
  ['', 'The one for my profession'], ['psypact', 'PSYPACT (psychologists)'], ['counseling', 'Counseling Compact'],
  ['social_work', 'Social Work Licensure Compact'], ['nlc', 'Nurse Licensure Compact'],
  ['imlc', 'Interstate Medical Licensure Compact'],
];
const PRIVILEGES = [
  ['apit', 'APIT: telepsychology (with the E.Passport)'], ['tap', 'TAP: in person only, 30 days a year (with the IPC)'],
];
const LEVELS = [
  ['', 'As the title says'], ['independent', 'Independent practice'],
  ['supervised', 'Under supervision (associate, limited or provisional)'],
];
const STATUSES = [
  ['active', 'Active'], ['expired', 'Expired'], ['suspended', 'Suspended'], ['revoked', 'Revoked'],
  ['surrendered', 'Surrendered'], ['pending', 'Pending'],
];

const isPsypact = (row) => row.basis === 'compact_privilege' && row.compact === 'psypact';

// `added`: a field that rows saved by earlier versions of the page lack (missing = blank).
// `start`: the field begins a new line of the row on wide screens; `wide`: it takes the whole line.
// `when`: the field is shown (and sent) only when this holds for the row.
const LISTS = {
  licenses: {
    noun: 'License',
    fields: [
      { key: 'jurisdiction', label: 'State', kind: 'state' },
      { key: 'basis', label: 'License or privilege', kind: 'select', options: BASES },
      { key: 'compact', label: 'Compact', kind: 'select', options: COMPACTS, added: true, wide: true,
        when: (row) => row.basis === 'compact_privilege' },
      { key: 'privilege', label: 'PSYPACT privilege', kind: 'select', options: PRIVILEGES, added: true, wide: true, when: isPsypact },
      { key: 'type', label: 'Title on the license (optional)', kind: 'text', start: true },
      { key: 'profession', label: 'Profession', kind: 'select', options: [['', 'As the title says'], ...PROFESSIONS], added: true },
      { key: 'level', label: 'Level', kind: 'select', options: LEVELS, added: true, start: true },
      { key: 'status', label: 'Status', kind: 'select', options: STATUSES, start: true },
      { key: 'status_since', label: 'Status since', kind: 'date', added: true },
      { key: 'issued', label: 'Valid from', kind: 'date', added: true, start: true },
      { key: 'expires', label: 'Valid through', kind: 'date' },
    ],
    blank: () => ({
      jurisdiction: '', basis: 'state_license', compact: '', privilege: 'apit', type: '', profession: '', level: '',
      status: 'active', status_since: '', issued: '', expires: '',
    }),
  },
  credentials: {
    noun: 'Credential',
    fields: [
      { key: 'jurisdiction', label: 'State', kind: 'state' },
      { key: 'status', label: 'Status', kind: 'select', options: [['active', 'Active'], ['pending', 'Pending']] },
      { key: 'effective', label: 'Effective from', kind: 'date' },
    ],
    blank: () => ({ jurisdiction: '', status: 'active', effective: '' }),
  },
};

const isRows = (name) => (rows) =>
  Array.isArray(rows) && rows.every((row) =>
    row !== null && typeof row === 'object' && LISTS[name].fields.every(({ key, added }) =>
      store.isString(row[key]) || (added && row[key] === undefined)));

const isProfile = (v) => isRows('licenses')(v.licenses) && isRows('credentials')(v.credentials)
  && (v.profession === undefined || store.isString(v.profession)) && (v.residence === undefined || store.isString(v.residence));

/**
 * Where on a row a finding about it belongs: the field it concerns, by code
 * and the reason the rules give (`params.reason`).
 */
export function fieldOfFinding(finding) {
  const path = /^provider\.licenses\[\d+\]\.(\w+)/.exec(finding.field ?? '');
  if (path) return path[1];
  const reason = finding.params?.reason;
  switch (finding.code) {
    case 'license_expired': return 'expires';
    case 'license_inactive':
      return { not_yet_issued: 'issued', inactive_since: 'status_since', active_only_since: 'status_since' }[reason] ?? 'status';
    case 'license_scope_mismatch': case 'license_title_unknown': return 'profession';
    case 'license_supervised_level': return 'level';
    case 'compact_privilege_invalid':
      if (reason === 'in_person_only') return 'privilege';
      if (['profession_not_covered', 'no_compact', 'grants_licenses', 'not_operational', 'not_in_effect'].includes(reason)) return 'compact';
      return 'basis';
    default: return 'basis';
  }
}

const BASIS_WORDS = new Map(BASES.map(([value, label]) => [value, label.toLowerCase()]));
/** A rules' message with the values of a license's basis (`temporary_permit`) in the words of the form. */
export const basisInWords = (text) =>
  text.replace(/\b(state_license|compact_privilege|telehealth_registration|temporary_permit)\b/g, (v) => BASIS_WORDS.get(v));

/**
 * The sentences of a rules' message about this license, without the advice
 * about a client (there is no client on this screen): "until then, refer this
 * client ..." clauses and the sentences about a client are left out.
 */
const aboutTheLicense = (message) => {
  const text = basisInWords(message).replace(/;\s*until[^.]*?refer this client[^.]*\./gi, '.');
  const sentences = text.split(/(?<=[.:])\s+(?=[A-Z])/).filter((sentence) => !/\bthis client\b|\brefer the client\b/i.test(sentence));
  return withWrittenDates(sentences.join(' ') || message);
};

/** Sets up the screen; `onChange()` hears every edit. */
export function setupProfile({ onChange }) {
  const saved = store.load('provider', isProfile, { licenses: [], credentials: [] });
  const data = {
    profession: saved.profession ?? '',
    residence: saved.residence ?? '',
    licenses: saved.licenses.map((row) => ({ ...LISTS.licenses.blank(), ...row })),
    credentials: saved.credentials.map((row) => ({ ...LISTS.credentials.blank(), ...row })),
  };
  // Rows judged once (complete or left): their messages show from then on.
  const judged = { licenses: new Set(), credentials: new Set() };
  const profession = byId('provider-profession');
  const residence = byId('residence');

  profession.replaceChildren(el('option', { value: '', text: 'Choose your profession' }),
    ...PROFESSIONS.map(([value, label]) => el('option', { value, text: label })));
  profession.value = data.profession;
  residence.value = data.residence;
  profession.addEventListener('change', () => {
    data.profession = profession.value;
    changed();
    judgeAll();
  });
  residence.addEventListener('input', () => {
    data.residence = residence.value;
    changed();
  });
  residence.addEventListener('change', () => {
    judgeResidence();
    judgeAll();
  });

  for (const name of Object.keys(LISTS)) {
    const container = byId(`${name}-list`);
    container.addEventListener('input', (event) => edit(name, event, false));
    container.addEventListener('change', (event) => edit(name, event, true));
    container.addEventListener('focusout', (event) => {
      const row = event.target.closest('.row');
      if (row && !row.contains(event.relatedTarget)) judgeRow(name, Number(row.dataset.index), { leaving: true });
    });
    byId(`${name === 'licenses' ? 'license' : 'credential'}-add`).addEventListener('click', () => add(name));
    render(name);
  }
  rules.onReady('records', () => {
    judgeResidence();
    // Saved rows are whole values: judged at once.
    for (const name of Object.keys(LISTS)) data[name].forEach((row, index) => {
      if (row.jurisdiction.trim()) judged[name].add(index);
    });
    judgeAll();
  });

  function changed() {
    store.save('provider', data);
    onChange();
  }

  function edit(name, event, whole) {
    const input = event.target;
    const index = Number(input.dataset.index);
    const row = data[name][index];
    if (!row || !(input.dataset.key in row)) return;
    row[input.dataset.key] = input.value;
    if (['basis', 'compact'].includes(input.dataset.key)) showWhen(name, index);
    changed();
    // A choice or a date is a whole value, and so is a text field's value once it is left (change).
    if (whole) judgeRow(name, index, { leaving: false });
  }

  function add(name, preset = {}) {
    data[name].push({ ...LISTS[name].blank(), ...preset });
    changed();
    render(name);
    judgeAll(); // the rows drawn again keep what they showed
    const index = data[name].length - 1;
    // With its state given, the row's next field is the one to fill in.
    const first = byId(fieldId(name, index, LISTS[name].fields[preset.jurisdiction ? 1 : 0].key));
    first.focus();
    if (preset.jurisdiction) judgeState(name, index);
    return first;
  }

  function remove(name, index) {
    data[name].splice(index, 1);
    judged[name] = new Set([...judged[name]].filter((i) => i !== index).map((i) => (i > index ? i - 1 : i)));
    changed();
    render(name);
    judgeAll();
    byId(`${name === 'licenses' ? 'license' : 'credential'}-add`).focus(); // the button pressed is gone
    announce(`${LISTS[name].noun} ${index + 1} removed.`, { again: true });
  }

  function render(name) {
    const { noun, fields } = LISTS[name];
    byId(`${name}-empty`).hidden = data[name].length > 0;
    byId(`${name}-list`).replaceChildren(...data[name].map((row, index) =>
      el('fieldset', { class: 'fieldset row', 'data-index': index, 'aria-describedby': `${name}-${index}-summary` },
        el('legend', { class: 'legend legend-s', text: `${noun} ${index + 1}` }),
        el('div', { class: 'row-fields' }, fields.map((spec) => control(name, index, row, spec))),
        el('p', { class: 'status row-summary', id: `${name}-${index}-summary`, hidden: true }),
        el('button', { type: 'button', class: 'button button-secondary button-small', onclick: () => remove(name, index) },
          `Remove ${noun.toLowerCase()} ${index + 1}`))));
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
    const describedBy = [`${id}-messages`, spec.kind === 'state' ? `${id}-status` : null,
      spec.kind === 'date' ? 'licenses-hint' : null].filter(Boolean).join(' ');
    let input;
    if (spec.kind === 'select') {
      input = el('select', { ...attrs, class: 'select', 'aria-describedby': describedBy },
        spec.options.map(([value, label]) => el('option', { value, selected: row[spec.key] === value, text: label })));
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
      spec.kind === 'state' ? el('div', { class: 'fixes', id: `${id}-fixes` }) : null,
      spec.kind === 'state' ? el('p', { class: 'status', id: `${id}-status`, hidden: true }) : null);
  }

  /** A state as the location rules read it: the jurisdiction, or the first error. */
  function readState(value) {
    if (!value.trim() || !rules.isReady('records')) return { code: null, error: null, report: null };
    const report = checkLocation({ state: value });
    return { code: report.jurisdiction?.code ?? null, name: report.jurisdiction?.name, error: report.findings.find(isError), report };
  }

  function judgeResidence() {
    if (!rules.isReady('records')) return;
    const { name, report } = readState(residence.value);
    const shown = report ? report.findings.filter(isError) : [];
    renderFindings(byId('residence-messages'), shown);
    setInvalid(residence, byId('residence-group'), shown.length > 0);
    setStatus(byId('residence-status'), name && !shown.length ? name : '', 'ok');
    byId('residence-group').dataset.checked = residence.value;
  }

  /** Judges a row's state field: its messages, its fix buttons (after the field) and the state understood. */
  function judgeState(name, index) {
    const input = byId(fieldId(name, index, 'jurisdiction'));
    const { report } = readState(input.value);
    const shown = report ? report.findings.filter((f) => f.severity !== 'info') : [];
    renderFindings(byId(`${input.id}-messages`), shown, {
      onFix: (code) => {
        input.value = code;
        data[name][index].jurisdiction = code;
        changed();
        judgeRow(name, index, { leaving: false });
        input.focus();
      },
      fixLabel: (code) => `Use ${checkLocation({ state: code }).jurisdiction?.name ?? code}`,
      fixes: byId(`${input.id}-fixes`),
    });
    const errors = shown.some(isError);
    setInvalid(input, byId(`${input.id}-group`), errors);
    setStatus(byId(`${input.id}-status`), report?.jurisdiction && !errors ? report.jurisdiction.name : '', 'ok');
    return !errors && Boolean(report?.jurisdiction);
  }

  function judgeAll() {
    for (const name of Object.keys(LISTS)) {
      data[name].forEach((_, index) => {
        if (judged[name].has(index)) judgeRow(name, index, { leaving: false, quiet: true });
      });
    }
  }

  /**
   * Judges one row, once it is complete (its state is one the rules know) or
   * left: its state, then (for a license) what it authorizes today.
   */
  function judgeRow(name, index, { leaving, quiet = false }) {
    const row = data[name][index];
    const fieldset = byId(`${name}-list`).children[index];
    if (!row || !fieldset || !rules.isReady('records')) return;
    const stateInput = byId(fieldId(name, index, 'jurisdiction'));
    const summary = byId(`${name}-${index}-summary`);
    if (!row.jurisdiction.trim()) {
      if (!leaving && !judged[name].has(index)) return;
      judged[name].add(index);
      renderFindings(byId(`${stateInput.id}-messages`),
        [{ code: 'state_required', severity: 'error', message: `Enter the state of ${LISTS[name].noun.toLowerCase()} ${index + 1}, or remove it.` }]);
      setInvalid(stateInput, byId(`${stateInput.id}-group`), true);
      clearRowFindings(name, index);
      setStatus(summary, '');
      fieldset.dataset.checked = JSON.stringify(row);
      return;
    }
    judged[name].add(index);
    const stateOk = judgeState(name, index);
    if (name === 'credentials' || !stateOk) {
      clearRowFindings(name, index);
      setStatus(summary, stateOk ? credentialSummary(row) : '', stateOk ? 'ok' : '');
      fieldset.dataset.checked = JSON.stringify(row);
      return;
    }
    const code = readState(row.jurisdiction).code;
    // This license alone where it is, with the others elsewhere as the licenses it may rest on.
    const others = data.licenses.filter((other, i) => i !== index && readState(other.jurisdiction).code
      && readState(other.jurisdiction).code !== code);
    const report = checkContinuity({
      location: code,
      provider: providerFields([row, ...others]),
      client: { coverage: 'none' },
    });
    const problems = report.findings.filter((f) => f.severity !== 'info'
      && !['licensed_not_credentialed', 'credentialing_pending', 'not_licensed', 'payment_not_allowed'].includes(f.code)
      && (f.field === 'provider.licenses' || /^provider\.licenses\[0\]/.test(f.field ?? '')));
    const byField = new Map();
    for (const finding of problems) {
      const key = fieldOfFinding(finding);
      const shownKey = byId(fieldId(name, index, key)) && !byId(`${fieldId(name, index, key)}-group`).hidden ? key : 'basis';
      byField.set(shownKey, [...(byField.get(shownKey) ?? []),
        { ...finding, message: rowWords(finding, index) }]);
    }
    for (const spec of LISTS.licenses.fields) {
      if (spec.key === 'jurisdiction') continue;
      const id = fieldId(name, index, spec.key);
      const list = byField.get(spec.key) ?? [];
      renderFindings(byId(`${id}-messages`), list);
      setInvalid(byId(id), byId(`${id}-group`), list.some(isError));
    }
    const authorizes = report.outcome && report.outcome !== 'refer' && problems.length === 0;
    setStatus(summary, authorizes ? licenseSummary(row, report) : '', authorizes ? 'ok' : '');
    fieldset.dataset.checked = JSON.stringify(row);
    fieldset.dataset.problems = String(problems.length);
    if (!quiet && problems.length) announce(`${LISTS[name].noun} ${index + 1}: ${problems.map((f) => rowWords(f, index)).join(' ')}`);
  }

  /** A finding's message for a row: the field path named by its label, dates written out, no advice about a client. */
  function rowWords(finding, index) {
    const path = /^provider\.licenses\[\d+\]\.(\w+)/.exec(finding.field ?? '');
    let message = finding.message;
    if (path) {
      const spec = LISTS.licenses.fields.find((f) => f.key === path[1]);
      message = message.replace(`"${finding.field}"`, `"${spec?.label ?? path[1]}" of license ${index + 1}`);
    }
    return aboutTheLicense(message);
  }

  function clearRowFindings(name, index) {
    for (const spec of LISTS[name].fields) {
      if (spec.key === 'jurisdiction') continue;
      const id = fieldId(name, index, spec.key);
      renderFindings(byId(`${id}-messages`), []);
      setInvalid(byId(id), byId(`${id}-group`), false);
    }
  }

  function licenseSummary(row, report) {
    const place = report.jurisdiction?.name ?? row.jurisdiction;
    const through = row.expires ? `, valid through ${writtenDate(row.expires)}` : '';
    const from = row.issued ? ` from ${writtenDate(row.issued)}` : '';
    return `Authorizes practice in ${place} today${through}${from ? `; valid${from}` : ''}.`;
  }

  function credentialSummary(row) {
    const { name } = readState(row.jurisdiction);
    const since = row.effective ? ` since ${writtenDate(row.effective)}` : '';
    return row.status === 'pending' ? `Credentialing in ${name} is pending.` : `Credentialed in ${name}${since}.`;
  }

  /** The provider as the rules take it, with `licenses` as given (rows as stored). */
  function providerFields(rows) {
    const where = readState(data.residence).code;
    return {
      ...(data.profession ? { profession: data.profession } : {}),
      ...(where ? { residence: where } : {}),
      licenses: rows.map(licenseFields),
      credentials: data.credentials.filter((row) => readState(row.jurisdiction).code).map((row) => ({
        jurisdiction: readState(row.jurisdiction).code,
        status: row.status,
        ...(row.effective ? { effective: row.effective } : {}),
      })),
    };
  }

  /** Rows whose state the rules know, as sent; with the row's index on screen. */
  const usable = () => data.licenses.map((row, index) => ({ row, index })).filter(({ row }) => readState(row.jurisdiction).code);

  return {
    /** The provider's fields of a continuity or session request; rows whose state is not known are left out. */
    provider: () => providerFields(usable().map(({ row }) => row)),
    /** The index on screen of entry `sent` of the licenses as `provider()` sends them. */
    rowOf: (sent) => usable()[sent]?.index ?? null,
    hasLicenses: () => usable().length > 0,
    /** A license row's field `key` (else its first choice), for an action on another screen; the row is judged first. */
    field: (index, key = 'basis') => {
      judgeRow('licenses', index, { leaving: true, quiet: true });
      const group = byId(`${fieldId('licenses', index, key)}-group`);
      return group && !group.hidden ? byId(fieldId('licenses', index, key)) : byId(fieldId('licenses', index, 'basis'));
    },
    /** Rows of licenses at `code`, with their index on screen. */
    licensesIn: (code) => usable().filter(({ row }) => readState(row.jurisdiction).code === code).map(({ index }) => index),
    credentialIn: (code) => data.credentials.findIndex((row) => readState(row.jurisdiction).code === code),
    /** Adds a row (`licenses` or `credentials`) with the fields in `preset`; focuses and returns its first field to fill in. */
    add: (name, preset) => add(name, preset),
  };
}

/** A license row as the rules take it: blank fields left out, the privilege kind only for PSYPACT. */
function licenseFields(row) {
  const code = row.jurisdiction.trim() && rules.isReady('records')
    ? checkLocation({ state: row.jurisdiction }).jurisdiction?.code ?? row.jurisdiction.trim() : row.jurisdiction.trim();
  return {
    jurisdiction: code,
    ...(row.type.trim() ? { type: row.type.trim() } : {}),
    ...(row.profession ? { profession: row.profession } : {}),
    ...(row.level ? { level: row.level } : {}),
    basis: row.basis,
    ...(row.basis === 'compact_privilege' && row.compact ? { compact: row.compact } : {}),
    ...(isPsypact(row) && row.privilege === 'tap' ? { privilege: 'tap' } : {}),
    status: row.status,
    ...(row.status_since ? { status_since: row.status_since } : {}),
    ...(row.issued ? { issued: row.issued } : {}),
    ...(row.expires ? { expires: row.expires } : {}),
  };
}

function fieldId(name, index, key) {
  return `${name}-${index}-${key}`;
}
