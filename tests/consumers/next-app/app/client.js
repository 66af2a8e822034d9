'use client';
// A client component: `await init()` (the browser fetches the .wasm file
// Next.js copied), then synchronous calls; and a server action.
import { useEffect, useState } from 'react';
import { init, checkLink, isReady } from 'telehealth-rules';
import { locate } from './actions.js';

export default function Client() {
  const [client, setClient] = useState('loading');
  const [action, setAction] = useState('loading');
  useEffect(() => {
    init()
      .then(() => {
        const report = checkLink('doxy.me/drsmith');
        setClient(`${isReady()} ${report.verdict} ${report.findings.find((f) => f.code === 'missing_scheme')?.fix}`);
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
