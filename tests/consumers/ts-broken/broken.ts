// Must NOT compile: each marked line is a mistake the types have to catch.
// tests/js/types.test.mjs asserts tsc fails with exactly these errors.
import { check, checkLink, type Code } from 'telehealth-rules';

const report = checkLink('http://doxy.me/drsmith');
if (report.kind === 'link') {
  console.log(report.normalised); // MISTAKE: normalised (the field is `normalized`)
}
for (const finding of report.findings) {
  if (finding.code === 'http_required') console.log(finding.fix); // MISTAKE: http_required (the code is `https_required`)
}
const code: Code = 'http_required'; // MISTAKE: http_required
check({ kind: 'link', input: 'https://doxy.me/drsmith', asof: '2026-11-26' }); // MISTAKE: asof (the field is `as_of`)
if (report.verdict === 'rejected') console.log(code); // MISTAKE: rejected (the verdict is `reject`)
