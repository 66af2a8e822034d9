// Confirm session: only the session itself (when it started on the client's
// clock, where the client was, where the provider was, how it took place and
// how it is paid); the licenses and credentialing come from the provider's
// profile. The decision heads the screen (decision.js): a headline verdict,
// the reason, what authorizes the session, and the next step, which the main
// button takes. The session is confirmed only when the server agrees. A
// session is kept in the client's record (this browser's storage, as the
// rest) as confirmed, referred (the provider cannot see the client there) or
// not billable (licensed there, but no one to bill); a referral shows the
// provider what to tell the client, in the client's language.

import * as rules from './rules.js';
import { checkLocation, checkSession } from './rules.js';
import {
  announce, byId, el, followSummary, hideBanner, hideSummary, inPageOrder, isError, readyToSubmit, renderFindings, setInvalid,
  showBanner, showSummary, withWrittenDates, writtenDate,
} from './dom.js';
import { authorityInWords, decide } from './decision.js';
import { askServer } from './server.js';
import * as store from './store.js';
import { CLIENT_LANGUAGES, TIME_ZONES } from './wording.js';
import { CLIENT_TEXTS } from './client-texts.js';

const COVERAGES = ['in_network', 'out_of_network', 'none', 'medicare', 'medicaid'];

/** The sessions kept in the client's record, newest first: at most this many. */
const MAX_RECORDS = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^\d{2}:\d{2}$/;

/** What each kind of record says after the place, for the provider. */
const RECORD_WORDS = {
  confirmed: ({ payment }) => `confirmed, paid by ${payment === 'private_pay' ? 'private pay' : 'insurance'}`,
  referred: () => 'referred: you are not authorized there on that date',
  not_billable: () => 'not billable: licensed there, not credentialed',
};

/** A record read back from storage: anything else is dropped rather than trusted. */
const isRecord = (r) => typeof r === 'object' && r !== null && Object.hasOwn(RECORD_WORDS, r.kind)
  && DAY.test(r.date) && (r.time === null || CLOCK.test(r.time)) && (r.zone === null || TIME_ZONES.some(([v]) => v === r.zone))
  && typeof r.place?.code === 'string' && typeof r.place?.name === 'string'
  && (r.payment === null || r.payment === 'insurance' || r.payment === 'private_pay');

const PRIVATE_PAY = {
  allowed: (place) => `Private pay is allowed for this client in ${place}.`,
  not_allowed: (place) => `Private pay is not allowed for this client in ${place}.`,
};

/**
 * Sets up the screen for `client`; `locations()` gives the client's saved
 * locations, `profile` the provider's profile (profile.js) and
 * `open(screen, focus)` shows another screen with focus on an element of it.
 * `clientLanguage()` is the language saved for clients (a referral's words
 * for the client are in it); `onCoverageChange()` hears a change of the
 * client's insurance.
 */
