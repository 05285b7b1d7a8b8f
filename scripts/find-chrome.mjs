// Locate a Chromium/Chrome binary for browser tests and screenshots.
//
//   import { findChrome, CHROME_FLAGS } from './scripts/find-chrome.mjs';
//   node scripts/find-chrome.mjs      # prints the path (installs chromium via apt as root on Debian)
//
// Order: $CHROME_PATH, well-known absolute paths, `which <name>`; then, when running as root
// on a Debian/Ubuntu machine (apt-get present), `apt-get install -y chromium` and retry.
// We never download a browser build of our own (no network besides npm/apt).
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

/**
 * Flags for headless Chromium on CI and in containers. The background-networking flags matter:
 * the machine has no internet, and without them Chromium floods the log with refused
 * connections (component updater, safe browsing, sync, …).
 */
export const CHROME_FLAGS = Object.freeze([
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);

const CANDIDATE_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

const CANDIDATE_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function which(name) {
  const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const found = result.status === 0 ? result.stdout.trim() : '';
  return found && isExecutable(found) ? found : undefined;
}

function lookup() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to "${fromEnv}", but no executable exists there.`);
  }
  for (const path of CANDIDATE_PATHS) if (isExecutable(path)) return path;
  for (const name of CANDIDATE_NAMES) {
    const found = which(name);
    if (found) return found;
  }
  return undefined;
}

function canAptInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return process.platform === 'linux' && isRoot && existsSync('/usr/bin/apt-get');
}

function aptInstallChromium() {
  console.error('[find-chrome] No Chromium found; installing it with apt-get (Debian package)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // stdout of apt goes to stderr so that `node scripts/find-chrome.mjs` prints only the path.
  const stdio = ['ignore', process.stderr, process.stderr];
  execFileSync('apt-get', ['update'], { stdio, env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio, env });
}

function printHowToGetOne() {
  console.error(
    [
      '',
      '[find-chrome] No Chromium or Chrome binary was found. Browser tests need one.',
      '',
      'Do one of these, then run the command again:',
      '  • point at a binary you have:   export CHROME_PATH=/path/to/chromium',
      '      (macOS: export CHROME_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome")',
      '  • Debian / Ubuntu:              sudo apt-get update && sudo apt-get install -y chromium',
      '      (Ubuntu without snap may name it chromium-browser)',
      '  • Fedora:                       sudo dnf install chromium',
      '  • Alpine:                       apk add chromium',
      '  • Arch:                         sudo pacman -S chromium',
      '',
      'Looked for: $CHROME_PATH, ' +
        CANDIDATE_PATHS.join(', ') +
        ', and `which` ' +
        CANDIDATE_NAMES.join(' / ') +
        '.',
      '',
    ].join('\n'),
  );
}

/**
 * Returns the path of a Chromium/Chrome executable, installing Debian's chromium when possible.
 * Prints instructions and exits the process with code 1 when none can be found.
 * @returns {string}
 */
export function findChrome() {
  let found;
  try {
    found = lookup();
  } catch (error) {
    console.error(`[find-chrome] ${error.message}`);
    process.exit(1);
  }
  if (found) return found;

  if (canAptInstall()) {
    try {
      aptInstallChromium();
    } catch (error) {
      console.error(`[find-chrome] apt-get install chromium failed: ${error.message}`);
    }
    found = lookup();
    if (found) return found;
  }

  printHowToGetOne();
  process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(findChrome());
}
