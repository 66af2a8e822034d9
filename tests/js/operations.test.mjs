// The HTTP service as operators run it, over real HTTP on 127.0.0.1: the
// probes (/healthz, /readyz) and readiness flipping at shutdown while
// requests in flight complete; SIGHUP and a second signal; Prometheus metrics
// changing as requests of each kind are answered; one access log line per
// request with its request id and nothing of the request's content; the
// OpenAPI document served. Each server is its own process; bounded to about
// 20 s in all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { resolve } from 'node:path';
import { raw, request, serve } from './server.mjs';

const repo = resolve(import.meta.dirname, '../..');
const LINK = { kind: 'link', input: 'https://doxy.me/dr-secretname-4471', as_of: '2026-11-26' };
const LOCATION = { kind: 'location', state: 'CA', zip: '94110', as_of: '2026-11-26' };

const check = (server, body, headers = {}) => request(server, {
  method: 'POST', path: '/v1/check', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body),
});

async function scrape(url) {
  const res = await fetch(url);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /openmetrics-text|text\/plain/);
  return res.text();
}

/** The value of the sample `name{labels}` (labels in any order), or 0. */
function sample(text, name, labels = {}) {
  for (const line of text.split('\n')) {
    const match = line.match(/^([a-z_]+)(?:\{(.*)\})? (\S+)$/);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/([a-z_]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === String(v))) return Number(match[3]);
  }
  return 0;
}

