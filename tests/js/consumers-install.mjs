// The one shared install of the frameworks and bundlers the consumer apps are
// built with (tests/consumers/package.json and its lockfile): `npm ci` there
// when node_modules is missing or does not match, never per app. Scratch apps
// live under tests/consumers/.scratch/, so Node's resolution finds the
// frameworks in tests/consumers/node_modules and the package under test in
// the scratch folder's own node_modules (installed from the packed tarball).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repo } from './scratch.mjs';

const dir = join(repo, 'tests/consumers');
let done;

/** Installs tests/consumers/ once: {dir, ms, bin(name), scratchRoot}. */
export function consumersInstall() {
  if (!done) {
    const start = performance.now();
    let installed = true;
    try {
      execFileSync('npm', ['ls', '--depth=0', '--silent'], { cwd: dir, stdio: 'ignore' });
    } catch {
      installed = false;
    }
    if (!installed) execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: dir, stdio: 'pipe' });
    const scratchRoot = join(dir, '.scratch');
    mkdirSync(scratchRoot, { recursive: true });
    done = { dir, ms: Math.round(performance.now() - start), ran: !installed, bin: (name) => join(dir, 'node_modules/.bin', name), scratchRoot };
  }
  return done;
}
