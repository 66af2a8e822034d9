// @vitest-environment jsdom
// Vitest with jsdom: the package is imported as in the app; no init() needed
// (await init() works too, as in shared code).
import { test, expect } from 'vitest';
import { init, checkLink, checkLocation, isReady } from 'telehealth-rules';

test('checkLink suggests the https link', async () => {
  expect(typeof window).toBe('object');
  await init();
  expect(isReady()).toBe(true);
  const finding = checkLink('doxy.me/drsmith').findings.find((f) => f.code === 'missing_scheme');
  expect(finding.fix).toBe('https://doxy.me/drsmith');
  expect(checkLocation({ state: 'Calif.' }).jurisdiction.code).toBe('CA');
});
