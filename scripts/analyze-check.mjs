// `npm run analyze:check`: fails when the committed custom-elements.json (or the JSX/Vue types /
// VS Code data generated with it) no longer matches the source. Regenerates into a scratch
// directory and compares; never rewrites the tracked files. Fix with `npm run analyze`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Relative to the root: the analyzer joins its outdir onto the working directory.
const scratch = 'node_modules/.cache/shequ-kit/analyze-check';
const OUTPUTS = [
  'custom-elements.json',
  'types/jsx.d.ts',
  'types/vue.d.ts',
  'vscode.html-custom-data.json',
  'vscode.css-custom-data.json',
];

rmSync(join(root, scratch), { recursive: true, force: true });
mkdirSync(join(root, scratch), { recursive: true });

const cem = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
const run = spawnSync(
  process.execPath,
  [cem, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'],
  { cwd: root, env: { ...process.env, CEM_OUTDIR: scratch }, encoding: 'utf8' },
);
if (run.status !== 0) {
  process.stderr.write(run.stdout + run.stderr);
  console.error('analyze:check: the analyzer failed (see above).');
  process.exit(1);
}

const read = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
const stale = [];
for (const file of OUTPUTS) {
  const committed = read(join(root, file));
  const fresh = read(join(root, scratch, file));
  if (committed === fresh) continue;
  if (fresh === undefined) {
    stale.push(`${file}: exists, but the analyzer no longer generates it`);
  } else if (committed === undefined) {
    stale.push(`${file}: missing`);
  } else {
    const a = committed.split('\n');
    const b = fresh.split('\n');
    const line = a.findIndex((text, i) => text !== b[i]);
    const at = line === -1 ? a.length : line;
    stale.push(
      `${file}: differs from line ${at + 1}\n` +
        `      committed: ${JSON.stringify(a[at] ?? '<end of file>')}\n` +
        `      generated: ${JSON.stringify(b[at] ?? '<end of file>')}`,
    );
  }
}
rmSync(join(root, scratch), { recursive: true, force: true });

if (stale.length) {
  console.error('analyze:check: generated files are stale:');
  for (const s of stale) console.error(`  - ${s}`);
  console.error('Run `npm run analyze` and commit the result.');
  process.exit(1);
}
console.log(`analyze:check: ${OUTPUTS.join(', ')} are up to date.`);
