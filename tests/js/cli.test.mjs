// `telehealth-rules check` in pipelines (issue 15): a co-process that writes
// one request and waits for its report gets it at once; a reader that goes
// away (`| head -1`) ends the command quietly with status 0, as with any
// filter. Real processes and pipes; bounded to a few seconds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { cli } from './server.mjs';

const request = (i) => JSON.stringify({ kind: 'link', input: `https://doxy.me/drsmith${i}`, as_of: '2026-11-26' });

test('check --jsonl as a co-process: each report comes back before the next request is written', async () => {
  const child = spawn(cli, ['check', '--jsonl'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  try {
    for (let i = 0; i < 5; i += 1) {
      child.stdin.write(`${request(i)}\n`);
      // stdin stays open: only a flush per report can answer this.
      const next = await Promise.race([lines.next(), new Promise((done) => setTimeout(() => done('timeout'), 5_000))]);
      assert.notEqual(next, 'timeout', `no report for request ${i} while the co-process waits for it`);
      const report = JSON.parse(next.value);
      assert.equal(report.verdict, 'accept');
      assert.equal(report.normalized, `https://doxy.me/drsmith${i}`);
    }
    child.stdin.end();
    const code = await new Promise((done) => child.once('exit', done));
    assert.equal(code, 0);
  } finally {
    child.kill('SIGKILL');
  }
});

test('check --jsonl | head -1 exits 0 with nothing on stderr (set -o pipefail holds)', () => {
  // 20,000 requests: far more reports than a pipe holds once head has gone.
  const input = Array.from({ length: 20_000 }, (_, i) => request(i)).join('\n');
  const result = spawnSync('bash', ['-c', 'set -o pipefail; "$CLI" check --jsonl | head -1'], {
    input, env: { ...process.env, CLI: cli }, encoding: 'utf8', timeout: 30_000,
  });
  assert.equal(result.stderr, '');
  assert.equal(result.status, 0);
  assert.equal(JSON.parse(result.stdout).verdict, 'accept');
  // The single-request form too, and it still tells an invalid request by its status.
  const single = spawnSync('bash', ['-c', 'set -o pipefail; printf "%s" "$REQ" | "$CLI" check | head -c 0; echo "status ${PIPESTATUS[1]}"'], {
    env: { ...process.env, CLI: cli, REQ: request(1) }, encoding: 'utf8', timeout: 10_000,
  });
  assert.equal(single.stderr, '');
  assert.match(single.stdout, /^status 0$/m);
});

test('check: bad arguments are status 1 with the usage; a file of requests is answered line by line', () => {
  const bad = spawnSync(cli, ['check', '--json'], { encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /Usage:/);
  const lines = spawnSync(cli, ['check', '--jsonl'], { input: `${request(1)}\n\n${request(2)}\n`, encoding: 'utf8' });
  assert.equal(lines.status, 0);
  assert.deepEqual(lines.stdout.trim().split('\n').map((l) => JSON.parse(l).verdict), ['accept', 'reject', 'accept']);
});
