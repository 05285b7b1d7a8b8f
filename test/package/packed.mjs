// The package as a user gets it: `npm pack` of this checkout (build first), unpacked into a
// scratch project's node_modules/shequ-kit. Its dependencies, and the tools a test project
// needs (typescript, react, vue…), are links into this repository's node_modules, so the
// tests need no registry. A package not linked is not installed: that is how the SDK-only
// project shows that nothing server-side is needed.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Packs once per process; returns the tarball's path and its file list. */
let packed;
export function pack() {
  if (packed) return packed;
  const dir = mkdtempSync(join(tmpdir(), 'shequ-kit-pack-'));
  const [info] = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', dir], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  packed = { tarball: join(dir, info.filename), files: info.files.map((f) => f.path), dir };
  return packed;
}

/**
 * A scratch project with shequ-kit unpacked from the tarball, its runtime dependencies and
 * `links` linked from this repository, and `files` ({ path: text }) written. Returns its path
 * and `cleanup()`.
 */
export function project(name, { links = [], files = {} } = {}) {
  const { tarball, dir: packDir } = pack();
  const dir = join(packDir, name);
  rmSync(dir, { recursive: true, force: true });
  const modules = join(dir, 'node_modules');
  const pkgDir = join(modules, 'shequ-kit');
  mkdirSync(pkgDir, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', pkgDir, '--strip-components=1']);
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  for (const dep of installed([...Object.keys(manifest.dependencies ?? {}), ...links])) {
    const target = join(modules, dep);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(join(root, 'node_modules', dep), target, 'dir');
  }
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name, private: true, type: 'module' }, null, 2),
  );
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, manifest, copy: (from, to) => cpSync(from, join(dir, to)) };
}

/**
 * `names` and, as npm hoists them, their dependencies: our declarations name lit-html (lit's
 * dependency), as they would find it in an npm install.
 */
function installed(names) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    const file = join(root, 'node_modules', name, 'package.json');
    if (!existsSync(file)) return; // an optional dependency this platform does not have
    seen.add(name);
    const { dependencies = {} } = JSON.parse(readFileSync(file, 'utf8'));
    for (const dep of Object.keys(dependencies)) visit(dep);
  };
  names.forEach(visit);
  return seen;
}

/** Runs a tool from this repository's node_modules in `cwd`; returns { status, output }. */
export function run(cwd, bin, args) {
  try {
    const output = execFileSync(process.execPath, [join(root, 'node_modules', bin), ...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { status: 0, output };
  } catch (error) {
    return { status: error.status ?? 1, output: `${error.stdout ?? ''}${error.stderr ?? ''}` };
  }
}

export const tsc = (cwd, ...args) => run(cwd, 'typescript/bin/tsc', args);

/** Removes every scratch project (call once, after all tests). */
export function cleanup() {
  if (packed) rmSync(packed.dir, { recursive: true, force: true });
  packed = undefined;
}
