// The ten real links the benchmarks type, prefix by prefix: bench/links.txt
// (one a line, `#` comments), the list bench/rust/fixtures/mod.rs reads too.
// Read from disk in Node, fetched beside this file in the browser page.
const url = new URL('./links.txt', import.meta.url);
const text =
  url.protocol === 'file:'
    ? (await import('node:fs')).readFileSync(url, 'utf8')
    : await (await fetch(url)).text();

export const LINKS = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
