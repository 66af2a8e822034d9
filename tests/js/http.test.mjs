// The HTTP service under load and abuse: a bounded load test on
// loopback (latency printed, not asserted), oversized, mistyped, slow,
// truncated and malformed requests, wrong methods, path traversal on the
// static files, and security headers on every response. After all of it the
// service still answers a normal request. Bounded to about a minute. Then
// every shared vector, over HTTP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { raw as rawOn, request as send, serve } from './server.mjs';
import { casesIn, LOCALES } from './vectors.mjs';

const LOAD_REQUESTS = Number(process.env.HTTP_LOAD_REQUESTS ?? 20_000);
const LOAD_CLIENTS = 32;
/** The server's own request timeout (serve.rs: TimeoutLayer, 10 s) plus slack. */
const SERVER_TIMEOUT_MS = 10_000;

let server;
let host;
let port;
before(async () => {
  server = await serve();
  ({ host, port } = server);
});
after(async () => {
  await server?.stop();
});

const seen = []; // every response's headers, checked at the end

/**
 * One request over a fresh or pooled connection, POST /v1/check unless told
 * otherwise: {status, headers, body (text)}. An answer slower than the
 * server's own timeout (plus slack) is a failure, not a hang.
 */
async function request({ method = 'POST', path = '/v1/check', headers = {}, body, agent = false } = {}) {
  const res = await send(server, { method, path, headers, body, agent, timeout: SERVER_TIMEOUT_MS + 5_000 });
  seen.push({ path, status: res.status, headers: res.headers });
  return { status: res.status, headers: res.headers, body: res.text };
}

