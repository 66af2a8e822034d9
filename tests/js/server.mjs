// The one way tests (and scripts/attack-http.mjs) start `telehealth-rules
// serve` on a free loopback port, and the one plain HTTP request helper.
import { spawn } from 'node:child_process';
import net from 'node:net';
import http from 'node:http';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');
export const cli = process.env.TELEHEALTH_RULES_CLI ?? join(repo, 'target/debug/telehealth-rules');

/** Captured server output is kept up to this many characters: a flood of warnings cannot exhaust the test process. */
const STDERR_LIMIT = 8 << 20;

/**
 * Starts `serve --addr 127.0.0.1:0 ...flags` and resolves once it prints its
 * address (and its metrics address, when `--metrics-addr` is among the flags).
 *
 * Options:
 * - `quiet` (default true): adds `--log-level warn` before `flags`, so that
 *   the access log (a line per request) stays out of the output; `flags` may
 *   still set another level (the server takes the last one). `false` leaves
 *   the server's default level.
 * - `via`: a command and its arguments to run the server under, e.g.
 *   `['prlimit', '--nofile=96:96']` (it must exec the server: `child.pid` is
 *   then the server's).
 * - `bin`: the server binary (default `cli`).
 * - `inheritStderr` (default false): the server's stderr goes to this
 *   process's instead of being captured; `stderr()` then throws.
 *
 * Resolves to {url, host, port, metrics (URL or null), child, exited,
 * stderr(), signal(name), stop(name)}: `exited` resolves to {code, signal, at}
 * when the process ends; `stop` sends `name` (default SIGTERM) unless the
 * process has ended, and resolves to `exited`.
 */
export function serve(flags = [], { quiet = true, via = [], bin = cli, inheritStderr = false } = {}) {
  const args = ['serve', '--addr', '127.0.0.1:0', ...(quiet ? ['--log-level', 'warn'] : []), ...flags];
  const [command, ...prefix] = via.length > 0 ? [...via, bin] : [bin];
  const child = spawn(command, [...prefix, ...args], { stdio: ['ignore', 'pipe', inheritStderr ? 'inherit' : 'pipe'] });
  let captured = '';
  child.stderr?.on('data', (c) => {
    if (captured.length < STDERR_LIMIT) captured += c;
  });
  const stderr = () => {
    if (inheritStderr) throw new Error('serve(): stderr is not captured (inheritStderr)');
    return captured;
  };
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal, at: Date.now() })));
  const running = () => child.exitCode === null && child.signalCode === null;
  const wantsMetrics = flags.includes('--metrics-addr');
  return new Promise((resolveStart, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/serving http:\/\/([\d.]+):(\d+)\//);
      const metrics = output.match(/metrics at (http:\/\/[\d.:]+\/metrics)/);
      if (match && (!wantsMetrics || metrics)) {
        const [, host, port] = match;
        resolveStart({
          url: `http://${host}:${port}`,
          host,
          port: Number(port),
          metrics: metrics?.[1] ?? null,
          child,
          exited,
          stderr,
          signal: (name) => child.kill(name),
          stop: async (name = 'SIGTERM') => {
            if (running()) child.kill(name);
            return exited;
          },
        });
      }
    });
    child.once('error', (e) => reject(new Error(`could not start ${command}: ${e.message}`)));
    exited.then(({ code, signal }) => reject(new Error(
      `server exited (${code ?? signal}) before it was ready: ${output}${inheritStderr ? '' : captured}`,
    )));
  });
}

/** The page tests' name for `serve()` with no flags. */
export const startServer = () => serve();

/**
 * One request to a `serve()` server (anything with `host` and `port`):
 * resolves to {status, headers, body (Buffer), text (body as UTF-8), reused
 * (whether the socket was pooled)}. Rejects on a connection error before an
 * answer, with `reused` set on the error; an error after the answer has begun
 * (a server may answer before reading a huge body, then close) does not count.
 * `timeout` is the socket's idle time in ms before the request is abandoned.
 */
export function request(server, { method = 'GET', path = '/', headers = {}, body, agent = false, timeout = 10_000 } = {}) {
  return new Promise((resolveRequest, reject) => {
    const req = http.request({ host: server.host, port: server.port, method, path, headers, agent, timeout }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolveRequest({ status: res.statusCode, headers: res.headers, body: bytes, text: bytes.toString('utf8'), reused: req.reusedSocket });
      });
      res.on('error', reject);
      res.on('close', () => { if (!res.complete) reject(new Error(`the answer to ${method} ${path} was cut short`)); });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeout} ms`)));
    req.on('error', (e) => {
      if (req.res) return;
      e.reused = req.reusedSocket;
      reject(e);
    });
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/**
 * Raw bytes on a new connection to `server`: `{text, how}`, everything that
 * came back (as latin1) before the server closed (`closed`), the socket
 * failed (`error`) or `waitMs` passed (`timeout`). `endAfterWrite`
 * half-closes the connection once the bytes are written.
 */
export function raw(server, bytes, { waitMs = 3000, endAfterWrite = false } = {}) {
  return new Promise((done) => {
    const socket = net.connect({ host: server.host, port: server.port });
    let data = Buffer.alloc(0);
    const finish = (how) => { clearTimeout(timer); socket.destroy(); done({ text: data.toString('latin1'), how }); };
    const timer = setTimeout(() => finish('timeout'), waitMs);
    socket.on('data', (c) => (data = Buffer.concat([data, c])));
    socket.on('end', () => finish('closed'));
    socket.on('error', () => finish('error'));
    socket.on('connect', () => {
      socket.write(bytes);
      if (endAfterWrite) socket.end();
    });
  });
}

/** Launches Debian's headless Chromium through playwright-core. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
