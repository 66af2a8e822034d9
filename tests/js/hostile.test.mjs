// The HTTP service under hostile clients, each test against its
// own `telehealth-rules serve` on 127.0.0.1 with small limits so that every
// attack ends in seconds: pipelining clients that never read, a full
// connection cap at SIGTERM, shutdown under load, over-long paths, requests
// hyper cannot parse, Host headers of other sites, compressed package files;
// and the attacks a later run found: clients that never read after the write
// timeout (kernel memory), slow request bodies, running out of descriptors,
// redirects to another host, RFC 9112 Host rules, symbolic links and FIFOs
// in the page folder, a future If-Modified-Since.
// Bounded: about 40 s in all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { raw, request, serve } from './server.mjs';

const repo = resolve(import.meta.dirname, '../..');
const NORMAL = JSON.stringify({ kind: 'link', input: 'https://doxy.me/drsmith', as_of: '2026-11-26' });

const check = (server, extra = {}) => request(server, { method: 'POST', path: '/v1/check', headers: { 'content-type': 'application/json' }, body: NORMAL, ...extra });

/** Splits a raw HTTP/1.1 response: {status, headers (lower-case names), body}. */
function parse(text) {
  const split = text.indexOf('\r\n\r\n');
  const head = text.slice(0, split).split('\r\n');
  const headers = Object.fromEntries(head.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(head[0].split(' ')[1]), headers, body: text.slice(split + 4) };
}

function assertSecurityHeaders(headers, where) {
  assert.match(headers['content-security-policy'] ?? '', /default-src 'self'.*frame-ancestors 'none'/, where);
  assert.equal(headers['x-content-type-options'], 'nosniff', where);
  assert.equal(headers['x-frame-options'], 'DENY', where);
  assert.equal(headers['referrer-policy'], 'no-referrer', where);
}

function assertReport(body, where) {
  const report = JSON.parse(body);
  assert.equal(report.kind, 'invalid_request', where);
  assert.equal(report.findings[0].code, 'invalid_request', where);
  assert.ok(report.findings[0].message.length > 0, where);
}

/** Sockets the server process holds open (Linux /proc). */
const openSockets = (server) => readdirSync(`/proc/${server.child.pid}/fd`)
  .filter((fd) => /^socket:/.test(readlinkSafe(`/proc/${server.child.pid}/fd/${fd}`))).length;
const readlinkSafe = (path) => { try { return readlinkSync(path); } catch { return ''; } };

/**
 * A client that pipelines `count` requests for a large file and never reads
 * a byte of the answers: the server's writes stall once the socket buffers
 * are full. Resolves to the socket once the requests are sent.
 */
