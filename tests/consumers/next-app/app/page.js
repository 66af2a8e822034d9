// A server component: calls the rules while rendering, with no init(). The
// client component below suspends in the browser until its module loads.
import { Suspense } from 'react';
import { checkLink } from 'telehealth-rules';
import Client from './client.js';

export const dynamic = 'force-dynamic';

export default function Page() {
  const report = checkLink('doxy.me/drsmith');
  const finding = report.findings.find((f) => f.code === 'missing_scheme');
  return (
    <main>
      <p id="server">{`${report.verdict} ${finding?.fix}`}</p>
      <Suspense fallback={<p id="client">loading</p>}>
        <Client />
      </Suspense>
    </main>
  );
}
