// Bounded attacks on `telehealth-rules serve`, for the figures in
// SECURITY.md. Each run starts its own server on 127.0.0.1 with the default
// limits (or the flags after `--`), attacks it from this process only, probes
// it with one normal POST /v1/check every 100 ms, prints one line of
// figures and stops it. Nothing leaves 127.0.0.1.
//
//   node scripts/attack-http.mjs MODE [CLIENTS] [SECONDS] [-- serve flags]
//
// MODE:
//   slow-readers   CLIENTS connections each pipeline 64 requests for the wasm
//                  and never read a byte
//   slow-headers   CLIENTS connections each send a partial request head, then
//                  one more byte a second (slowloris)
//   keep-alive     CLIENTS keep-alive clients POST in a loop; a request
//                  unanswered after 5 s counts as a timeout
//   sigterm-full   CLIENTS slow readers, then SIGTERM: how long until exit
//   shutdown       CLIENTS keep-alive clients POST in a loop, SIGTERM after
//                  1 s: requests lost on open connections, refused new ones
//   shutdown-hup   the same with SIGHUP
//   slow-bodies    CLIENTS connections each send a POST head, then half of
//                  them one body byte a second and half `Expect:
//                  100-continue` and no body (a closed one reopens at once)
//   kernel-memory  CLIENTS slow readers of the wasm that keep their end open:
//                  after SECONDS, the server's sockets left in FIN-WAIT-1 and
//                  the bytes in their send queues (Linux /proc/net/tcp); use
//                  with `-- --write-timeout 1s`
//
// The server logs at `warn` unless the flags say otherwise (the last one wins).
// The server binary: TELEHEALTH_RULES_CLI or target/release/telehealth-rules.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { resolve } from 'node:path';
import { serve } from '../tests/js/server.mjs';

