// A server bundle (Rollup, ESM and CommonJS outputs): no init(), nothing to copy.
import { checkLink } from 'telehealth-rules';

const report = checkLink('doxy.me/drsmith');
console.log(report.verdict, report.findings[0].code, report.findings[0].fix);