export function setupSession({ client, locations, profile, open, clientLanguage = () => 'en', onCoverageChange = () => {} }) {
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
  const panel = byId('decision');
  const confirmButton = byId('session-confirm');
  const saved = store.load('client', (v) => COVERAGES.includes(v.coverage), { coverage: 'in_network' });
  // A damaged entry is dropped; the others are kept.
  let records = store.load('sessions', Array.isArray, []).filter(isRecord).slice(0, MAX_RECORDS);
  let submitted = false;
  let report = null;
  let decision = null;
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
  // Where the provider was is judged as a whole value once typed (on change), like a row's state.
  let providerPlaceChecked = providerPlace.value;
  providerPlace.addEventListener('change', () => {
    providerPlaceChecked = providerPlace.value;
    update();
  });
  coverage.value = saved.coverage;
  form.addEventListener('change', changed);
  coverage.addEventListener('change', () => {
    store.save('client', { coverage: coverage.value });
    onCoverageChange();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(decision?.submit ?? { do: 'confirm' });
  });
  refreshLocations();
  renderRecords();
  rules.onReady('records', update);

  function changed(event) {
    if (event?.target === providerPlace) return; // handled above
    hideBanner(banner);
    update();
  }

  /** Where the provider was, as a code when the rules know the state. */
  function providerCode() {
    const where = providerPlace.value.trim();
    if (!where) return null;
    return checkLocation({ state: where }).jurisdiction?.code ?? where;
  }

  /**
   * The session request's fields (without `kind`), as the form describes them now:
   * `session_start` with the client's offset once the date, time and time zone
   * are all given, else the client's `session_date` alone.
   */
  function fields() {
    const start = startOf(date.value, time.value, zone.value);
    const where = providerCode();
    return {
      ...(start ? { session_start: start.text } : { session_date: date.value }),
      ...(where ? { provider_location: where } : {}),
      location: place.value || null,
      modality: form.elements.modality.value,
      payment: form.elements.payment.value,
      client: { coverage: coverage.value, saved_locations: locations().map((l) => l.code) },
      provider: profile.provider(),
    };
  }

  function update() {
    renderZone();
    if (!rules.isReady('records')) {
      renderDecision();
      return;
    }
    const request = fields();
    // A date input holds '' until the date is complete; say so in words rather than send it.
    report = request.session_date !== ''
      ? checkSession(request)
      : { kind: 'session', verdict: 'reject', outcome: null, jurisdiction: null, private_pay: 'not_allowed', authority: null,
        findings: [{ code: 'date_required', severity: 'error', field: 'session_date', message: 'Enter the date of the session.' }] };
    const all = [...report.findings, ...whenProblems()]
      .filter((f) => submitted || f.code !== 'location_required');
    const about = (...names) => all.filter((f) => names.includes(f.field));
    renderWhen(about('session_date', 'session_start', 'session_time', 'session_zone'));
    renderProviderPlace(about('provider_location'));
    renderField(place, 'session-location', about('location'));
    renderField(form.elements.modality, 'modality', about('modality'));
    renderField(form.elements.payment, 'payment', about('payment'));
    renderDecision();
    followSummary(summary, problems());
  }

  /**
   * What the page itself needs before a session can be confirmed: its start
   * time and the client's time zone (the rules judge the date alone, so these
   * are asked for only on Confirm).
   */
  function whenProblems() {
    if (!submitted) return [];
    return [
      ...(time.value ? [] : [{ code: 'time_required', severity: 'error', field: 'session_time',
        message: 'Enter the time the session started, on the client\'s clock.' }]),
      ...(zone.value ? [] : [{ code: 'time_zone_required', severity: 'error', field: 'session_zone',
        message: 'Choose the client\'s time zone.' }]),
    ];
  }

  /** The date, time and time zone share one message area, as a GOV.UK date input does. */
  function renderWhen(findings) {
    renderFindings(byId('session-date-messages'), findings.map(written));
    const errors = findings.filter(isError);
    const on = (...names) => errors.some((f) => names.includes(f.field));
    setInvalid(date, null, on('session_date', 'session_start'));
    setInvalid(time, null, on('session_time'));
    setInvalid(zone, null, on('session_zone'));
    byId('session-date-group').classList.toggle('form-group-error', errors.length > 0);
  }

  /** Says which offset the client's time zone has on that date, in words. */
  function renderZone() {
    const start = startOf(date.value, time.value, zone.value);
    const noon = zone.value && date.value ? startOf(date.value, '12:00', zone.value) : null;
    const shown = start ?? noon;
    if (!shown) {
      zoneStatus.textContent = '';
      zoneStatus.hidden = true;
      return;
    }
    const skipped = start?.skipped ? ' The clocks moved forward at that time on that date: check the start time.' : '';
    zoneStatus.textContent = `${shown.name} on ${writtenDate(date.value)}: ${shown.offset.replace('UTC', '')} hours from UTC.${skipped}`;
    zoneStatus.dataset.sent = start?.text ?? '';
    zoneStatus.hidden = false;
  }

  function renderProviderPlace(findings) {
    const value = providerPlace.value.trim();
    // Judged once the provider leaves the field (or confirms), so a half-typed state is not an error.
    const typing = !submitted && providerPlace.value !== providerPlaceChecked;
    const local = value && !typing ? checkLocation({ state: value }) : null;
    const own = local ? local.findings.filter(isError).map((f) => ({ ...f, field: 'provider_location' })) : [];
    const shown = typing ? [] : [...own, ...findings];
    renderFindings(byId('provider-location-messages'), shown);
    const invalid = shown.some(isError);
    setInvalid(providerPlace, byId('provider-location-group'), invalid);
    const status = byId('provider-location-status');
    status.textContent = local?.jurisdiction && !invalid ? local.jurisdiction.name : '';
    status.hidden = !status.textContent;
    status.classList.toggle('status-ok', Boolean(status.textContent));
  }

  function renderField(input, id, findings) {
    renderFindings(byId(`${id}-messages`), findings.map(written));
    const invalid = findings.some(isError);
    const inputs = input instanceof RadioNodeList ? [...input] : [input];
    for (const each of inputs) setInvalid(each, null, invalid);
    byId(`${id}-group`).classList.toggle('form-group-error', invalid);
  }

  /** The decision panel and the main button's label. */
  function renderDecision() {
    const ready = rules.isReady('records');
    decision = decide(ready ? report : null, {
      client, hasLocations: locations().length > 0, chosen: Boolean(place.value), profile,
    });
    panel.dataset.outcome = ready && place.value ? report?.outcome ?? '' : '';
    panel.dataset.tone = decision.tone;
    byId('decision-title').textContent = decision.title;
    byId('decision-reason').textContent = [decision.reason, decision.after].filter(Boolean).join(' ');
    renderAuthority(ready && place.value ? report : null);
    const pay = byId('decision-pay');
    const where = report?.jurisdiction?.name;
    pay.textContent = ready && where && report.outcome ? PRIVATE_PAY[report.private_pay]?.(where) ?? '' : '';
    pay.hidden = !pay.textContent;
    const actions = decision.actions.filter((a) => a.label !== decision.submit.label);
    const key = JSON.stringify(actions.map((a) => a.label));
    const container = byId('decision-actions');
    if (container.dataset.key !== key) {
      container.dataset.key = key;
      container.replaceChildren(...actions.map((action) => action.do === 'add_location'
        ? el('a', { class: 'link decision-action', href: '#locations', text: action.label })
        : el('button', { type: 'button', class: 'button button-secondary decision-action', onclick: () => act(action) }, action.label)));
    }
    confirmButton.textContent = decision.submit.label;
    // One announcement per settled change: the headline, while the screen is on show (changes made on
    // another screen are read when the provider comes back to this one).
    if (ready && decision.title !== said) {
      said = decision.title;
      if (!byId('session').hidden) announce(decision.title);
    }
  }

  function renderAuthority(answer) {
    const line = byId('decision-authority');
    const words = answer?.authority && answer.outcome !== 'refer'
      ? authorityInWords(answer.authority, fields().provider.licenses, nameOf) : null;
    line.hidden = !words;
    if (!words) {
      line.replaceChildren();
      return;
    }
    line.replaceChildren(`${words.text}`, ...words.sources.flatMap((s) => [
      '; ', s.text, ', ', s.url ? el('a', { class: 'link', href: s.url, rel: 'noreferrer', text: s.checked }) : s.checked,
    ]), '.');
  }

  /** Takes a decision's action. */
  function act(action) {
    switch (action.do) {
      case 'confirm': confirm(); break;
      case 'refer': recordReferral(); break;
      case 'not_billable': recordNotBillable(); break;
      case 'private_pay':
        byId('payment-private').checked = true;
        update();
        byId('payment-private').focus();
        break;
      case 'add_license':
        open('profile', () => profile.add('licenses', { jurisdiction: action.code }));
        break;
      case 'add_home_license':
        open('profile', () => profile.add('licenses', {}));
        break;
      case 'fix_license':
        open('profile', () => profile.field(action.row, action.key));
        break;
      case 'start_credentialing':
        open('profile', () => {
          const row = profile.credentialIn(action.code);
          return row >= 0 ? byId(`credentials-${row}-status`) : profile.add('credentials', { jurisdiction: action.code, status: 'pending' });
        });
        break;
      case 'fix_credential':
        open('profile', () => byId(`credentials-${action.row}-status`));
        break;
      case 'add_location':
        open('locations', () => byId('state'));
        break;
      default: break;
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

  /**
   * The errors Confirm would list now: about the session's own fields (the
   * decision covers the licenses); `except(finding)` leaves some out.
   */
  function problems(except = () => false) {
    if (!report || !submitted) return [];
    return [
      ...[...report.findings, ...whenProblems()].filter((f) => isError(f) && !except(f))
        .map((f) => ({ text: written(f).message, target: targetOf(f) }))
        .filter((p) => p.target),
      ...providerPlaceProblems(),
    ];
  }

  /** Waits for the records rules when they are not in yet; false when they cannot be loaded (the summary says so). */
  async function rulesLoaded() {
    if (rules.isReady('records')) return true;
    saving = true;
    const loaded = await readyToSubmit('records', summary);
    saving = false;
    return loaded;
  }

  async function confirm() {
    if (saving) return;
    hideBanner(banner);
    if (!(await rulesLoaded())) return;
    submitted = true;
    update();
    if (decision.submit.do !== 'confirm') {
      act(decision.submit);
      return;
    }
    const found = problems();
    const unexplained = report.verdict === 'reject' && found.length === 0
      ? [{ text: decision.reason || decision.title, target: null }] : [];
    if (found.length > 0 || unexplained.length > 0) {
      showSummary(summary, 'There is a problem', inPageOrder([...found, ...unexplained]));
      return;
    }
    hideSummary(summary);

    saving = true;
    const sent = fields();
    const answer = await askServer({ kind: 'session', ...sent }, report);
    saving = false;
    if (!answer.accepted) {
      showSummary(summary, 'The server did not confirm this session', [
        ...(answer.problem ? [{ text: answer.problem, target: null }] : []),
        ...(answer.report?.findings.filter(isError).map((f) => ({ text: written(f).message, target: targetOf(f) })) ?? []),
      ]);
      return;
    }
    const entry = keep('confirmed', answer.report.jurisdiction, sent.payment);
    const how = sent.payment === 'private_pay' ? 'private pay' : 'insurance';
    const text = `${whenInWords(entry)}, by video, with ${client.name} in ${entry.place.name}, paid by ${how}.`;
    submitted = false;
    update();
    showBanner(banner, 'Session confirmed', text);
  }

  /**
   * Records the session as referred: the provider cannot see the client
   * there on that date. Only the date and the place matter (a referral may
   * come before the session); the banner gives the words for the client.
   */
  function recordReferral() {
    if (saving || report?.outcome !== 'refer' || !report.jurisdiction) return;
    hideBanner(banner);
    hideSummary(summary);
    const entry = keep('referred', report.jurisdiction, null);
    const place = entry.place.name;
    const language = Object.hasOwn(CLIENT_TEXTS, clientLanguage()) ? clientLanguage() : 'en';
    const words = CLIENT_TEXTS[language].referral({ firstName: client.firstName, place });
    const inLanguage = language === 'en' ? '' : ` (in ${CLIENT_LANGUAGES[language]}, the language chosen for clients)`;
    showBanner(banner, 'Referral recorded',
      `${client.name}'s session on ${whenInWords(entry)} is recorded as referred: ${client.firstName} needs a provider `
      + `licensed in ${place}.`,
      el('div', { class: 'handoff' },
        el('h3', { class: 'handoff-title', text: `What to tell ${client.firstName}${inLanguage}` }),
        el('p', { class: 'handoff-text', lang: language, text: words })));
  }

  /**
   * Records the session as not billable: licensed where the client was, so
   * it may take place, but neither insurance (not credentialed there) nor
   * the client (private pay not allowed, or not chosen) is billed. Checked
   * as Confirm is, except for how it is paid; the server must agree that
   * payment is the only problem.
   */
  async function recordNotBillable() {
    if (saving) return;
    hideBanner(banner);
    if (!(await rulesLoaded())) return;
    submitted = true;
    update();
    const aboutPayment = (f) => f.field === 'payment';
    const found = problems(aboutPayment);
    if (found.length > 0) {
      showSummary(summary, 'There is a problem', inPageOrder(found));
      return;
    }
    if (!UNBILLABLE.has(report.outcome)) return;
    hideSummary(summary);
    saving = true;
    const sent = fields();
    const onlyPayment = (answer) => UNBILLABLE.has(answer.outcome) && answer.findings.filter(isError).every(aboutPayment);
    const answer = await askServer({ kind: 'session', ...sent }, report, { agrees: onlyPayment });
    saving = false;
    if (!answer.accepted) {
      showSummary(summary, 'The server did not record this session', [
        ...(answer.problem ? [{ text: answer.problem, target: null }] : []),
        ...(answer.report?.findings.filter((f) => isError(f) && !aboutPayment(f))
          .map((f) => ({ text: written(f).message, target: targetOf(f) })) ?? []),
      ]);
      return;
    }
    const entry = keep('not_billable', answer.report.jurisdiction, null);
    submitted = false;
    update();
    showBanner(banner, 'Session recorded as not billable',
      `${whenInWords(entry)}, by video, with ${client.name} in ${entry.place.name}: not billed to insurance or to `
      + `${client.firstName}.`);
  }

  /**
   * Keeps the session as the form describes it in the client's record, as
   * `kind`, in place of an earlier record of the same session (day, start
   * time and place): the latest decision stands. Returns the record.
   */
  function keep(kind, jurisdiction, payment) {
    const entry = {
      kind, date: date.value, time: time.value || null, zone: zone.value || null,
      place: { code: jurisdiction?.code ?? '', name: jurisdiction?.name ?? '' }, payment,
    };
    const same = (r) => r.date === entry.date && r.time === entry.time && r.zone === entry.zone && r.place.code === entry.place.code;
    records = [entry, ...records.filter((r) => !same(r))].slice(0, MAX_RECORDS);
    store.save('sessions', records);
    renderRecords();
    return entry;
  }

  /** The client's recorded sessions, newest first. */
  function renderRecords() {
    const list = byId('session-records-list');
    list.replaceChildren(...records.map((r) => el('li', { class: 'summary-list-row', 'data-kind': r.kind },
      el('span', { class: 'summary-list-name', text: whenInWords(r) }),
      el('span', { class: 'summary-list-meta', text: `${r.place.name}: ${RECORD_WORDS[r.kind](r)}` }))));
    list.hidden = records.length === 0;
    byId('session-records-empty').hidden = records.length > 0;
  }

  /** Where the provider was, when the rules cannot read it as a state. */
  function providerPlaceProblems() {
    const value = providerPlace.value.trim();
    if (!value) return [];
    const error = checkLocation({ state: value }).findings.find(isError);
    return error ? [{ text: `Where you were: ${error.message}`, target: providerPlace }] : [];
  }

  /** The field on this screen a finding is about, for the summary's links; null for the licenses (the decision covers them). */
  function targetOf({ field }) {
    if (field === 'session_date' || field === 'session_start') return date;
    if (field === 'session_time') return time;
    if (field === 'session_zone') return zone;
    if (field === 'provider_location') return providerPlace;
    if (field === 'location') return place;
    if (field === 'modality') return checked('modality');
    if (field === 'payment') return checked('payment');
    return null;
  }

  function checked(name) {
    return form.querySelector(`input[name="${name}"]:checked`) ?? form.querySelector(`input[name="${name}"]`);
  }

  return { refreshLocations, update };
}

/** The outcomes where the provider is licensed where the client was but not credentialed there. */
const UNBILLABLE = new Set(['begin_credentialing', 'await_credentialing']);

/**
 * When a recorded session took place, in words: "Monday, December 7, 2026 at
 * 10:00 AM Eastern Standard Time", or the day alone without a start time.
 */
function whenInWords({ date, time, zone }) {
  const day = `${weekday(date)}, ${writtenDate(date)}`;
  const start = startOf(date, time, zone);
  if (!start) return day;
  const clock = new Date(start.text).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZone: zone });
  return `${day} at ${clock} ${start.name}`;
}

/** A finding with its dates written out. */
const written = (finding) => ({ ...finding, message: withWrittenDates(finding.message) });

const nameOf = (code) => (code ? checkLocation({ state: code }).jurisdiction?.name ?? code : '');

const weekday = (day) => new Date(`${day}T12:00:00`).toLocaleDateString('en-US', { weekday: 'long' });

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
  const hours = `${offset < 0 ? '\u2212' : '+'}${Math.abs(offset) % 60 ? text : String(Math.trunc(Math.abs(offset) / 60))}`;
  return { text: `${day}T${hm[1]}:${hm[2]}:00${sign}${text}`, offset: hours, name, skipped };
}

/** Minutes east of UTC in `zone` at the instant `ms`. */
function offsetAt(zone, ms) {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(part);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** Today in the provider's own time zone, as a date input writes it. */
function today() {
  const now = new Date();
  const two = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