const repo = resolve(import.meta.dirname, '..');
const cli = process.env.TELEHEALTH_RULES_CLI ?? resolve(repo, 'target/release/telehealth-rules');
const dash = process.argv.indexOf('--');
const args = dash < 0 ? process.argv.slice(2) : process.argv.slice(2, dash);
const flags = dash < 0 ? [] : process.argv.slice(dash + 1);
const [mode, clientsArg = '1024', secondsArg = '10'] = args;
const CLIENTS = Number(clientsArg);
const SECONDS = Math.min(Number(secondsArg), 60); // bounded
const NORMAL = JSON.stringify({ kind: 'link', input: 'https://doxy.me/drsmith', as_of: '2026-11-26' });
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Resident memory of the server: now and peak, in MB (Linux /proc). */
function memory(server) {
  try {
    const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
    const kb = (name) => Number(status.match(new RegExp(`${name}:\\s+(\\d+)`))?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

function post(server, { agent = false, timeout = 30_000 } = {}) {
  return new Promise((done) => {
    const t = Date.now();
    const req = http.request({ host: server.host, port: server.port, method: 'POST', path: '/v1/check', agent, timeout,
      headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => done({ ok: res.statusCode === 200, status: res.statusCode, ms: Date.now() - t }));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (e) => done({ ok: false, error: e.code ?? e.message, reused: req.reusedSocket, ms: Date.now() - t }));
    req.end(NORMAL);
  });
}

/** One normal request every 100 ms until `until()`: latencies in ms. */
async function probe(server, until) {
  const results = [];
  const pending = [];
  while (!until()) {
    pending.push(post(server).then((r) => results.push(r)));
    await sleep(100);
  }
  await Promise.all(pending);
  return results;
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
};
const describe = (probes) => {
  const ms = probes.map((p) => p.ms);
  return `probes ${probes.length} (${probes.filter((p) => p.ok).length} answered 200), latency p50 ${quantile(ms, 0.5)} ms, max ${Math.max(...ms)} ms`;
};

function slowReader(server) {
  return new Promise((done) => {
    const s = net.connect({ host: server.host, port: server.port });
    s.on('error', () => {});
    s.on('connect', () => {
      s.pause();
      s.write(`GET /pkg/keystroke_bg.wasm HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`.repeat(64));
      done(s);
    });
    setTimeout(() => done(s), 5_000);
  });
}

/**
 * An attacker holding one connection; when the server closes it, another
 * takes its place (counted in `stats.reopened`). `onConnect(socket)` sends the
 * attack and may return an interval timer (its drip), cleared at every close.
 */
function reconnecting(server, stats, onConnect) {
  let socket;
  let timer;
  let stopped = false;
  const open = () => {
    socket = net.connect({ host: server.host, port: server.port });
    socket.on('error', () => {});
    socket.on('connect', () => { timer = onConnect(socket); });
    socket.on('close', () => {
      clearInterval(timer);
      if (!stopped) { stats.reopened += 1; open(); }
    });
  };
  open();
  return { destroy: () => { stopped = true; clearInterval(timer); socket.destroy(); } };
}

/** A slowloris client: a partial request head, then one more byte a second. */
const slowHeader = (server, stats) => reconnecting(server, stats, (socket) => {
  socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`);
  return setInterval(() => socket.write('X'), 1_000);
});

/** A client stalled in its request body: a body byte a second, or `Expect: 100-continue` and no body. */
const slowBody = (server, stats, expectContinue) => reconnecting(server, stats, (socket) => {
  const head = `POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\n`;
  if (expectContinue) {
    socket.write(`${head}Content-Length: 100\r\nExpect: 100-continue\r\n\r\n`);
    return undefined;
  }
  socket.write(`${head}Content-Length: 100000\r\n\r\n{`);
  return setInterval(() => socket.write(' '), 1_000);
});

/** The server's TCP sockets on its port: count by state, and bytes queued to send in FIN-WAIT-1 (Linux /proc/net/tcp). */
function kernelSockets(port) {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const out = { states: {}, finWait1: 0, finWait1Bytes: 0 };
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5 || !f[1].endsWith(`:${hex}`)) continue;
    out.states[f[3]] = (out.states[f[3]] ?? 0) + 1;
    if (f[3] === '04') { out.finWait1 += 1; out.finWait1Bytes += parseInt(f[4].split(':')[0], 16); }
  }
  return out;
}

// The server's warnings go to this terminal, not into this process's memory.
const server = await serve(flags, { bin: cli, inheritStderr: true });
const began = Date.now();
const deadline = began + SECONDS * 1000;
let line;
if (mode === 'slow-readers' || mode === 'slow-headers') {
  const stats = { reopened: 0 };
  const sockets = mode === 'slow-readers'
    ? await Promise.all(Array.from({ length: CLIENTS }, () => slowReader(server)))
    : Array.from({ length: CLIENTS }, () => slowHeader(server, stats));
  const probes = await probe(server, () => Date.now() > deadline);
  const during = memory(server);
  for (const s of sockets) s.destroy();
  await sleep(2_000);
  const after = memory(server);
  const reopened = stats.reopened;
  line = `${mode}: ${CLIENTS} clients for ${SECONDS} s: ${describe(probes)}; RSS during ${during.rss.toFixed(0)} MB, ` +
    `2 s after ${after.rss.toFixed(0)} MB, peak ${after.peak.toFixed(0)} MB${mode === 'slow-headers' ? `; ${reopened} attacker connections closed by the server (and reopened)` : ''}`;
} else if (mode === 'slow-bodies') {
  const stats = { reopened: 0 };
  const sockets = Array.from({ length: CLIENTS }, (_, i) => slowBody(server, stats, i % 2 === 1));
  const probes = await probe(server, () => Date.now() > deadline);
  const during = memory(server);
  for (const s of sockets) s.destroy();
  await sleep(2_000);
  const after = memory(server);
  line = `slow-bodies: ${CLIENTS} clients for ${SECONDS} s: ${describe(probes)}; RSS during ${during.rss.toFixed(0)} MB, ` +
    `2 s after ${after.rss.toFixed(0)} MB, peak ${after.peak.toFixed(0)} MB; ${stats.reopened} attacker connections closed by the server (and reopened)`;
} else if (mode === 'kernel-memory') {
  const sockets = await Promise.all(Array.from({ length: CLIENTS }, () => slowReader(server)));
  await sleep(SECONDS * 1000);
  const k = kernelSockets(server.port);
  for (const s of sockets) s.destroy();
  line = `kernel-memory: ${CLIENTS} slow readers that keep their end open, after ${SECONDS} s: ${k.finWait1} server sockets in FIN-WAIT-1 ` +
    `holding ${(k.finWait1Bytes / 1e6).toFixed(1)} MB to send; sockets by state ${JSON.stringify(k.states)}`;
} else if (mode === 'keep-alive') {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const results = [];
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (Date.now() < deadline) results.push(await post(server, { agent, timeout: 5_000 }));
  }));
  agent.destroy();
  const ms = results.map((r) => r.ms);
  const errors = results.filter((r) => !r.ok);
  const kinds = {};
  for (const e of errors) kinds[e.error ?? e.status] = (kinds[e.error ?? e.status] ?? 0) + 1;
  line = `keep-alive: ${CLIENTS} clients for ${SECONDS} s: ${results.length} requests (${(results.length / SECONDS).toFixed(0)}/s), ` +
    `${errors.filter((e) => e.error === 'TIMEOUT').length} timeouts (5 s), ${errors.length} errors ${JSON.stringify(kinds)}; latency p50 ${quantile(ms, 0.5)} ms, ` +
    `p99 ${quantile(ms, 0.99)} ms, max ${Math.max(...ms)} ms; peak RSS ${memory(server).peak.toFixed(0)} MB`;
} else if (mode === 'sigterm-full') {
  const sockets = await Promise.all(Array.from({ length: CLIENTS }, () => slowReader(server)));
  await sleep(1_000);
  const t = Date.now();
  server.child.kill('SIGTERM');
  const exit = await Promise.race([server.exited, sleep(SECONDS * 1000).then(() => null)]);
  for (const s of sockets) s.destroy();
  line = exit ? `sigterm-full: ${CLIENTS} slow readers: exit ${exit.code ?? exit.signal} ${exit.at - t} ms after SIGTERM`
    : `sigterm-full: ${CLIENTS} slow readers: still running ${SECONDS} s after SIGTERM`;
} else if (mode === 'shutdown' || mode === 'shutdown-hup') {
  const signal = mode === 'shutdown' ? 'SIGTERM' : 'SIGHUP';
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const counts = { before: 0, after: 0, refused: 0, lost: 0, other: 0, errors: [] };
  let signalled = 0;
  const clients = Array.from({ length: CLIENTS }, async () => {
    for (;;) {
      const r = await post(server, { agent, timeout: 10_000 });
      if (r.ok) counts[signalled ? 'after' : 'before'] += 1;
      else if (r.error === 'ECONNREFUSED' && !r.reused) { counts.refused += 1; return; }
      else if (r.error) { counts.lost += 1; counts.errors.push(`${r.error} after ${r.ms} ms at +${Date.now() - signalled} ms`); return; }
      else { counts.other += 1; return; }
    }
  });
  await sleep(1_000);
  signalled = Date.now();
  server.child.kill(signal);
  await Promise.all(clients);
  const exit = await server.exited;
  agent.destroy();
  line = `${mode}: ${CLIENTS} keep-alive clients: ${counts.before} answered before ${signal}, ${counts.after} after; ` +
    `${counts.lost} lost (errors on open connections), ${counts.other} non-200, ${counts.refused} refused new connections; ` +
    `exit ${exit.code ?? exit.signal} ${exit.at - signalled} ms after ${signal}${counts.errors.length ? ` (${counts.errors.slice(0, 5).join(', ')})` : ''}`;
} else {
  console.error('usage: node scripts/attack-http.mjs slow-readers|slow-headers|slow-bodies|kernel-memory|keep-alive|sigterm-full|shutdown|shutdown-hup [CLIENTS] [SECONDS] [-- serve flags]');
  server.child.kill('SIGKILL');
  process.exit(2);
}
if (server.child.exitCode === null) {
  server.child.kill('SIGTERM');
  await Promise.race([server.exited, sleep(10_000)]);
  server.child.kill('SIGKILL');
}
console.log(line);
process.exit(0);
