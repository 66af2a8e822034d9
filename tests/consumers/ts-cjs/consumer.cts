// A CommonJS TypeScript file (`.cts`, `module: nodenext`): `import x =
// require()` gets the package's `require` entry (node.cjs) and its
// declarations (index.d.cts). Compiled by tests/js/types.test.mjs, with the
// lowest TypeScript the README claims too, and run by
// tests/js/frameworks.test.mjs.
import rules = require('telehealth-rules');
import schema = require('telehealth-rules/schema');

const report: rules.LinkReport = rules.checkLink('doxy.me/drsmith');
const finding = report.findings.find((f) => f.code === 'missing_scheme');
export const answer: string = `${report.verdict} ${finding?.code === 'missing_scheme' ? finding.fix : 'no fix'} ${String(rules.isReady())}`;
// The validators' entry, required: the same declarations (its .d.cts).
const linkField: rules.RulesSchema<string, string, rules.LinkCode> = schema.linkSchema();
export const validated = linkField['~standard'].validate('doxy.me/drsmith');