function slowReader(server, path, count = 64) {
  return new Promise((done) => {
    const socket = net.connect({ host: server.host, port: server.port });
    socket.on('error', () => {});
    socket.on('connect', () => {
      socket.pause();
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`.repeat(count));
      done(socket);
    });
  });
}

/** A directory with one 2 MiB file, to be served as the page directory. */
function bigFileDir() {
  const dir = mkdtempSync(join(tmpdir(), 'telehealth-hostile-'));
  writeFileSync(join(dir, 'big.bin'), Buffer.alloc(2 << 20, 7));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  return dir;
}

test('slow readers (pipelining, never reading) are dropped after the write timeout; a normal request is still answered promptly', async () => {
  const dir = bigFileDir();
  const server = await serve(['--www', dir, '--max-connections', '16', '--write-timeout', '1s', '--idle-timeout', '5s']);
  try {
    const baseline = openSockets(server);
    // 24 attackers for 16 slots: the cap is full and 8 more wait to be accepted.
    const attackers = await Promise.all(Array.from({ length: 24 }, () => slowReader(server, '/big.bin')));
    await new Promise((wait) => setTimeout(wait, 300));
    assert.ok(openSockets(server) >= baseline + 16, 'the attackers hold the cap');
    const started = Date.now();
    const res = await check(server, { timeout: 8_000 });
    const waited = Date.now() - started;
    console.log(`slow readers: 24 attackers, cap 16, write timeout 1 s: a normal request answered in ${waited} ms`);
    assert.equal(res.status, 200);
    assert.ok(waited < 5_000, `a normal request waited ${waited} ms behind slow readers`);
    // Every attacker is dropped by the server, though none ever read or closed.
    const deadline = Date.now() + 6_000;
    while (openSockets(server) > baseline && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 100));
    assert.equal(openSockets(server), baseline, 'the server still holds attackers\' connections');
    assert.ok(attackers.every((s) => !s.destroyed), 'the attackers kept their side open');
    for (const s of attackers) s.destroy();
    assert.equal((await check(server)).status, 200);
    assert.equal((await server.stop()).code, 0);
  } finally {
    server.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with the cap full of slow-header and keep-alive clients, others are still served in time', async () => {
  const server = await serve(['--max-connections', '8', '--idle-timeout', '10s']);
  const sockets = [];
  try {
    // 24 slowloris clients for 8 slots: without relief they would hold them for the 10 s idle timeout.
    for (let i = 0; i < 24; i += 1) {
      const s = net.connect({ host: server.host, port: server.port }, () => s.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-`));
      s.on('error', () => {});
      sockets.push(s);
    }
    await new Promise((wait) => setTimeout(wait, 300));
    let started = Date.now();
    assert.equal((await check(server, { timeout: 8_000 })).status, 200);
    const slowHeaders = Date.now() - started;
    // 16 busy keep-alive clients for 8 slots: connections are closed after a response in turn, nobody starves.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const latencies = [];
    const errors = [];
    started = Date.now();
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (Date.now() - started < 1_500) {
        const t = Date.now();
        try {
          assert.equal((await check(server, { agent, timeout: 8_000 })).status, 200);
        } catch (e) {
          errors.push(e.code ?? e.message);
        }
        latencies.push(Date.now() - t);
      }
    }));
    agent.destroy();
    const worst = Math.max(...latencies);
    console.log(`cap 8: a request behind 24 slow-header clients answered in ${slowHeaders} ms; ` +
      `16 keep-alive clients: ${latencies.length} requests, worst ${worst} ms, ${errors.length} errors`);
    assert.ok(slowHeaders < 3_000, `a normal request waited ${slowHeaders} ms behind slow-header clients`);
    assert.deepEqual(errors, []);
    assert.ok(worst < 5_000, `a keep-alive client waited ${worst} ms for a slot`);
  } finally {
    for (const s of sockets) s.destroy();
    await server.stop();
  }
});

