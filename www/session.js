// Confirm session: where the client was (one of their saved locations), how
// the session took place and is paid, and the provider's licenses and
// credentials. The continuity outcome and its next step update with every
// change (once the records rules are loaded); the session is confirmed only
// when the server agrees.

import * as rules from './rules.js';
import { checkLocation, checkSession } from './rules.js';
import {
  announce, byId, el, hideBanner, hideSummary, isError, readyToSubmit, renderFindings, setInvalid, showBanner, showSummary,
} from './dom.js';
import { reveal } from './reveal.js';
import { askServer } from './server.js';
import * as store from './store.js';
import { BLOCKED_STEP, NEXT_STEP, PRIVATE_PAY, TIME_ZONES } from './wording.js';

const COVERAGES = ['in_network', 'out_of_network', 'none', 'medicare', 'medicaid'];

/**
 * Sets up the screen for `client`; `locations()` gives the client's saved
 * locations and `provider` the licenses editor (provider.js).
 * `onCoverageChange()` hears a change of the client's insurance.
 */
export function setupSession({ client, locations, provider, onCoverageChange = () => {} }) {
  const form = byId('session-form');
  const summary = byId('session-summary');
  const banner = byId('session-saved');
  const date = byId('session-date');
  const time = byId('session-time');
  const zone = byId('session-zone');
  const zoneStatus = byId('session-zone-status');
  const place = byId('session-location');
  const providerPlace = byId('provider-location');
  const coverage = byId('coverage');
  const outcome = byId('outcome');
  const saved = store.load('client', (v) => COVERAGES.includes(v.coverage), { coverage: 'in_network' });
  let phase = 'complete';
  let report = null;
  let said = '';
  let saving = false;

  date.value = today();
  zone.replaceChildren(
    el('option', { value: '', text: 'Choose the client\'s time zone' }),
    ...TIME_ZONES.map(([value, label]) => el('option', { value, text: label })),
  );
  // The provider's own zone is the likeliest guess when it is one of the list.
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  zone.value = TIME_ZONES.some(([value]) => value === own) ? own : '';
  // Where the provider was is checked as a whole value once typed (on change), like a row's state.
  let providerPlaceChecked = providerPlace.value;
  providerPlace.addEventListener('change', () => {
    providerPlaceChecked = providerPlace.value;
  });
  coverage.value = saved.coverage;
  // Radios and selects change in one step: each change is a whole value.
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  coverage.addEventListener('change', () => {
    store.save('client', { coverage: coverage.value });
    onCoverageChange();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    confirm();
  });
  refreshLocations();
  rules.onReady('records', update);

  function changed() {
    hideBanner(banner);
    update();
  }

  /**
   * The session request's fields (without `kind`), as the form describes them now:
   * `session_start` with the client's offset once the date, time and time zone
   * are all given, else the client's `session_date` alone.
   */
  function fields() {
    const start = startOf(date.value, time.value, zone.value);
    const where = providerPlace.value.trim();
    return {
      ...(start ? { session_start: start.text } : { session_date: date.value }),
      ...(where ? { provider_location: checkLocation({ state: where }).jurisdiction?.code ?? where } : {}),
      location: place.value || null,
      modality: form.elements.modality.value,
      payment: form.elements.payment.value,
      client: { coverage: coverage.value, saved_locations: locations().map((l) => l.code) },
      provider: { licenses: provider.licenses(), credentials: provider.credentials() },
    };
  }

  function update() {
    if (!rules.isReady('records')) {
      renderZone();
      return;
    }
    const request = fields();
    // A date input holds '' until the date is complete; say so in words rather than send it.
    report = request.session_date !== ''
      ? checkSession(request)
      : { kind: 'session', verdict: 'reject', outcome: null, jurisdiction: null, private_pay: 'not_allowed',
        findings: [{ code: 'date_required', severity: 'error', field: 'session_date', lang: 'en', message: 'Enter the date of the session.' }] };
    const shown = reveal([...report.findings, ...whenProblems()], place.value, phase).shown.map(provider.inWords);
    const about = (...names) => shown.filter((f) => names.includes(f.field));
    const mapped = ['session_date', 'session_start', 'session_time', 'session_zone', 'provider_location', 'location',
      'modality', 'payment'];
    renderWhen(about('session_date', 'session_start', 'session_time', 'session_zone'));
    renderZone();
    renderProviderPlace(about('provider_location'));
    renderField(place, 'session-location', about('location'));
    renderField(form.elements.modality, 'modality', about('modality'));
    renderField(form.elements.payment, 'payment', about('payment'));
    // A finding about one field of a license row sits next to that field.
    provider.showFindings(shown);
    // Licensing and credentialing findings explain the outcome, so they sit with it.
    const explanation = shown.filter((f) => !mapped.includes(f.field));
    renderFindings(byId('outcome-messages'), explanation);
    renderOutcome(explanation, about('session_date', 'session_start').filter(isError));
  }

  /**
   * What the page itself needs before a session can be confirmed: its start
   * time and the client's time zone (the rules judge the date alone, so these
   * are asked for only on Confirm).
   */
  function whenProblems() {
    if (phase !== 'submitted') return [];
    return [
      ...(time.value ? [] : [{ code: 'time_required', severity: 'error', field: 'session_time', lang: 'en',
        message: 'Enter the time the session started, on the client\'s clock.' }]),
      ...(zone.value ? [] : [{ code: 'time_zone_required', severity: 'error', field: 'session_zone', lang: 'en',
        message: 'Choose the client\'s time zone.' }]),
    ];
  }

  /** The date, time and time zone share one message area, as a GOV.UK date input does. */
  function renderWhen(findings) {
    renderFindings(byId('session-date-messages'), findings);
    const errors = findings.filter(isError);
    const on = (...names) => errors.some((f) => names.includes(f.field));
    setInvalid(date, null, on('session_date', 'session_start'));
    setInvalid(time, null, on('session_time'));
    setInvalid(zone, null, on('session_zone'));
    byId('session-date-group').classList.toggle('form-group-error', errors.length > 0);
  }

  /** Says which offset the time zone has on that date, as it will be sent. */
  function renderZone() {
    const start = startOf(date.value, time.value, zone.value);
    if (start) {
      const skipped = start.skipped ? ' The clocks moved forward at that time on that date: check the start time.' : '';
      zoneStatus.replaceChildren(`${start.name}, UTC${start.offset} on that date: sent as `,
        el('span', { class: 'nowrap', text: start.text }), `.${skipped}`);
      zoneStatus.hidden = false;
    } else if (zone.value && date.value) {
      const noon = startOf(date.value, '12:00', zone.value);
      setStatusText(zoneStatus, `${noon.name}, UTC${noon.offset} on that date.`);
    } else {
      setStatusText(zoneStatus, '');
    }
  }

  function renderProviderPlace(findings) {
    const value = providerPlace.value.trim();
    // Checked once the provider leaves the field (or confirms), so a half-typed state is not an error.
    const typing = phase !== 'submitted' && providerPlace.value !== providerPlaceChecked;
    const local = value ? checkLocation({ state: value }) : null;
    const own = local && !typing ? local.findings.filter(isError).map((f) => ({ ...f, field: 'provider_location' })) : [];
    const shown = [...own, ...findings];
    renderFindings(byId('provider-location-messages'), shown);
    const invalid = shown.some(isError);
    setInvalid(providerPlace, byId('provider-location-group'), invalid);
    const status = byId('provider-location-status');
    status.textContent = local?.jurisdiction && !invalid ? local.jurisdiction.name : '';
    status.hidden = !status.textContent;
    status.className = status.textContent ? 'status status-ok' : 'status';
  }

  function renderField(input, id, findings) {
    renderFindings(byId(`${id}-messages`), findings);
    const invalid = findings.some(isError);
    const inputs = input instanceof RadioNodeList ? [...input] : [input];
    for (const each of inputs) setInvalid(each, null, invalid);
    byId(`${id}-group`).classList.toggle('form-group-error', invalid);
  }

  function renderOutcome(explanation, dateErrors) {
    // A refusal that does not depend on the outcome (a session dated ahead, a
    // request the rules cannot read) heads the panel instead of "Confirm the session".
    const blocked = report.outcome && report.outcome !== 'confirm' ? null
      : [...dateErrors, ...explanation].find((f) => BLOCKED_STEP[f.code]);
    const step = blocked ? BLOCKED_STEP[blocked.code] : report.outcome ? NEXT_STEP[report.outcome] : null;
    const where = report.jurisdiction?.name ?? '';
    outcome.dataset.outcome = report.outcome ?? '';
    const tone = blocked ? BLOCKED_STEP[blocked.code].tone : { confirm: 'ok', refer: 'error' }[report.outcome] ?? (step ? 'warning' : 'pending');
    byId('outcome-step').className = `outcome-step outcome-step-${tone}`;
    if (step) {
      byId('outcome-step').textContent = step.step;
      byId('outcome-detail').textContent = '';
      byId('outcome-private-pay').textContent = blocked ? '' : PRIVATE_PAY[report.private_pay]?.(where) ?? '';
    } else {
      byId('outcome-step').textContent = locations().length ? 'Choose where the client was' : 'Add a location for this client first';
      byId('outcome-detail').textContent = 'The next step depends on the state the client was in during the session.';
      byId('outcome-private-pay').textContent = '';
    }
    const sentence = step ? `${step.step}. ${[...dateErrors, ...explanation].map((f) => f.message).join(' ')}` : '';
    if (sentence !== said) {
      said = sentence;
      announce(sentence);
    }
  }

  /** Rebuilds the location choices from the client's saved list, keeping the current choice. */
  function refreshLocations() {
    const list = locations();
    const chosen = place.value;
    place.replaceChildren(
      el('option', { value: '', text: list.length ? 'Choose a saved location' : 'No saved locations yet' }),
      ...list.map((l) => el('option', { value: l.code, text: l.name })),
    );
    place.value = list.some((l) => l.code === chosen) ? chosen : list.length === 1 ? list[0].code : '';
    update();
  }

  async function confirm() {
    if (saving) return;
    hideBanner(banner);
    if (!rules.isReady('records')) {
      saving = true;
      const loaded = await readyToSubmit('records', summary);
      saving = false;
      if (!loaded) return;
    }
    phase = 'submitted';
    provider.submit();
    update();
    const problems = [
      ...[...report.findings, ...whenProblems()].filter(isError).map(provider.inWords)
        .map((f) => ({ text: f.message, target: targetOf(f) })),
      ...provider.problems(),
      ...providerPlaceProblems(),
    ];
    if (problems.length > 0) {
      showSummary(summary, 'There is a problem', inPageOrder(problems));
      return;
    }
    hideSummary(summary);

    saving = true;
    const sent = fields();
    const answer = await askServer(rules.localized({ kind: 'session', ...sent }), report);
    saving = false;
    if (!answer.accepted) {
      showSummary(summary, 'The server did not confirm this session', [
        ...(answer.problem ? [{ text: answer.problem, target: null }] : []),
        ...(answer.report?.findings.filter(isError).map(provider.inWords)
          .map((f) => ({ text: f.message, target: targetOf(f) })) ?? []),
      ]);
      return;
    }
    const start = startOf(date.value, time.value, zone.value);
    const day = new Date(`${date.value}T12:00:00`).toLocaleDateString('en-US',
      { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
    const clock = new Date(start.text).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZone: zone.value });
    const when = `${day} at ${clock} ${start.name} (UTC${start.offset})`;
    const how = sent.payment === 'private_pay' ? 'private pay' : 'insurance';
    const text = `${when}, by video, with ${client.name} in ${answer.report.jurisdiction?.name}, paid by ${how}.`;
    showBanner(banner, 'Session confirmed', text);
    announce(`Session confirmed: ${text}`, { again: true });
    phase = 'complete';
  }

  /** Where the provider was, when the rules cannot read it as a state. */
  function providerPlaceProblems() {
    const value = providerPlace.value.trim();
    if (!value) return [];
    const error = checkLocation({ state: value }).findings.find(isError);
    return error ? [{ text: `Where you were: ${error.message}`, target: providerPlace }] : [];
  }

  /** The field a finding is about, for the summary's links. */
  function targetOf({ field, code }) {
    if (field === 'session_date' || field === 'session_start') return date;
    if (field === 'session_time') return time;
    if (field === 'session_zone') return zone;
    if (field === 'provider_location') return providerPlace;
    if (field === 'location') return place;
    if (field === 'modality') return checked('modality');
    if (field === 'payment') return checked('payment');
    const exact = provider.fieldOf(field);
    if (exact) return exact;
    if (field.startsWith('provider.licenses')) {
      // The licenses are judged together; lead to the row there the finding is most likely about.
      const bases = { compact_privilege_invalid: ['compact_privilege'], registration_not_recognized: ['telehealth_registration'] }[code]
        ?? ['state_license', 'temporary_permit'];
      return (report.jurisdiction && provider.licenseIn(report.jurisdiction.code, bases)) ?? provider.firstField('licenses');
    }
    if (field.startsWith('provider.credentials')) return provider.firstField('credentials');
    return null;
  }

  function checked(name) {
    return form.querySelector(`input[name="${name}"]:checked`) ?? form.querySelector(`input[name="${name}"]`);
  }

  return { refreshLocations, update };
}

