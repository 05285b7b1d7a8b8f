// `npm run test:node`: node's test runner over test/**/*.test.ts except *.browser.test.ts
// (those run in Chromium via web-test-runner). Node 20 has no glob support in --test, so the
// files are listed here.
//
//   npm run test:node                               all node tests
//   npm run test:node -- test/domain                only files under a folder (or given files)
//   npm run test:node -- --test-name-pattern=mask   any other argument goes to node --test
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
    return entry.isFile() ? [path] : [];
  });
}

const isNodeTest = (file) => file.endsWith('.test.ts') && !file.endsWith('.browser.test.ts');

const args = process.argv.slice(2);
const targets = args.filter((a) => !a.startsWith('-'));
const passThrough = args.filter((a) => a.startsWith('-'));

const roots = targets.length ? targets.map((t) => join(root, t)) : [join(root, 'test')];
const files = roots
  .flatMap((target) => {
    try {
      return statSync(target).isDirectory() ? walk(target) : [target];
    } catch {
      console.error(`test:node: no such file or folder: ${relative(root, target)}`);
      process.exit(1);
    }
  })
  .filter(isNodeTest)
  .map((f) => relative(root, f).split(sep).join('/'))
  .sort();

if (files.length === 0) {
  console.log('test:node: no node test files (test/**/*.test.ts) found.');
  process.exit(0);
}

// Node 20 exits 0 when tests were cancelled (a promise left pending when the event loop ran
// dry): a second reporter writes TAP's counts to a file, and a cancelled test fails the run.
const countsDir = mkdtempSync(join(tmpdir(), 'test-node-'));
const counts = join(countsDir, 'counts.tap');
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${counts}`,
    ...passThrough,
    ...files,
  ],
  { cwd: root, stdio: 'inherit' },
);
const cancelled = Number(/^# cancelled (\d+)$/m.exec(readFileSync(counts, 'utf8'))?.[1] ?? 0);
rmSync(countsDir, { recursive: true, force: true });
if (cancelled > 0) console.error(`test:node: ${cancelled} test(s) cancelled: that is a failure.`);
process.exit(cancelled > 0 ? 1 : (result.status ?? 1));
