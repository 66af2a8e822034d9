// A server component: calls the rules while rendering, with no init().
import { checkLink } from 'telehealth-rules';
import Client from './client.js';

export const dynamic = 'force-dynamic';

export default function Page() {
  const report = checkLink('doxy.me/drsmith');
  const finding = report.findings.find((f) => f.code === 'missing_scheme');
  return (
    <main>
      <p id="server">{`${report.verdict} ${finding?.fix}`}</p>
      <Client />
    </main>
  );
}