test('SIGTERM with the connection cap full of slow clients exits within the grace period', async () => {
  const dir = bigFileDir();
  const server = await serve(['--www', dir, '--max-connections', '8', '--write-timeout', '60s', '--idle-timeout', '60s', '--shutdown-grace', '2s']);
  const sockets = [];
  try {
    // 8 slow readers fill the cap; 8 slow-header clients wait behind them.
    for (let i = 0; i < 8; i += 1) sockets.push(await slowReader(server, '/big.bin'));
    for (let i = 0; i < 8; i += 1) {
      const s = net.connect({ host: server.host, port: server.port }, () => s.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-'));
      s.on('error', () => {});
      sockets.push(s);
    }
    await new Promise((wait) => setTimeout(wait, 300));
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    const { code, at } = await Promise.race([server.exited, new Promise((done) => setTimeout(() => done({ code: 'still running', at: Date.now() }), 6_000))]);
    console.log(`SIGTERM, cap full: exited ${code} after ${at - signalled} ms (grace 2 s)`);
    assert.equal(code, 0);
    assert.ok(at - signalled < 3_500, `exit took ${at - signalled} ms`);
  } finally {
    for (const s of sockets) s.destroy();
    server.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('shutdown under load: every request sent is answered or refused at once, none lost or left hanging', async () => {
  const server = await serve(['--shutdown-grace', '3s']);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const outcomes = { ok: 0, refused: 0, lost: [], other: [] };
  let stopping = false;
  async function client() {
    for (;;) {
      try {
        const res = await check(server, { agent, timeout: 5_000 });
        if (res.status === 200) outcomes.ok += 1;
        else outcomes.other.push(`${res.status}`);
      } catch (e) {
        // A new connection once the listener is closed: refused, at once.
        if (!e.reused && e.code === 'ECONNREFUSED') outcomes.refused += 1;
        else outcomes.lost.push(`${e.code ?? e.message} (reused socket: ${e.reused})`);
        return;
      }
    }
  }
  const clients = Array.from({ length: 32 }, client);
  await new Promise((wait) => setTimeout(wait, 700));
  const before = outcomes.ok;
  const signalled = Date.now();
  server.child.kill('SIGTERM');
  // A connection opened during the grace period is refused, not left hanging.
  await new Promise((wait) => setTimeout(wait, 100));
  const late = await new Promise((done) => {
    const s = net.connect({ host: server.host, port: server.port });
    const t = Date.now();
    s.on('connect', () => { s.destroy(); done({ how: 'accepted', ms: Date.now() - t }); });
    s.on('error', (e) => done({ how: e.code, ms: Date.now() - t }));
  });
  await Promise.all(clients);
  const { code, at } = await server.exited;
  agent.destroy();
  console.log(`shutdown under load: ${before} answered before SIGTERM, ${outcomes.ok - before} after; ` +
    `${outcomes.refused} refused, ${outcomes.lost.length} lost; exit ${code} after ${at - signalled} ms; a late connection: ${late.how} in ${late.ms} ms`);
  assert.deepEqual(outcomes.lost, [], 'requests lost on open connections');
  assert.deepEqual(outcomes.other, []);
  assert.equal(outcomes.refused, 32, 'each client ends with a refused new connection');
  assert.equal(late.how, 'ECONNREFUSED');
  assert.ok(late.ms < 1_000);
  assert.equal(code, 0);
  assert.ok(at - signalled < 3_500, `exit took ${at - signalled} ms`);
});

test('client input never makes a 5xx, and every answer (hyper\'s parse errors too) has the security headers', async () => {
  const server = await serve();
  const host = `127.0.0.1:${server.port}`;
  try {
    // A 300-byte name: 404, not "file name too long" as a 500; in the page and the package.
    for (const path of [`/${'a'.repeat(300)}`, `/pkg/${'b'.repeat(300)}.js`, `/${'%61'.repeat(300)}`, `/${'a/'.repeat(700)}x`]) {
      const res = await request(server, { path });
      assert.equal(res.status, 404, path.slice(0, 40));
      assertSecurityHeaders(res.headers, path.slice(0, 40));
    }
    // Requests hyper cannot parse: its own bare answers are replaced by reports with the headers.
    const cases = [
      ['garbage', 'GARBAGE\r\n\r\n', 400],
      ['bad header', `GET / HTTP/1.1\r\nHost: ${host}\r\nBad Header: x\r\n\r\n`, 400],
      ['two lengths', `POST /v1/check HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n{}`, 400],
      ['header too large', `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
      ['too many headers', `GET / HTTP/1.1\r\nHost: ${host}\r\n${'X-A: b\r\n'.repeat(150)}\r\n`, 431],
      ['target too long', `GET /${'a'.repeat(10_000)} HTTP/1.1\r\nHost: ${host}\r\n\r\n`, 414],
      // After a good request on the same connection: the good answer stays, the bad one is replaced.
      ['pipelined', `GET /v1/ruleset HTTP/1.1\r\nHost: ${host}\r\n\r\nNOT HTTP\r\n\r\n`, 400],
    ];
    for (const [name, bytes, status] of cases) {
      const { text } = await raw(server, bytes);
      const responses = text.split(/(?=HTTP\/1\.1 \d{3} )/).map(parse);
      const last = responses.at(-1);
      assert.equal(last.status, status, `${name}: ${text.slice(0, 200)}`);
      for (const r of responses) assertSecurityHeaders(r.headers, name);
      assert.equal(last.headers['cache-control'], 'no-store', name);
      assert.equal(last.headers['content-type'], 'application/json', name);
      assertReport(last.body, name);
      if (name === 'pipelined') assert.equal(responses[0].status, 200);
    }
    // GET on /v1/check: 405 with a report and Allow: POST.
    const get = await request(server, { path: '/v1/check' });
    assert.equal(get.status, 405);
    assert.equal(get.headers.allow, 'POST');
    assertReport(get.body, 'GET /v1/check');
    assertSecurityHeaders(get.headers, 'GET /v1/check');
    // API answers are not stored; page files are revalidated.
    assert.equal((await check(server)).headers['cache-control'], 'no-store');
    assert.equal(get.headers['cache-control'], 'no-store');
    assert.equal((await request(server, { path: '/' })).headers['cache-control'], 'no-cache');
  } finally {
    await server.stop();
  }
});

test('the Host header must name this service (DNS rebinding)', async () => {
  const server = await serve(['--allow-host', 'telehealth.example.org', '--allow-host', 'other.example.org:8443']);
  try {
    const refused = async (host) => {
      const { text } = await raw(server, `GET /v1/ruleset HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      const res = parse(text);
      assert.equal(res.status, 421, host);
      assertSecurityHeaders(res.headers, host);
      assertReport(res.body, host);
    };
    const allowed = async (host) => {
      const { text } = await raw(server, `GET /v1/ruleset HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      assert.equal(parse(text).status, 200, host);
    };
    for (const host of ['evil.example', `evil.example:${server.port}`, 'localhost.evil.example', `127.0.0.2:${server.port}`,
      'other.example.org', 'other.example.org:9443', `localhost:${server.port + 1}`]) await refused(host);
    for (const host of [`localhost:${server.port}`, `LOCALHOST:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`,
      'telehealth.example.org', 'telehealth.example.org:443', 'other.example.org:8443']) await allowed(host);
    // No Host at all (HTTP/1.0): 400 with a report.
    const { text } = await raw(server, 'GET /v1/ruleset HTTP/1.0\r\n\r\n');
    assert.equal(parse(text).status, 400);
    assertReport(parse(text).body, 'no Host');
  } finally {
    await server.stop();
  }
});

test('package files are served precompressed by Accept-Encoding, with Vary', async (t) => {
  const pkg = join(repo, 'pkg');
  if (!existsSync(join(pkg, 'keystroke_bg.wasm.br'))) {
    assert.fail('pkg/ has no .br variants: build it with `make pkg` (scripts/build-pkg.sh runs scripts/compress-pkg.mjs)');
  }
  const server = await serve();
  try {
    for (const name of ['keystroke_bg.wasm', 'records_bg.wasm', 'keystroke.js', 'index.js', 'types.d.ts', 'package.json']) {
      const original = readFileSync(join(pkg, name));
      const br = await request(server, { path: `/pkg/${name}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      assert.equal(br.status, 200, name);
      assert.equal(br.headers['content-encoding'], 'br', name);
      assert.match(br.headers.vary ?? '', /accept-encoding/i, name);
      assert.deepEqual(br.body, readFileSync(join(pkg, `${name}.br`)), name);
      assert.deepEqual(brotliDecompressSync(br.body), original, name);
      const gz = await request(server, { path: `/pkg/${name}`, headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gz.headers['content-encoding'], 'gzip', name);
      assert.deepEqual(gunzipSync(gz.body), original, name);
      const plain = await request(server, { path: `/pkg/${name}` });
      assert.equal(plain.headers['content-encoding'], undefined, name);
      assert.deepEqual(plain.body, original, name);
      assert.equal(plain.headers['content-type'], br.headers['content-type'], name);
      assertSecurityHeaders(br.headers, name);
      if (name.endsWith('.wasm')) {
        assert.equal(br.headers['content-type'], 'application/wasm');
        console.log(`wasm: ${original.length} bytes, served as ${br.body.length} (br) or ${gz.body.length} (gzip)`);
      }
    }
  } finally {
    await server.stop();
  }
});

/** TCP sockets on `port` in the kernel's table, by state (Linux /proc/net/tcp; FIN_WAIT1 is 04). */
function tcpStates(port) {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const states = {};
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length > 3 && fields[1].endsWith(`:${hex}`)) states[fields[3]] = (states[fields[3]] ?? 0) + 1;
  }
  return states;
}

test('a client that never reads is reset at the write timeout: no orphaned send queue (FIN-WAIT-1) is left', async () => {
  const dir = bigFileDir();
  const server = await serve(['--www', dir, '--max-connections', '10', '--write-timeout', '1s']);
  try {
    const attackers = await Promise.all(Array.from({ length: 6 }, () => slowReader(server, '/big.bin', 16)));
    const resets = attackers.map((socket) => new Promise((done) => {
      socket.on('error', (e) => done(e.code));
      socket.on('end', () => done('end'));
      socket.on('close', () => done('close'));
    }));
    // Past the write timeout, the server has given up on every attacker ...
    const deadline = Date.now() + 6_000;
    while (openSockets(server) > 1 && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 100));
    await new Promise((wait) => setTimeout(wait, 300));
    // ... and the kernel keeps nothing for them, though they keep their end open.
    const states = tcpStates(server.port);
    assert.equal(states['04'] ?? 0, 0, `sockets in FIN-WAIT-1 (orphaned send queues): ${JSON.stringify(states)}`);
    assert.ok(attackers.every((s) => !s.destroyed), 'the attackers kept their side open');
    // An attacker that reads now finds its connection over.
    for (const s of attackers) s.resume();
    const outcomes = await Promise.race([Promise.all(resets), new Promise((done) => setTimeout(() => done('timeout'), 5_000))]);
    assert.notEqual(outcomes, 'timeout', 'the attackers\' connections ended');
    assert.equal((await check(server)).status, 200);
  } finally {
    server.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a response that fits in the send buffer, then a normal close, to a client that never reads: the kernel drops it after the write timeout', async () => {
  const dir = bigFileDir();
  writeFileSync(join(dir, 'mid.bin'), Buffer.alloc(150_000, 7));
  // One request per connection: each answer is written whole into the socket, then the connection is closed.
  const server = await serve(['--www', dir, '--max-requests', '1', '--write-timeout', '1s']);
  try {
    const attackers = await Promise.all(Array.from({ length: 6 }, () => slowReader(server, '/mid.bin', 1)));
    await new Promise((wait) => setTimeout(wait, 500));
    const queued = tcpStates(server.port)['04'] ?? 0;
    // Within the write timeout (and the kernel's retry of its probes) every one is gone.
    const deadline = Date.now() + 8_000;
    while ((tcpStates(server.port)['04'] ?? 0) > 0 && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 200));
    const states = tcpStates(server.port);
    console.log(`normal close to 6 clients that never read: ${queued} in FIN-WAIT-1 at 0.5 s, ${states['04'] ?? 0} after`);
    assert.equal(states['04'] ?? 0, 0, `sockets left in FIN-WAIT-1: ${JSON.stringify(states)}`);
    for (const s of attackers) s.destroy();
    assert.equal((await check(server)).status, 200);
  } finally {
    server.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with the cap full of clients that stopped reading and a long write timeout, a new client is served: the stalled ones are reset to make room', async () => {
  const dir = bigFileDir();
  const server = await serve(['--www', dir, '--max-connections', '8', '--write-timeout', '60s']);
  try {
    const attackers = await Promise.all(Array.from({ length: 12 }, () => slowReader(server, '/big.bin', 8)));
    await new Promise((wait) => setTimeout(wait, 500));
    const started = Date.now();
    const res = await check(server, { timeout: 20_000 });
    const waited = Date.now() - started;
    console.log(`slow readers, cap 8, write timeout 60 s: a normal request answered in ${waited} ms`);
    assert.equal(res.status, 200);
    assert.ok(waited < 6_000, `a normal request waited ${waited} ms behind clients that read nothing`);
    await new Promise((wait) => setTimeout(wait, 300));
    assert.equal(tcpStates(server.port)['04'] ?? 0, 0, 'the connections closed to make room were reset, not left in FIN-WAIT-1');
    for (const s of attackers) s.destroy();
  } finally {
    server.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('slow request bodies (a byte a second, or Expect: 100-continue and no body) do not starve new clients', async () => {
  const server = await serve(['--max-connections', '8', '--request-timeout', '30s', '--idle-timeout', '30s']);
  const sockets = [];
  const timers = [];
  try {
    for (let i = 0; i < 16; i += 1) {
      const socket = net.connect({ host: server.host, port: server.port });
      socket.on('error', () => {});
      sockets.push(socket);
      socket.on('connect', () => {
        if (i % 2 === 0) {
          socket.write(`POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`);
          timers.push(setInterval(() => socket.write(' '), 1000));
        } else {
          socket.write(`POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n`);
        }
      });
    }
    await new Promise((wait) => setTimeout(wait, 1500));
    const waits = [];
    for (let i = 0; i < 6; i += 1) {
      const started = Date.now();
      const res = await check(server, { timeout: 10_000 });
      assert.equal(res.status, 200);
      waits.push(Date.now() - started);
    }
    console.log(`slow bodies: 16 on a cap of 8, request timeout 30 s: new clients answered in ${waits.join(', ')} ms`);
    assert.ok(Math.max(...waits) < 4_000, `a new client waited ${Math.max(...waits)} ms behind slow bodies`);
  } finally {
    for (const t of timers) clearInterval(t);
    for (const s of sockets) s.destroy();
    server.child.kill('SIGKILL');
  }
});

test('a low open-file limit: the cap is sized to it, and files are never a 404 for lack of descriptors', async () => {
  const dir = bigFileDir();
  // 96 descriptors, soft and hard: room for (96 - 64) / 2 = 16 connections.
  let server;
  try {
    server = await serve(['--www', dir, '--max-connections', '1000', '--log-format', 'json'], { via: ['prlimit', '--nofile=96:96'] });
    // stderr may arrive after stdout's address line.
    for (const until = Date.now() + 3_000; !/lowered/.test(server.stderr()) && Date.now() < until;) await new Promise((wait) => setTimeout(wait, 50));
    const warning = server.stderr().split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((l) => /lowered/.test(l.message));
    assert.ok(warning, `a warning says the cap was lowered: ${server.stderr()}`);
    assert.equal(warning.max_connections, 16);
    // 40 idle connections and 120 file requests at once: more than the descriptors.
    const idle = await Promise.all(Array.from({ length: 40 }, () => new Promise((done) => {
      const s = net.connect({ host: server.host, port: server.port }, () => done(s));
      s.on('error', () => done(s));
    })));
    const statuses = await Promise.all(Array.from({ length: 120 }, () => request(server, { path: '/index.html', timeout: 20_000 }).then((r) => r.status, (e) => e.message)));
    const counts = statuses.reduce((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
    console.log(`open-file limit 96: 40 idle connections, 120 file requests: ${JSON.stringify(counts)}`);
    assert.equal(counts[404] ?? 0, 0, `404 for a file that exists: ${JSON.stringify(counts)}`);
    assert.ok(statuses.every((s) => s === 200 || s === 503), JSON.stringify(counts));
    assert.ok((counts[200] ?? 0) > 0);
    for (const s of idle) s.destroy();
    assert.ok(!/accept failed/.test(server.stderr()), 'accept never failed for lack of descriptors');
  } finally {
    server?.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('directory redirects stay on this origin', async () => {
  const dir = bigFileDir();
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'index.html'), '<!doctype html><title>sub</title>');
  const server = await serve(['--www', dir]);
  try {
    for (const [path, location] of [['/pkg///messages', '/pkg/messages/'], ['/pkg/messages', '/pkg/messages/'], ['//sub', '/sub/'], ['/sub', '/sub/'], ['///sub', '/sub/']]) {
      const { text } = await raw(server, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`);
      const res = parse(text);
      assert.ok(res.status >= 300 && res.status < 400, `${path}: ${res.status}`);
      assert.equal(res.headers.location, location, path);
      assert.ok(!res.headers.location.startsWith('//') && !res.headers.location.startsWith('/\\'), path);
    }
    assert.equal((await request(server, { path: '/sub/' })).status, 200);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('RFC 9112 Host rules: two Host headers are a 400; an absolute-form target\'s host is the request\'s host', async () => {
  const server = await serve();
  const host = `127.0.0.1:${server.port}`;
  try {
    const status = async (bytes) => parse((await raw(server, bytes)).text);
    const two = await status(`GET /v1/ruleset HTTP/1.1\r\nHost: ${host}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`);
    assert.equal(two.status, 400);
    assertReport(two.body, 'two Host headers');
    assertSecurityHeaders(two.headers, 'two Host headers');
    const twoSame = await status(`GET /v1/ruleset HTTP/1.1\r\nHost: ${host}\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    assert.equal(twoSame.status, 400, 'two Host lines, even equal');
    const absoluteEvil = await status(`GET http://evil.example/v1/ruleset HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    assert.equal(absoluteEvil.status, 421, 'the target names another host');
    const absoluteOurs = await status(`GET http://${host}/v1/ruleset HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`);
    assert.equal(absoluteOurs.status, 200, 'the target names this service; the Host header is ignored');
  } finally {
    await server.stop();
  }
});

test('static files: no symbolic link out of the folder, no FIFO, no loop; a future If-Modified-Since is no 304', async () => {
  const dir = bigFileDir();
  const outside = mkdtempSync(join(tmpdir(), 'telehealth-outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'outside the page folder');
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'link.txt'));
  symlinkSync(outside, join(dir, 'outdir'));
  symlinkSync('index.html', join(dir, 'inside.html'));
  symlinkSync('loop-b', join(dir, 'loop-a'));
  symlinkSync('loop-a', join(dir, 'loop-b'));
  assert.equal(spawnSync('mkfifo', [join(dir, 'fifo.html')]).status, 0);
  const server = await serve(['--www', dir]);
  try {
    for (const path of ['/link.txt', '/outdir/secret.txt', '/outdir/', '/loop-a', '/fifo.html', '/%66ifo.html']) {
      const started = Date.now();
      const res = await request(server, { path, timeout: 5_000 });
      assert.equal(res.status, 404, path);
      assert.ok(!res.body.toString().includes('outside the page folder'), path);
      assert.ok(Date.now() - started < 2_000, `${path} answered in ${Date.now() - started} ms`);
    }
    // A link that stays inside the folder is served.
    assert.equal((await request(server, { path: '/inside.html' })).status, 200);
    const page = await request(server, { path: '/index.html' });
    assert.equal(page.status, 200);
    const lastModified = page.headers['last-modified'];
    assert.ok(lastModified);
    assert.equal((await request(server, { path: '/index.html', headers: { 'if-modified-since': lastModified } })).status, 304);
    const future = new Date(Date.now() + 365 * 24 * 3600 * 1000).toUTCString();
    assert.equal((await request(server, { path: '/index.html', headers: { 'if-modified-since': future } })).status, 200);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});
