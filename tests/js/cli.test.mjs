// The command line: `check` in pipelines (a co-process that writes one
// request and waits for its report gets it at once; a reader that goes away,
// `| head -1`, ends the command quietly with status 0, as with any filter),
// `--help` for every subcommand, flags from environment variables, the
// generated reference in docs/cli.md, and memory bounded on a huge line.
// Real processes and pipes; bounded to a few seconds each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { cli } from './server.mjs';

const repo = resolve(import.meta.dirname, '../..');

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

test('--help of the program and of every subcommand prints usage on stdout and exits 0', () => {
  for (const args of [['--help'], ['-h'], ['check', '--help'], ['audit', '--help'], ['serve', '--help'], ['serve', '-h'], ['completions', '--help']]) {
    const result = spawnSync(cli, args, { encoding: 'utf8', timeout: 10_000 });
    assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stdout, /Usage: telehealth-rules/, args.join(' '));
    assert.equal(result.stderr, '', args.join(' '));
  }
  const serve = spawnSync(cli, ['serve', '--help'], { encoding: 'utf8' }).stdout;
  for (const flag of ['--addr', '--metrics-addr', '--log-format', '--log-level', '--drain-delay', '--shutdown-grace']) {
    assert.ok(serve.includes(flag), `serve --help names ${flag}`);
  }
  const version = spawnSync(cli, ['--version'], { encoding: 'utf8' });
  assert.equal(version.status, 0);
  assert.match(version.stdout, /^telehealth-rules \d+\.\d+\.\d+ \(ruleset [\d.]+\)\n$/);
});

test('completions: a shell script that completes subcommands and their flags, never the hidden one', () => {
  const bash = spawnSync(cli, ['completions', 'bash'], { encoding: 'utf8' });
  assert.equal(bash.status, 0, bash.stderr);
  // What bash does on Tab: the script read (from stdin), then its function called
  // with (command, word, previous word) and COMP_WORDS set.
  const complete = (words) => {
    const shell = `eval "$(cat)"; COMP_WORDS=(${words.join(' ')} ''); COMP_CWORD=${words.length}; ` +
      `_telehealth__rules telehealth-rules '' ${words.at(-1)}; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const run = spawnSync('bash', ['-c', shell], { input: bash.stdout, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return run.stdout.trim().split('\n');
  };
  assert.deepEqual(complete(['telehealth-rules']).filter((w) => !w.startsWith('-')), ['check', 'audit', 'serve', 'completions']);
  for (const flag of ['--addr', '--max-connections', '--metrics-addr', '--log-format']) {
    assert.ok(complete(['telehealth-rules', 'serve']).includes(flag), `serve completes ${flag}`);
  }
  assert.ok(complete(['telehealth-rules', 'check']).includes('--jsonl'), 'check completes --jsonl');
  for (const shell of ['zsh', 'fish', 'elvish', 'powershell']) {
    const script = spawnSync(cli, ['completions', shell], { encoding: 'utf8' });
    assert.equal(script.status, 0, `${shell}: ${script.stderr}`);
    assert.match(script.stdout, /max-connections/, `${shell} script names serve's flags`);
    assert.doesNotMatch(script.stdout, /help-markdown/, `${shell} script offers no hidden subcommand`);
  }
});

test('bad arguments exit 1 with the usage on stderr, for every subcommand', () => {
  for (const args of [[], ['nope'], ['audit', '--as-of', '2026-13-01'], ['serve', '--max-connections', '0'], ['serve', '--idle-timeout', 'soon'], ['serve', '--log-format', 'xml']]) {
    const result = spawnSync(cli, args, { encoding: 'utf8', timeout: 10_000 });
    assert.equal(result.status, 1, `${args.join(' ')} exits 1`);
    assert.match(result.stderr, /Usage: telehealth-rules|try '--help'/, args.join(' '));
    assert.equal(result.stdout, '', args.join(' '));
  }
});

