/**
 * @jest-environment jsdom
 */
// Jest (CommonJS, jsdom): require() gets the package's CommonJS entry, with
// the module built in: no init(), no fetch.
const { checkLink, checkLocation, isReady } = require('telehealth-rules');

test('checkLink suggests the https link', () => {
  expect(typeof window).toBe('object');
  const finding = checkLink('doxy.me/drsmith').findings.find((f) => f.code === 'missing_scheme');
  expect(finding.fix).toBe('https://doxy.me/drsmith');
  expect(isReady('keystroke')).toBe(true);
  expect(isReady('records')).toBe(false);
  expect(checkLocation({ state: 'Calif.' }).jurisdiction.code).toBe('CA');
  expect(isReady()).toBe(true);
});
