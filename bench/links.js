// The ten real links the benchmarks type, prefix by prefix: the same as
// benches/fixtures/mod.rs (Rust cannot share this file). Used by the browser
// page (bench/bench.js) and the Node run (scripts/bench-node.mjs).
export const LINKS = [
  'https://doxy.me/drsmith',
  'https://zoom.us/j/1234567890',
  'https://us02web.zoom.us/j/1234567890?pwd=aBcD1234EfGh',
  'https://meet.google.com/abc-defg-hij',
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjM5ZTk0YzEtMjQ0ZS00ZDQ2LWI0YTktNDk0YjE2ZjkzZjE0%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%2c%22Oid%22%3a%22a1b2c3d4-0000-1111-2222-333344445555%22%7d',
  'https://acme.webex.com/meet/dr.smith',
  'https://acmeclinic.vsee.me/u/drsmith',
  'https://www.therapyportal.com/p/acmecounseling/telehealth/',
  'https://zoom.us/my/drsmith',
  'https://doxy.me/dr.smith_2-office',
];
