// Starts `telehealth-rules serve` on a free loopback port for a test, and
// stops it afterwards.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');
export const cli = process.env.TELEHEALTH_RULES_CLI ?? join(repo, 'target/debug/telehealth-rules');

/** Resolves to {url, stop} once the server prints its address. */
export function startServer() {
  // Warnings and errors only: the access log (a line per request) would
  // bury the test output.
  const child = spawn(cli, ['serve', '--addr', '127.0.0.1:0', '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolveStart, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/serving (http:\/\/[\d.:]+)\//);
      if (match) {
        resolveStart({
          url: match[1],
          // Resolves to the exit code: 0 when Ctrl-C stopped it cleanly.
          stop: () => new Promise((done) => { child.once('exit', (code) => done(code)); child.kill('SIGINT'); }),
          child,
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready: ${output}`)));
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
