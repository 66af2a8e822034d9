'use client';
// A client component: `await initKeystroke()` (the browser fetches the
// keystroke .wasm file Next.js copied; checkLink needs no other), then
// synchronous calls; and a server action.
import { useEffect, useState } from 'react';
import { initKeystroke, checkLink, isReady } from 'telehealth-rules';
import { locate } from './actions.js';

export default function Client() {
  const [client, setClient] = useState('loading');
  const [action, setAction] = useState('loading');
  useEffect(() => {
    initKeystroke()
      .then(() => {
        const report = checkLink('doxy.me/drsmith');
        setClient(`${isReady('keystroke')} ${report.verdict} ${report.findings.find((f) => f.code === 'missing_scheme')?.fix}`);
      })
      .catch((error) => setClient(`error: ${error.message}`));
    locate('Calif.').then(setAction, (error) => setAction(`error: ${error.message}`));
  }, []);
  return (
    <>
      <p id="client">{client}</p>
      <p id="action">{action}</p>
    </>
  );
}