const json = (body, extra = {}) => ({
  headers: { 'content-type': 'application/json', ...extra },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** Raw bytes on a new connection, half-closed once written unless `endAfterWrite` is false: `{text, how}` (server.mjs). */
const raw = (bytes, options = {}) => rawOn(server, bytes, { endAfterWrite: true, ...options });

/**
 * Sends a body the server will refuse, the way a careful client does: with a
 * Content-Length, headers first and the body only if no answer came within
 * 200 ms; chunked, 1 KiB at a time until an answer comes. Errors after the
 * answer (the server closes without reading what it refused: EPIPE,
 * ECONNRESET) are expected; the answer is what counts.
 */
function sendOversized(body, { chunked = false } = {}) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let data = '';
    socket.on('data', (c) => (data += c.toString('utf8')));
    socket.on('error', () => {});
    socket.on('close', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      const headers = Object.fromEntries(
        head.split('\r\n').slice(1).map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      const out = { status: statusOf(data), headers, body: rest.join('\r\n\r\n') };
      seen.push({ path: '/v1/check (oversized)', status: out.status, headers });
      resolve(out);
    });
    socket.on('connect', async () => {
      const framing = chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${Buffer.byteLength(body)}`;
      socket.write(`POST /v1/check HTTP/1.1\r\nHost: ${host}:${port}\r\nContent-Type: application/json\r\n${framing}\r\nConnection: close\r\n\r\n`);
      if (!chunked) {
        await new Promise((wait) => setTimeout(wait, 200));
        if (!data) socket.write(body);
      } else {
        for (let at = 0; at < body.length && !data && !socket.destroyed; at += 1024) {
          const piece = body.slice(at, at + 1024);
          socket.write(`${piece.length.toString(16)}\r\n${piece}\r\n`);
          await new Promise((wait) => setImmediate(wait));
        }
        if (!data && !socket.destroyed) socket.write('0\r\n\r\n');
      }
      if (!socket.destroyed) socket.end();
    });
  });
}

const statusOf = (response) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);

function assertReport(res, status) {
  assert.equal(res.status, status, res.body);
  assert.match(res.headers['content-type'], /^application\/json/);
  const report = JSON.parse(res.body);
  assert.equal(report.kind, 'invalid_request');
  assert.equal(report.verdict, 'reject');
  assert.equal(report.findings[0].code, 'invalid_request');
  assert.ok(report.findings[0].message.length > 0);
  return report;
}

const NORMAL = { kind: 'link', input: 'https://doxy.me/drsmith', as_of: '2026-11-26' };

async function assertStillServing() {
  const res = await request(json(NORMAL));
  assert.equal(res.status, 200);
  assert.equal(JSON.parse(res.body).verdict, 'accept');
}

test('oversized bodies get 413 with a report, and the service keeps serving', async () => {
  const limit = 64 * 1024;
  const padded = (size) => {
    const text = JSON.stringify({ ...NORMAL, input: '' });
    return text.replace('"input":""', `"input":"${'a'.repeat(size - text.length)}"`);
  };
  // Exactly at the limit: read, and the link rules answer too_long.
  const atLimit = await request(json(padded(limit)));
  assert.equal(atLimit.status, 200);
  assert.deepEqual(JSON.parse(atLimit.body).findings.map((f) => f.code), ['too_long']);
  // One byte over, 1 MiB and 10 MiB, with a Content-Length: answered from
  // the headers alone.
  for (const size of [limit + 1, 1 << 20, 10 << 20]) assertReport(await sendOversized(padded(size)), 413);
  // Over the limit without a Content-Length (chunked): cut off while reading.
  const chunked = await sendOversized('x'.repeat(80 * 1024), { chunked: true });
  assertReport(chunked, 413);
  // A Content-Length that lies about a huge body.
  const lying = await raw(`POST /v1/check HTTP/1.1\r\nHost: ${host}:${port}\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{}`,
    { endAfterWrite: false });
  assert.equal(statusOf(lying.text), 413, lying.text);
  await assertStillServing();
});

test('wrong or missing content type gets 415 with a report', async () => {
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'json']) {
    assertReport(await request({ ...json(NORMAL), headers: { 'content-type': type } }), 415);
  }
  assertReport(await request({ body: JSON.stringify(NORMAL) }), 415);
  // JSON with parameters or in capitals is JSON.
  for (const type of ['application/json; charset=utf-8', 'APPLICATION/JSON']) {
    assert.equal((await request({ ...json(NORMAL), headers: { 'content-type': type } })).status, 200, type);
  }
});

test('malformed JSON and other invalid requests get 400 with a report', async () => {
  for (const body of ['', '{', 'null', '[]', '{"kind":"link"}', '{"kind":"video"}', '{"kind":"link","input":"x",}',
    `${'['.repeat(10_000)}`, '{"kind":"link","input":"x","as_of":"2026-02-30"}']) {
    assertReport(await request(json(body)), 400);
  }
  // Bytes that are not UTF-8.
  assertReport(await request({ headers: { 'content-type': 'application/json' }, body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }), 400);
  await assertStillServing();
});

test('methods other than POST on /v1/check get 405 with a report and Allow: POST', async () => {
  for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
    const res = await request({ method, headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 405, method);
    assert.equal(res.headers.allow, 'POST', method);
    assertReport(res, 405);
  }
});

test('path traversal on the static files never serves a file from outside', async () => {
  const paths = ['/../Cargo.toml', '/%2e%2e/Cargo.toml', '/%2E%2E/Cargo.toml', '/pkg/../../Cargo.toml', '/pkg/%2e%2e/%2e%2e/Cargo.toml',
    '/pkg/..%2f..%2fCargo.toml', '/..%5c..%5cCargo.toml', '/pkg/..\\..\\Cargo.toml', '/%252e%252e/Cargo.toml',
    '/.%2e/Cargo.toml', '//etc/passwd', '/pkg//../../../../etc/passwd', '/..;/Cargo.toml', '/pkg/%00../Cargo.toml'];
  for (const path of paths) {
    // The client keeps its side open: the server closes after answering.
    const { text: data } = await raw(`GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nConnection: close\r\n\r\n`, { endAfterWrite: false });
    const status = statusOf(data);
    assert.ok([400, 404].includes(status), `${path}: ${data.slice(0, 200)}`);
    assert.ok(!data.includes('[package]') && !data.includes('root:x:0'), `${path} served a file`);
    // The security headers come with error pages too.
    assert.match(data, /content-security-policy: /i, path);
  }
});

test('a stalled body gets 408 or is closed in time, while others are served', async () => {
  const started = Date.now();
  const stalled = raw(
    `POST /v1/check HTTP/1.1\r\nHost: ${host}:${port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"kind":"link","in`,
    { waitMs: SERVER_TIMEOUT_MS + 5_000, endAfterWrite: false },
  );
  // Meanwhile the service answers others at once.
  for (let i = 0; i < 20; i += 1) {
    const t = Date.now();
    await assertStillServing();
    assert.ok(Date.now() - t < 2_000, 'a normal request waited behind a stalled one');
  }
  const { text: data, how } = await stalled;
  const took = Date.now() - started;
  console.log(`stalled body: ${statusOf(data) || how} after ${took} ms`);
  assert.ok(how === 'closed' || statusOf(data) === 408, `stalled body: ${how} ${data.slice(0, 100)}`);
  if (statusOf(data) !== 0) assert.equal(statusOf(data), 408, data);
  assert.ok(took < SERVER_TIMEOUT_MS + 5_000, `the stalled request was held ${took} ms`);
  await assertStillServing();
});

// A client that never finishes its headers (slowloris) is dropped once the
// header read timeout passes, so it cannot hold a connection for ever.
test('stalled headers are closed in time', async () => {
  const started = Date.now();
  const { text: data, how } = await raw(`POST /v1/check HTTP/1.1\r\nHost: ${host}:${port}\r\nContent-Ty`,
    { waitMs: SERVER_TIMEOUT_MS + 5_000, endAfterWrite: false });
  console.log(`stalled headers: ${statusOf(data) || how} after ${Date.now() - started} ms`);
  assert.ok(how === 'closed' || statusOf(data) >= 400, `stalled headers still open after ${Date.now() - started} ms`);
  await assertStillServing();
});

test('truncated requests (Content-Length larger than the body, then close) do no harm', async () => {
  for (const request of [
    `POST /v1/check HTTP/1.1\r\nHost: ${host}:${port}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"kind":"link","input":"https://doxy.me/drsmith"}`,
    `POST /v1/check HTTP/1.1\r\nHost: ${host}:${port}\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n`,
    `POST /v1/check HTTP/1.1\r\nHost: ${host}:${port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{"kind":"li`,
    `POST /v1/check HTTP/1.1\r\nHost: ${host}:${port}\r\nContent-Type: appl`,
    `POST /v1/check HTTP/1.1\r\nHost: ${host}:${port}\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n{}`,
    `POST /v1/check HTTP/1.1\r\nHost: ${host}:${port}\r\nContent-Length: -1\r\n\r\n{}`,
    'GARBAGE\r\n\r\n',
  ]) {
    const { text: data, how } = await raw(request);
    const status = statusOf(data);
    // Either an error answer or a closed connection: never a 200, never a hang.
    assert.ok(how !== 'timeout' || status !== 0, `no answer and no close: ${JSON.stringify(request)}`);
    assert.ok(status === 0 || status >= 400, `${status} for ${JSON.stringify(request)}`);
    // Answers to requests hyper cannot parse carry the security headers too.
    if (status !== 0) assert.match(data, /content-security-policy: /i, JSON.stringify(request));
  }
  await assertStillServing();
});

test(`load: ${LOAD_REQUESTS} requests from ${LOAD_CLIENTS} keep-alive clients, no errors`, async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: LOAD_CLIENTS });
  const bodies = [
    NORMAL,
    { kind: 'link', input: 'http://zoom.us/s/1234567890?zak=x', as_of: '2026-11-26' },
    { kind: 'location', state: 'Califrnia', zip: '94110' },
    { kind: 'instructions', input: 'Join at https://doxy.me/drsmith. Call (646) 558-8656.', link: 'https://doxy.me/drsmith' },
    { kind: 'continuity', as_of: '2026-11-26', location: 'NY', provider: { licenses: [{ jurisdiction: 'NY', status: 'active' }] }, client: { coverage: 'none' } },
    'not json',
  ].map((b) => (typeof b === 'string' ? b : JSON.stringify(b)));
  const latencies = [];
  const errors = [];
  let next = 0;
  const started = process.hrtime.bigint();
  async function client() {
    while (next < LOAD_REQUESTS) {
      const i = next;
      next += 1;
      const body = bodies[i % bodies.length];
      const t = process.hrtime.bigint();
      try {
        const res = await request({ ...json(body), agent });
        const expected = body === 'not json' ? 400 : 200;
        if (res.status !== expected) errors.push(`${res.status} for ${body}`);
        else if (!res.body.startsWith('{"kind":')) errors.push(`not a report: ${res.body.slice(0, 80)}`);
      } catch (e) {
        errors.push(String(e));
      }
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  await Promise.all(Array.from({ length: LOAD_CLIENTS }, client));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(2);
  console.log(`load: ${LOAD_REQUESTS} requests, ${LOAD_CLIENTS} clients, ${seconds.toFixed(1)} s, ` +
    `${(LOAD_REQUESTS / seconds).toFixed(0)} req/s; latency p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
  assert.deepEqual(errors.slice(0, 5), [], `${errors.length} errors`);
  assert.equal(latencies.length, LOAD_REQUESTS);
});

test('every response carries the security headers, and the service still answers', async () => {
  await request({ method: 'GET', path: '/' });
  await request({ method: 'GET', path: '/v1/ruleset' });
  await request({ method: 'GET', path: '/no-such-file' });
  assert.ok(seen.length > 50);
  for (const { path, status, headers } of seen) {
    const where = `${status} ${path}`;
    assert.match(headers['content-security-policy'] ?? '', /default-src 'self'/, where);
    assert.match(headers['content-security-policy'] ?? '', /frame-ancestors 'none'/, where);
    assert.equal(headers['x-content-type-options'], 'nosniff', where);
    assert.equal(headers['x-frame-options'], 'DENY', where);
  }
  await assertStillServing();
});

// The shared vectors over HTTP (those sent as request objects; the raw texts
// of the envelope and adversarial files are the other tests' business): each
// body is the golden report, byte for byte, in English and in Spanish.
test('every vector posted to /v1/check gets the golden report, byte for byte', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const differ = [];
  let sent = 0;
  for (const locale of Object.keys(LOCALES)) {
    const all = casesIn(locale).filter((c) => c.request !== null && typeof c.request === 'object' && !Array.isArray(c.request));
    for (let i = 0; i < all.length; i += 8) {
      await Promise.all(all.slice(i, i + 8).map(async (c) => {
        const { body } = await request({ ...json(c.text), agent });
        sent++;
        if (body !== c.golden) differ.push(`${locale} ${c.file} / ${c.name}: ${body}`);
      }));
    }
  }
  agent.destroy();
  assert.ok(sent > 2000, `${sent} vectors sent`);
  assert.ok(casesIn('en').some((c) => c.request?.typing === true), 'the typing vectors are among them');
  assert.deepEqual(differ.slice(0, 5), [], `${differ.length} differ`);
});