/**
 * The session's start as RFC 3339 with the UTC offset that `zone` has at that
 * wall-clock time on that date, with the zone's name then; null until the
 * date, time and zone are all given. `skipped`: the clocks jumped over that
 * time on that date (it keeps the offset from before the change).
 */
export function startOf(day, clock, zone) {
  const hm = /^(\d{2}):(\d{2})/.exec(clock ?? '');
  if (!day || !hm || !zone) return null;
  const wall = Date.parse(`${day}T${hm[1]}:${hm[2]}:00Z`); // the wall-clock time read as if it were UTC
  if (Number.isNaN(wall)) return null;
  // The offset at the instant that wall time names; near a change of clocks,
  // a second look settles it (a time the clocks skipped keeps the earlier offset).
  let offset = offsetAt(zone, wall);
  const then = offsetAt(zone, wall - offset * 60_000);
  let skipped = false;
  if (then !== offset) {
    if (offsetAt(zone, wall - then * 60_000) === then) offset = then;
    else skipped = true;
  }
  const two = (n) => String(n).padStart(2, '0');
  const text = `${two(Math.trunc(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  const sign = offset < 0 ? '-' : '+';
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'long' })
    .formatToParts(wall - offset * 60_000 - (skipped ? 3_600_000 : 0)).find((p) => p.type === 'timeZoneName')?.value ?? zone;
  return { text: `${day}T${hm[1]}:${hm[2]}:00${sign}${text}`, offset: `${offset < 0 ? '\u2212' : '+'}${text}`, name, skipped };
}

/** Minutes east of UTC in `zone` at the instant `ms`. */
function offsetAt(zone, ms) {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(part);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

function setStatusText(element, text) {
  element.textContent = text;
  element.hidden = !text;
}

/** Problems in the order of their fields on the screen (GOV.UK), those without a field last. */
function inPageOrder(problems) {
  const before = (a, b) => a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING;
  return [...problems].sort((p, q) => {
    if (!p.target || !q.target) return Number(!p.target) - Number(!q.target);
    if (p.target === q.target) return 0;
    return before(p.target, q.target) ? -1 : 1;
  });
}

/** Today in the provider's own time zone, as a date input writes it. */
function today() {
  const now = new Date();
  const two = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