/** Sends a request head and part of a body on a raw socket; `rest()` sends the rest; resolves `response` when answered. */
function slowCheck(server) {
  const body = JSON.stringify(LINK);
  const socket = net.connect({ host: server.host, port: server.port });
  let data = '';
  const response = new Promise((done) => {
    socket.on('data', (c) => (data += c));
    socket.on('end', () => done(data));
    socket.on('error', () => done(data));
    socket.on('close', () => done(data));
  });
  const sent = new Promise((done) => socket.on('connect', () => {
    socket.write(`POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    done();
  }));
  return { sent, response, rest: () => socket.write(body.slice(10)), socket };
}

const wait = (ms) => new Promise((done) => setTimeout(done, ms));

test('probes: /healthz and /readyz answer with the security headers, no-store and a request id, for any Host', async () => {
  const server = await serve();
  try {
    const health = await request(server, { path: '/healthz' });
    assert.equal(health.status, 200);
    assert.deepEqual(JSON.parse(health.text), { status: 'ok' });
    const ready = await request(server, { path: '/readyz' });
    assert.equal(ready.status, 200);
    assert.equal(JSON.parse(ready.text).status, 'ready');
    for (const res of [health, ready]) {
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.match(res.headers['content-security-policy'], /frame-ancestors 'none'/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.match(res.headers['x-request-id'], /^[0-9a-f]{32}$/);
    }
    assert.notEqual(health.headers['x-request-id'], ready.headers['x-request-id']);
    // A balancer probing by the instance's own address is answered; the API is not.
    const probed = await request(server, { path: '/readyz', headers: { host: '10.1.2.3:8080' } });
    assert.equal(probed.status, 200);
    assert.equal((await check(server, LINK, { host: '10.1.2.3:8080' })).status, 421);
    // A well-formed X-Request-Id is echoed; a malformed one is replaced.
    assert.equal((await request(server, { path: '/healthz', headers: { 'x-request-id': 'lb-7f3a.91_z:2' } })).headers['x-request-id'], 'lb-7f3a.91_z:2');
    const replaced = await request(server, { path: '/healthz', headers: { 'x-request-id': 'bad id with spaces' } });
    assert.match(replaced.headers['x-request-id'], /^[0-9a-f]{32}$/);
    const post = await request(server, { method: 'POST', path: '/healthz' });
    assert.equal(post.status, 405);
  } finally {
    server.child.kill('SIGKILL');
  }
});

test('the OpenAPI document is served at /v1/openapi.json, as shipped in docs/', async () => {
  const server = await serve();
  try {
    const res = await request(server, { path: '/v1/openapi.json' });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/json');
    assert.equal(res.text, readFileSync(resolve(repo, 'docs/openapi.json'), 'utf8'));
    const unknown = await request(server, { path: '/v1/nothing-here' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(unknown.text).findings[0].params, { problem: 'not_found' });
    assert.match(JSON.parse(unknown.text).findings[0].message, /no such API path/);
  } finally {
    server.child.kill('SIGKILL');
  }
});

test('readiness flips at SIGTERM while everything is still served for --drain-delay; a request in flight completes', async () => {
  const server = await serve(['--drain-delay', '1500ms', '--shutdown-grace', '5s']);
  try {
    const inFlight = slowCheck(server);
    await inFlight.sent;
    await wait(100);
    const signalled = Date.now();
    server.signal('SIGTERM');
    await wait(200);
    const ready = await request(server, { path: '/readyz' });
    assert.equal(ready.status, 503);
    assert.deepEqual(JSON.parse(ready.text), { status: 'shutting_down' });
    assert.equal(ready.headers['cache-control'], 'no-store');
    assert.equal((await request(server, { path: '/healthz' })).status, 200, 'still live');
    assert.equal((await check(server, LINK)).status, 200, 'still serving during the drain delay');
    inFlight.rest();
    const answer = await inFlight.response;
    assert.match(answer, /^HTTP\/1\.1 200 /, 'the request in flight was answered');
    assert.match(answer, /"verdict":"accept"/);
    const { code, signal, at } = await server.exited;
    assert.equal(code, 0, `exited ${code} ${signal}`);
    assert.ok(at - signalled >= 1400, `the listener stayed open for the drain delay (${at - signalled} ms)`);
    assert.ok(at - signalled < 5000, `exited in ${at - signalled} ms`);
  } finally {
    server.child.kill('SIGKILL');
  }
});

test('SIGHUP drains like SIGTERM; a second signal ends the grace at once', async () => {
  const hup = await serve(['--shutdown-grace', '5s']);
  try {
    const inFlight = slowCheck(hup);
    await inFlight.sent;
    await wait(100);
    hup.signal('SIGHUP');
    await wait(300);
    inFlight.rest();
    assert.match(await inFlight.response, /^HTTP\/1\.1 200 /, 'the request in flight at SIGHUP was answered');
    const { code, signal } = await hup.exited;
    assert.equal(signal, null, 'not killed by SIGHUP');
    assert.equal(code, 0);
  } finally {
    hup.child.kill('SIGKILL');
  }
  const twice = await serve(['--shutdown-grace', '30s']);
  try {
    const stalled = slowCheck(twice);
    await stalled.sent;
    await wait(100);
    twice.signal('SIGINT');
    await wait(1500);
    assert.equal(twice.child.exitCode, null, 'the first signal waits for the stalled request');
    const second = Date.now();
    twice.signal('SIGINT');
    const { code, at } = await twice.exited;
    assert.equal(code, 0);
    assert.ok(at - second < 2000, `a second signal ended the 30 s grace in ${at - second} ms`);
    stalled.socket.destroy();
  } finally {
    twice.child.kill('SIGKILL');
  }
});

test('metrics on --metrics-addr change as requests of each kind are answered; not on the page\'s origin', async () => {
  const server = await serve(['--metrics-addr', '127.0.0.1:0', '--max-connections', '50']);
  try {
    const before = await scrape(server.metrics);
    assert.equal(sample(before, 'telehealth_rules_build_info', { ruleset: JSON.parse((await request(server, { path: '/v1/ruleset' })).text).ruleset }), 1);
    const count = (text, labels) => sample(text, 'telehealth_rules_http_requests_total', labels);
    assert.equal((await check(server, LINK)).status, 200);
    assert.equal((await check(server, { kind: 'link', input: 'http://doxy.me/x', as_of: '2026-11-26' })).status, 200);
    assert.equal((await check(server, LOCATION)).status, 200);
    assert.equal((await check(server, '{not json')).status, 400);
    assert.equal((await check(server, JSON.stringify({ kind: 'link', input: 'x'.repeat(70_000) }))).status, 413);
    assert.equal((await request(server, { path: '/index.html' })).status, 200);
    assert.equal((await request(server, { path: '/metrics' })).status, 404, 'no metrics on the page\'s origin');
    const after = await scrape(server.metrics);
    const delta = (labels) => count(after, labels) - count(before, labels);
    assert.equal(delta({ route: 'check', kind: 'link', verdict: 'accept', status: 200 }), 1);
    assert.equal(delta({ route: 'check', kind: 'link', verdict: 'reject', status: 200 }), 1);
    assert.equal(delta({ route: 'check', kind: 'location', status: 200 }), 1);
    assert.equal(delta({ route: 'check', kind: 'invalid_request', verdict: 'reject', status: 400 }), 1);
    assert.equal(delta({ route: 'check', status: 413 }), 1);
    assert.equal(delta({ route: 'page', status: 200 }), 1);
    assert.ok(count(after, { route: 'check', kind: 'link', verdict: 'accept', status: 200 }) > 0);
    assert.equal(sample(after, 'telehealth_rules_body_limit_refusals_total') - sample(before, 'telehealth_rules_body_limit_refusals_total'), 1);
    assert.ok(sample(after, 'telehealth_rules_http_request_duration_seconds_count', { route: 'check' }) >= 5);
    assert.ok(sample(after, 'telehealth_rules_http_request_duration_seconds_bucket', { route: 'check', le: '+Inf' }) >= 5);
    // Open connections: two held open are counted, then released.
    const held = await Promise.all([0, 1].map(() => new Promise((done) => { const s = net.connect({ host: server.host, port: server.port }, () => done(s)); })));
    await wait(200);
    assert.ok(sample(await scrape(server.metrics), 'telehealth_rules_open_connections') >= 2);
    for (const s of held) s.destroy();
    await wait(300);
    assert.equal(sample(await scrape(server.metrics), 'telehealth_rules_open_connections'), 0);
    // Every label value comes from a fixed list: a client's path does not make a series.
    await request(server, { path: '/v1/made-up-path-123' });
    assert.ok(!(await scrape(server.metrics)).includes('made-up-path-123'));
  } finally {
    server.child.kill('SIGKILL');
  }
});

test('metrics count timeouts by phase, connections evicted at the cap and files', async () => {
  const server = await serve(['--metrics-addr', '127.0.0.1:0', '--idle-timeout', '1s', '--request-timeout', '1s', '--write-timeout', '1s']);
  const sockets = [];
  try {
    const open = (bytes, pause = false) => new Promise((done) => {
      const s = net.connect({ host: server.host, port: server.port }, () => { if (pause) s.pause(); if (bytes) s.write(bytes); done(s); });
      s.on('error', () => {});
      sockets.push(s);
    });
    const host = `Host: 127.0.0.1:${server.port}\r\n`;
    await open('');
    await open(`POST /v1/check HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{`);
    await open(`GET /pkg/records_bg.wasm HTTP/1.1\r\n${host}\r\n`.repeat(32), true);
    await wait(3_000);
    const text = await scrape(server.metrics);
    for (const phase of ['head', 'request', 'write']) {
      assert.ok(sample(text, 'telehealth_rules_timeouts_total', { phase }) >= 1, `a ${phase} timeout is counted`);
    }
    assert.ok(sample(text, 'telehealth_rules_http_requests_total', { route: 'check', status: 408 }) >= 1);
    assert.ok(sample(text, 'telehealth_rules_http_requests_total', { route: 'package', status: 200 }) >= 1);
    assert.equal(sample(text, 'telehealth_rules_accept_errors_total'), 0);
  } finally {
    for (const s of sockets) s.destroy();
    server.child.kill('SIGKILL');
  }
  // A full cap: the connections that wait are counted, and the idle ones closed to make room.
  const capped = await serve(['--metrics-addr', '127.0.0.1:0', '--max-connections', '2']);
  const idle = [];
  try {
    for (let i = 0; i < 2; i += 1) idle.push(await new Promise((done) => { const s = net.connect({ host: capped.host, port: capped.port }, () => done(s)); s.on('error', () => {}); }));
    await wait(300);
    assert.equal((await check(capped, LINK)).status, 200);
    const text = await scrape(capped.metrics);
    assert.ok(sample(text, 'telehealth_rules_connections_at_cap_total') >= 1);
    assert.ok(sample(text, 'telehealth_rules_connections_evicted_total') >= 1);
  } finally {
    for (const s of idle) s.destroy();
    capped.child.kill('SIGKILL');
  }
});

test('one JSON log line per request, with the request id, and nothing of the request\'s content', async () => {
  const server = await serve(['--log-format', 'json', '--log-level', 'info']);
  try {
    await check(server, LINK, { 'x-request-id': 'trace-link-1' });
    await check(server, LOCATION, { 'x-request-id': 'trace-location-2' });
    await check(server, { kind: 'link', input: 'https://zoom.us/j/98765432109?pwd=Secret' });
    await request(server, { path: '/index.html?client=Jane%20Doe' });
    server.signal('SIGTERM');
    await server.exited;
    const lines = server.stderr().trim().split('\n').map((l) => JSON.parse(l));
    const requests = lines.filter((l) => l.message === 'request');
    assert.equal(requests.length, 4, 'one line per request');
    const [link, location, zoom, page] = requests;
    assert.deepEqual(
      { method: link.method, path: link.path, status: link.status, kind: link.kind, verdict: link.verdict, request_id: link.request_id },
      { method: 'POST', path: '/v1/check', status: 200, kind: 'link', verdict: 'accept', request_id: 'trace-link-1' },
    );
    assert.equal(location.kind, 'location');
    assert.equal(location.request_id, 'trace-location-2');
    assert.equal(zoom.kind, 'link');
    assert.equal(page.path, '/index.html', 'the path, never the query');
    for (const line of requests) {
      assert.equal(typeof line.latency_ms, 'number');
      assert.ok(line.bytes > 0);
      assert.equal(line.level, 'INFO');
    }
    const log = server.stderr();
    for (const secret of ['secretname', '"CA"', 'Secret', 'Jane', 'doxy.me', 'zoom.us']) {
      assert.ok(!log.includes(secret), `the log holds ${secret}`);
    }
    // Digits count only where no other digit or a decimal point touches them:
    // the log's own timestamps and latencies are numbers too.
    for (const secret of ['4471', '94110', '98765432109']) {
      assert.doesNotMatch(log, new RegExp(`(?<![0-9.])${secret}(?![0-9])`), `the log holds ${secret}`);
    }
  } finally {
    server.child.kill('SIGKILL');
  }
});

test('--log-format text: one readable line per request; --log-level warn: none', async () => {
  const text = await serve(['--log-format', 'text'], { quiet: false });
  const quiet = await serve(['--log-level', 'warn'], { quiet: false });
  try {
    await check(text, LINK, { 'x-request-id': 'plain-1' });
    await check(quiet, LINK);
    text.signal('SIGTERM');
    quiet.signal('SIGTERM');
    await Promise.all([text.exited, quiet.exited]);
    const line = text.stderr().split('\n').find((l) => l.includes('request_id=plain-1'));
    assert.ok(line, text.stderr());
    assert.match(line, /INFO request method=POST path=\/v1\/check status=200 route="check" kind="link" verdict="accept"/);
    assert.equal(quiet.stderr(), '');
  } finally {
    text.child.kill('SIGKILL');
    quiet.child.kill('SIGKILL');
  }
});

test('a request hyper cannot read is answered, logged and counted like any other: route unparsed, its request id in both', async () => {
  const server = await serve(['--log-format', 'json', '--log-level', 'info', '--metrics-addr', '127.0.0.1:0']);
  try {
    const answers = {
      400: (await raw(server, 'NOT AN HTTP REQUEST\r\n\r\n')).text,
      431: (await raw(server, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`)).text,
    };
    const metrics = await scrape(server.metrics);
    server.signal('SIGTERM');
    await server.exited;
    const logged = server.stderr().trim().split('\n').map((l) => JSON.parse(l)).filter((l) => l.message === 'request');
    for (const [status, answer] of Object.entries(answers)) {
      assert.match(answer, new RegExp(`^HTTP/1.1 ${status} `), `${status}: ${answer.slice(0, 80)}`);
      const id = answer.match(/\r\nx-request-id: ([0-9a-f]{32})\r\n/)?.[1];
      assert.ok(id, `${status} carries a request id`);
      const line = logged.find((l) => l.request_id === id);
      assert.ok(line, `${status} has a log line with its request id`);
      assert.deepEqual(
        { method: line.method, path: line.path, status: line.status, route: line.route, kind: line.kind },
        { method: '-', path: '-', status: Number(status), route: 'unparsed', kind: 'none' },
      );
      assert.equal(line.bytes, Buffer.byteLength(answer.slice(answer.indexOf('HTTP/1.1'))), `${status}: the bytes of the response`);
      assert.equal(sample(metrics, 'telehealth_rules_http_requests_total', { route: 'unparsed', status }), 1, `${status} counted`);
    }
    assert.ok(!server.stderr().includes('aaaa'), 'nothing of the request in the log');
  } finally {
    server.child.kill('SIGKILL');
  }
});
