'use client';
// A client component that checks a link while it renders: `use(initKeystroke())`
// first. initKeystroke() gives the same promise on every call, so React
// suspends once in the browser (page.js's <Suspense> keeps the server's HTML
// through hydration until the keystroke module has loaded) and never on the
// server, where the package loads itself. The server action runs from an effect.
import { use, useEffect, useState } from 'react';
import { initKeystroke, checkLink, isReady } from 'telehealth-rules';
import { locate } from './actions.js';

export default function Client() {
  use(initKeystroke());
  const report = checkLink('doxy.me/drsmith');
  const fix = report.findings.find((f) => f.code === 'missing_scheme')?.fix;
  const [action, setAction] = useState('loading');
  useEffect(() => {
    locate('Calif.').then(setAction, (error) => setAction(`error: ${error.message}`));
  }, []);
  return (
    <>
      <p id="client">{`${isReady('keystroke')} ${report.verdict} ${fix}`}</p>
      <p id="action">{action}</p>
    </>
  );
}