test('every flag is settable by its environment variable, and the command line wins', () => {
  const request = JSON.stringify({ kind: 'link', input: 'https://doxy.me/drsmith', as_of: '2026-11-26' });
  const env = { ...process.env, TELEHEALTH_RULES_JSONL: 'true' };
  const lines = spawnSync(cli, ['check'], { input: `${request}\n${request}\n`, env, encoding: 'utf8' });
  assert.equal(lines.status, 0);
  assert.equal(lines.stdout.trim().split('\n').length, 2, 'TELEHEALTH_RULES_JSONL=true reads lines');
  const small = spawnSync(cli, ['check'], { input: request, env: { ...process.env, TELEHEALTH_RULES_MAX_REQUEST_BYTES: '10' }, encoding: 'utf8' });
  assert.equal(small.status, 2);
  assert.deepEqual(JSON.parse(small.stdout).findings[0].params, { problem: 'request_larger', max: '10' });
  const flagWins = spawnSync(cli, ['check', '--max-request-bytes', '100000'], { input: request, env: { ...process.env, TELEHEALTH_RULES_MAX_REQUEST_BYTES: '10' }, encoding: 'utf8' });
  assert.equal(flagWins.status, 0);
  const badEnv = spawnSync(cli, ['serve'], { env: { ...process.env, TELEHEALTH_RULES_MAX_CONNECTIONS: 'many' }, encoding: 'utf8', timeout: 10_000 });
  assert.equal(badEnv.status, 1);
  assert.match(badEnv.stderr, /max-connections/);
  // Every environment variable the reference names is one clap reads (the
  // reference is generated from the declaration, checked below).
  const doc = readFileSync(resolve(repo, 'docs/cli.md'), 'utf8');
  const vars = [...doc.matchAll(/\[env: (TELEHEALTH_RULES_[A-Z_]+)\]/g)].map((m) => m[1]);
  const flags = [...doc.matchAll(/^ {6}--([a-z-]+)/gm)].map((m) => m[1]);
  assert.equal(vars.length, flags.length, 'one variable per flag');
  for (const flag of flags) assert.ok(vars.includes(`TELEHEALTH_RULES_${flag.toUpperCase().replaceAll('-', '_')}`), `--${flag} has its variable`);
});

test('docs/cli.md is the reference generated from the CLI declaration', () => {
  const generated = spawnSync(cli, ['help-markdown'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  assert.equal(generated.status, 0);
  const doc = readFileSync(resolve(repo, 'docs/cli.md'), 'utf8');
  assert.equal(doc, generated.stdout, 'docs/cli.md is stale: run `target/debug/telehealth-rules help-markdown > docs/cli.md`');
});

/** Runs the CLI under a 160 MiB address-space limit (a huge line read whole would need ~300 MB). */
function bounded(args, input) {
  return spawnSync('bash', ['-c', 'ulimit -v 163840; exec "$CLI" "$@"', 'bounded', ...args], {
    input, env: { ...process.env, CLI: cli }, encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024,
  });
}

test('one 16 MiB line: check --jsonl and check answer request_larger in bounded memory, and go on', () => {
  const huge = `{"kind":"link","input":"https://doxy.me/${'a'.repeat(16 * 1024 * 1024)}"}`;
  const request = JSON.stringify({ kind: 'link', input: 'https://doxy.me/drsmith', as_of: '2026-11-26' });
  const lines = bounded(['check', '--jsonl'], `${huge}\n${request}\n`);
  assert.equal(lines.status, 0, lines.stderr);
  const [first, second] = lines.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(first.findings[0].params, { problem: 'request_larger', max: String(1024 * 1024) });
  assert.equal(second.verdict, 'accept');
  const one = bounded(['check'], huge);
  assert.equal(one.status, 2, one.stderr);
  assert.equal(JSON.parse(one.stdout).findings[0].params.problem, 'request_larger');
});

test('one 32 MiB record: audit reports it as too long in bounded memory, and goes on', () => {
  const huge = `{"id":"x","request":{"kind":"link","input":"${'a'.repeat(32 * 1024 * 1024)}"},"report":{}}`;
  const result = bounded(['audit', '--as-of', '2026-11-26'], `${huge}\nnot json\n`);
  assert.equal(result.status, 0, result.stderr);
  const [first, second] = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(first.line, 1);
  assert.deepEqual(first.report.findings[0].params, { problem: 'record_too_long', max: String(2 * 1024 * 1024) });
  assert.equal(second.line, 2);
  assert.equal(second.report.findings[0].params.problem, 'record_not_json');
  assert.match(result.stderr, /2 lines read, 0 records, 0 changed, 2 not records/);
});
