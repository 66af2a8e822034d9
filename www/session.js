// Confirm session: where the client was (one of their saved locations), how
// the session took place and is paid, and the provider's licenses and
// credentials. The continuity outcome and its next step update with every
// change; the session is confirmed only when the server agrees.

import { checkSession } from '/pkg/index.js';
import {
  announce, byId, el, hideBanner, hideSummary, isError, renderFindings, setInvalid, showBanner, showSummary,
} from './dom.js';
import { reveal } from './reveal.js';
import { askServer } from './server.js';
import * as store from './store.js';
import { NEXT_STEP, PRIVATE_PAY } from './wording.js';

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
  const place = byId('session-location');
  const coverage = byId('coverage');
  const outcome = byId('outcome');
  const saved = store.load('client', (v) => COVERAGES.includes(v.coverage), { coverage: 'in_network' });
  let phase = 'complete';
  let report = null;
  let said = '';
  let saving = false;

  date.value = today();
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

  function changed() {
    hideBanner(banner);
    update();
  }

  /** The session request's fields (without `kind`), as the form describes them now. */
  function fields() {
    return {
      session_date: date.value,
      location: place.value || null,
      modality: form.elements.modality.value,
      payment: form.elements.payment.value,
      client: { coverage: coverage.value, saved_locations: locations().map((l) => l.code) },
      provider: { licenses: provider.licenses(), credentials: provider.credentials() },
    };
  }

  function update() {
    const request = fields();
    // A date input holds '' until the date is complete; say so in words rather than send it.
    report = request.session_date
      ? checkSession(request)
      : { kind: 'session', verdict: 'reject', outcome: null, jurisdiction: null, private_pay: 'not_allowed',
        findings: [{ code: 'date_required', severity: 'error', field: 'session_date', message: 'Enter the date of the session.' }] };
    const { shown } = reveal(report.findings, place.value, phase);
    const about = (name) => shown.filter((f) => f.field === name);
    const mapped = ['session_date', 'location', 'modality', 'payment'];
    renderField(date, 'session-date', about('session_date'));
    renderField(place, 'session-location', about('location'));
    renderField(form.elements.modality, 'modality', about('modality'));
    renderField(form.elements.payment, 'payment', about('payment'));
    // Licensing and credentialing findings explain the outcome, so they sit with it.
    const explanation = shown.filter((f) => !mapped.includes(f.field));
    renderFindings(byId('outcome-messages'), explanation);
    renderOutcome(explanation);
  }

  function renderField(input, id, findings) {
    renderFindings(byId(`${id}-messages`), findings);
    const invalid = findings.some(isError);
    const inputs = input instanceof RadioNodeList ? [...input] : [input];
    for (const each of inputs) setInvalid(each, null, invalid);
    byId(`${id}-group`).classList.toggle('form-group-error', invalid);
  }

  function renderOutcome(explanation) {
    const step = report.outcome ? NEXT_STEP[report.outcome] : null;
    const where = report.jurisdiction?.name ?? '';
    outcome.dataset.outcome = report.outcome ?? '';
    const tone = { confirm: 'ok', refer: 'error' }[report.outcome] ?? (step ? 'warning' : 'pending');
    byId('outcome-step').className = `outcome-step outcome-step-${tone}`;
    if (step) {
      byId('outcome-step').textContent = step.step;
      byId('outcome-detail').textContent = '';
      byId('outcome-private-pay').textContent = PRIVATE_PAY[report.private_pay]?.(where) ?? '';
    } else {
      byId('outcome-step').textContent = locations().length ? 'Choose where the client was' : 'Add a location for this client first';
      byId('outcome-detail').textContent = 'The next step depends on the state the client was in during the session.';
      byId('outcome-private-pay').textContent = '';
    }
    const sentence = step ? `${step.step}. ${explanation.map((f) => f.message).join(' ')}` : '';
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
    phase = 'submitted';
    provider.submit();
    update();
    const problems = [
      ...report.findings.filter(isError).map((f) => ({ text: f.message, target: targetOf(f.field) })),
      ...provider.problems(),
    ];
    if (problems.length > 0) {
      showSummary(summary, 'There is a problem', problems);
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
        ...(answer.report?.findings.filter(isError).map((f) => ({ text: f.message, target: targetOf(f.field) })) ?? []),
      ]);
      return;
    }
    const when = new Date(`${sent.session_date}T12:00:00`).toLocaleDateString('en-US',
      { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
    const how = sent.payment === 'private_pay' ? 'private pay' : 'insurance';
    const text = `${when}, by video, with ${client.name} in ${answer.report.jurisdiction?.name}, paid by ${how}.`;
    showBanner(banner, 'Session confirmed', text);
    announce(`Session confirmed: ${text}`, { again: true });
    phase = 'complete';
  }

  /** The field a finding is about, for the summary's links. */
  function targetOf(field) {
    if (field === 'session_date') return date;
    if (field === 'location') return place;
    if (field === 'modality') return checked('modality');
    if (field === 'payment') return checked('payment');
    if (field.startsWith('provider.licenses')) return provider.firstField('licenses');
    if (field.startsWith('provider.credentials')) return provider.firstField('credentials');
    return null;
  }

  function checked(name) {
    return form.querySelector(`input[name="${name}"]:checked`) ?? form.querySelector(`input[name="${name}"]`);
  }

  return { refreshLocations, update };
}

/** Today in the provider's own time zone, as a date input writes it. */
function today() {
  const now = new Date();
  const two = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
