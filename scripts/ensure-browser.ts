// Makes sure a Chromium exists for the browser tests: Debian's `chromium` package when running as root on Debian.
// It never downloads a browser build (closed networks, and a build fetched at test time is not reproducible); on
// other machines it says what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from '../e2e/browser-path.ts';

function run(command: string, args: string[]): boolean {
  console.log(`$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

const found = findChromium();
if (found) {
  console.log(`browser: ${found}`);
  process.exit(0);
}

const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  // Debian's package works on closed networks where Playwright's browser download is blocked.
  if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium'])) {
    const installed = findChromium();
    if (installed) {
      console.log(`browser: ${installed}`);
      process.exit(0);
    }
  }
}

console.error(`
No Chromium found for the browser tests. Install one of:
  - Debian/Ubuntu (as root):  apt-get install -y chromium
  - Playwright's own build:    npx playwright install chromium
  - or point CHROMIUM_PATH at an existing Chrome/Chromium executable.
`);
process.exit(1);
