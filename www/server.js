// Save and Confirm send the request the page has just checked to
// POST /v1/check. The page's own check is there to help as the provider types;
// the server's is the one that counts, so success is shown only when the
// server's report is not a reject and agrees with the page.

/**
 * Sends `request` and compares the server's report with `localReport` (the
 * page's report for the same request). Resolves to `{accepted, report,
 * problem}`: `report` is the server's (null when there is none) and
 * `problem` a sentence for the provider when something other than the
 * findings went wrong. `agrees(report)`, when given, decides instead of the
 * verdict whether the server's report allows what the page is about to do
 * (recording a session as not billable, which the rules reject for payment).
 */
export async function askServer(request, localReport, { agrees = null } = {}) {
  let response;
  try {
    response = await fetch('/v1/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch {
    return refused(null, 'The server could not be reached, so nothing was saved. Check your connection and try again.');
  }
  let report;
  try {
    report = await response.json();
  } catch {
    report = null;
  }
  if (!report || typeof report.verdict !== 'string' || !Array.isArray(report.findings)) {
    return refused(null, `The server could not check this (error ${response.status}), so nothing was saved. Try again.`);
  }
  if (agrees) return agrees(report) ? { accepted: true, report, problem: null } : refused(report, null);
  if (report.verdict === 'reject') return refused(report, null);
  if (report.verdict !== localReport.verdict) {
    // Both sides run the same rules; a difference means this page is out of date.
    return refused(report, `The server's check (${report.verdict}, rules ${report.ruleset}) differs from this page's `
      + `(${localReport.verdict}, rules ${localReport.ruleset}), so nothing was saved. Reload the page and try again.`);
  }
  return { accepted: true, report, problem: null };
}

function refused(report, problem) {
  return { accepted: false, report, problem };
}
