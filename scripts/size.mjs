// `npm run size`: bundle-size budgets from DESIGN.md, measured min + gzip (level 9).
// 1 kB = 1000 bytes. Exits 1 when any row is over budget or cannot be measured.
//
//   (a) page over HTTP <el>      one row per element: entry = define/provider + define/<el>
//                                (what a page embedding that element over HTTP loads), code
//                                split; the entry chunk and the chunks it imports statically.
//   (b) embedded transport       what a picker page with every feature registered
//                                (src/features/*/sdk.ts) fetches when it runs without a server
//                                (no baseUrl). "embedded transport (lazy)": the chunk(s) of
//                                client.ts's import() of src/sdk/embedded.ts plus the chunks
//                                they import statically, less what the page already loaded;
//                                chunks reached only through a further import() are not in it.
//                                "embedded transport + <feature>": that plus what the feature's
//                                first call fetches: the import() chunks of its contract
//                                (features/<feature>/contract.ts) and handlers (…/handlers.ts),
//                                both registered by sdk/features/<feature>.ts, with their
//                                static imports. Every row is what a browser downloads: each
//                                file gzipped on its own. An import() in the core that no row
//                                loads is an error (its bytes would go unmeasured).
//   (c) <element> own code       src/features/<feature>/elements/<name>/index.ts with npm
//                                packages and everything of ours external except the element's
//                                folder and the element kit (src/ui, less its strings). One row
//                                per element folder.
//   (d) drop-in bundle           every .js file in dist/cdn (run `npm run build` first).
//
//   node scripts/size.mjs [--json]
import { build } from 'esbuild';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { esbuildCssLiterals } from './css-literals.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'node_modules/.cache/shequ-kit/size');
const KB = 1000;
const json = process.argv.includes('--json');

const PAGE_ELEMENT = 'community-picker';
const BUDGET = {
  page: 40 * KB,
  pageAim: 35 * KB,
  lazy: 15 * KB,
  element: 10 * KB,
  dropIn: 90 * KB,
};
/**
 * The embedded transport (no baseUrl): client.ts `import()`s `entry`; its chunk holds the core
 * (communities, staff, the memory store). A feature's first call `import()`s the feature's
 * contract (src/sdk/operations.ts) and handlers (src/sdk/embedded.ts); photos (uploads.ts)
 * come with the complaint handlers.
 */
const EMBEDDED = {
  label: 'embedded transport (lazy)',
  entry: 'src/sdk/embedded.ts',
  // Every feature that registers with the SDK (src/features/<feature>/sdk.ts).
  features: readdirSync(join(root, 'src/features'))
    .filter((name) => existsSync(join(root, 'src/features', name, 'sdk.ts')))
    .sort()
    .map((name) => ({
      name,
      register: `src/features/${name}/sdk.ts`,
      entries: [`src/features/${name}/contract.ts`, `src/features/${name}/handlers.ts`],
    })),
};
/** Folders of ours that an element's own-code row leaves out. */
// (Everything of ours outside the element's folder and the element kit, src/ui, is external;
// the kit's strings, src/ui/locales, too.)

const posix = (p) => p.split(sep).join('/');
const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
const measure = (buffers) => ({
  min: buffers.reduce((n, b) => n + b.length, 0),
  gz: buffers.reduce((n, b) => n + gzip(b), 0),
});

const common = {
  absWorkingDir: root,
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2021',
  platform: 'browser',
  conditions: ['production', 'module'],
  define: { 'process.env.NODE_ENV': '"production"' },
  tsconfig: join(root, 'tsconfig.json'),
  legalComments: 'none',
  // As shipped: the CSS of css`…` templates minified (dist/ and the drop-in get the same).
  plugins: [esbuildCssLiterals],
  metafile: true,
  write: false,
  logLevel: 'silent',
};

const rows = [];
const problems = [];

/**
 * Budgets we are over knowingly, for now: each with a ceiling that may only go down, and why.
 * A row over its DESIGN.md budget but under its ceiling prints `OVER*` and does not fail the
 * run; over the ceiling it fails. Delete the entry once the row is back under budget.
 */
const WAIVED = {
  '<sq-complaint-form> own code': {
    ceiling: 11.6 * KB,
    reason:
      'the form kit (SubmissionController, field partials, their styles) counts in full in every element ' +
      'that uses it: the form folder went from 20.2 to 10.6 kB minified, the kit it pulls in from 9.1 to ' +
      '21.2 kB — see docs/size.md "The form kit"; to be won back, or the kit counted once in a row of its own',
  },
  'drop-in bundle (dist/cdn)': {
    ceiling: 112 * KB,
    reason:
      'eleven elements (six of them forms), both languages and the embedded transport measure 111 kB against 90; ' +
      'see docs/size.md "The drop-in bundle" — a decision for the design, not a silent pass',
  },
};

function row(name, { min, gz }, budget, note = '') {
  const waiver = WAIVED[name];
  const status = gz <= budget ? 'OK' : waiver && gz <= waiver.ceiling ? 'OVER*' : 'OVER';
  rows.push({ name, min, gz, budget, status, note });
}

function fail(name, message) {
  rows.push({ name, min: NaN, gz: NaN, budget: NaN, status: 'ERROR', note: message });
  problems.push(`${name}: ${message}`);
}

/** Element folders, `src/features/<feature>/elements/<name>`, by name. */
function elementFolders() {
  const features = join(root, 'src/features');
  if (!existsSync(features)) return [];
  return readdirSync(features)
    .flatMap((feature) => {
      const dir = join(features, feature, 'elements');
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((name) => statSync(join(dir, name)).isDirectory())
        .map((name) => ({ name, dir: join(dir, name) }));
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

// (a) + (b): a page, code split like a browser would fetch it: the entry and the chunks it
// imports statically (`eager`).
async function buildPage(name, sources, comment) {
  const missing = sources.filter((f) => !existsSync(join(root, f)));
  if (missing.length) throw new Error(`missing entry ${missing.join(', ')}`);
  mkdirSync(work, { recursive: true });
  const entry = join(work, `page-${name}.ts`);
  const rel = (f) => posix(relative(work, join(root, f))).replace(/\.ts$/, '.js');
  writeFileSync(
    entry,
    `// Generated by scripts/size.mjs: ${comment}\n` +
      sources.map((f) => `import '${rel(f)}';\n`).join(''),
  );
  let result;
  try {
    result = await build({
      ...common,
      entryPoints: { page: entry },
      splitting: true,
      outdir: join(work, `page-${name}`),
      entryNames: '[name]',
      chunkNames: 'chunks/[name]-[hash]',
    });
  } catch (error) {
    throw new Error(
      `build failed: ${error.errors?.map((e) => e.text).join('; ') ?? String(error)}`,
      { cause: error },
    );
  }
  const contents = new Map(
    result.outputFiles
      .filter((f) => f.path.endsWith('.js'))
      .map((f) => [posix(relative(root, f.path)), Buffer.from(f.contents)]),
  );
  const outputs = result.metafile.outputs;
  const entryOut = Object.keys(outputs).find((o) => outputs[o].entryPoint && o.endsWith('page.js'));
  const walk = (start, kinds, skip = () => false) => {
    const seen = new Set();
    const stack = [...start];
    while (stack.length) {
      const out = stack.pop();
      if (seen.has(out)) continue;
      seen.add(out);
      for (const imp of outputs[out]?.imports ?? []) {
        if (!imp.external && kinds.includes(imp.kind) && !skip(imp.path)) stack.push(imp.path);
      }
    }
    return seen;
  };
  const eager = walk([entryOut], ['import-statement']);
  const files = (set) => [...set].map((o) => contents.get(o)).filter(Boolean);
  return { outputs, walk, eager, files };
}

const PROVIDER = 'src/define/provider.ts';
/** import() targets an HTTP page in the default language never fetches. */
const HTTP_NEVER = [
  /^src\/sdk\/embedded\.ts$/,
  /^src\/features\/[^/]+\/handlers\.ts$/,
  /\/locales\/(?!zh-CN\/)[^/]+\/[^/]+\.ts$/,
];

async function pageRow(element) {
  const label = `page over HTTP: <sq-${element}>`;
  try {
    const { outputs, walk, eager, files } = await buildPage(
      element,
      [PROVIDER, `src/define/${element}.ts`],
      'what a page with one element over HTTP loads.',
    );
    // Reported, not budgeted: what the same page fetches after its first render over HTTP
    // (the outbox when idle, a feature's contract on its first call, code an element loads
    // once it is on screen): every import() chunk but the embedded transport, the embedded
    // handlers and other languages' strings, which an HTTP page in zh-CN never loads.
    const all = walk([...eager], ['import-statement', 'dynamic-import'], (target) =>
      HTTP_NEVER.some((re) => re.test(outputs[target]?.entryPoint ?? '')),
    );
    const later = measure(files(new Set([...all].filter((o) => !eager.has(o)))));
    row(
      label,
      measure(files(eager)),
      BUDGET.page,
      `aim ≤ ${BUDGET.pageAim / KB} kB; ${eager.size} file(s); then ${(later.gz / KB).toFixed(1)} kB after first render`,
    );
  } catch (error) {
    fail(label, error.message);
  }
}

async function embeddedPage() {
  try {
    const page = await buildPage(
      'embedded',
      [PROVIDER, `src/define/${PAGE_ELEMENT}.ts`, ...EMBEDDED.features.map((f) => f.register)],
      'a picker page with every feature registered (the embedded rows).',
    );
    embeddedRows(page.outputs, page.walk, page.eager, page.files);
  } catch (error) {
    fail(EMBEDDED.label, error.message);
  }
}

// (b): the embedded transport as the picker page fetches it, then each feature on first use.
// `outputs` is esbuild's metafile of the picker page; a chunk made for an `import()` has the
// imported source file as its `entryPoint`.
function embeddedRows(outputs, walk, eager, files) {
  const lazyEntry = (source) =>
    Object.keys(outputs).filter((o) => outputs[o].entryPoint === source);
  const dynamicTargets = (set) =>
    [...set].flatMap((o) =>
      (outputs[o]?.imports ?? [])
        .filter((imp) => !imp.external && imp.kind === 'dynamic-import')
        .map((imp) => imp.path),
    );
  const minus = (set, ...others) => new Set([...set].filter((o) => !others.some((x) => x.has(o))));
  // The first-level import() chunk(s) of the embedded transport, with their static imports,
  // less what the page has already loaded.
  const first = dynamicTargets(eager).filter((o) => outputs[o].entryPoint === EMBEDDED.entry);
  if (first.length === 0) {
    fail(EMBEDDED.label, `no import() chunk of ${EMBEDDED.entry} on the picker page`);
    return;
  }
  const core = minus(walk(first, ['import-statement']), eager);
  row(EMBEDDED.label, measure(files(core)), BUDGET.lazy, `${core.size} chunk(s)`);
  // Every import() the core makes must load part of a feature row, or its bytes go unmeasured.
  const featureEntries = new Set(
    EMBEDDED.features.flatMap((f) => f.entries.flatMap((source) => lazyEntry(source))),
  );
  for (const target of new Set(dynamicTargets(core))) {
    if (!featureEntries.has(target)) {
      fail(EMBEDDED.label, `import() of ${outputs[target]?.entryPoint ?? target} is in no row`);
    }
  }
  for (const feature of EMBEDDED.features) {
    const label = `${EMBEDDED.label.replace(' (lazy)', '')} + ${feature.name}`;
    const starts = feature.entries.flatMap((source) => lazyEntry(source));
    const missing = feature.entries.filter((source) => lazyEntry(source).length === 0);
    if (missing.length) {
      fail(label, `no import() chunk of ${missing.join(', ')}`);
      continue;
    }
    const own = minus(walk(starts, ['import-statement']), eager, core);
    row(
      label,
      measure(files(new Set([...core, ...own]))),
      BUDGET.lazy,
      `${core.size} + ${own.size} chunk(s)`,
    );
  }
}

// (c): each element's own code.
async function elementRows() {
  const folders = elementFolders();
  if (folders.length === 0) {
    fail('elements', 'no element folders under src/features/*/elements');
    return;
  }
  for (const { name, dir } of folders) {
    const label = `<sq-${name}> own code`;
    const entry = join(dir, 'index.ts');
    if (!existsSync(entry)) {
      fail(label, `missing entry ${posix(relative(root, entry))}`);
      continue;
    }
    const ui = join(root, 'src/ui');
    const ownDirs = [dir, ui];
    const externalDirs = [join(ui, 'locales'), join(root, 'src')];
    const keepOut = {
      name: 'shequ-kit-external-layers',
      setup(b) {
        b.onResolve({ filter: /^\.\.?\// }, (args) => {
          if (args.kind === 'entry-point') return undefined;
          const target = resolve(args.resolveDir, args.path);
          const inside = (dir) => target === dir || target.startsWith(dir + sep);
          if (externalDirs.slice(0, 1).some(inside)) return { path: args.path, external: true };
          if (ownDirs.some(inside)) return undefined;
          if (externalDirs.some(inside)) return { path: args.path, external: true };
          return undefined;
        });
      },
    };
    try {
      const result = await build({
        ...common,
        entryPoints: [entry],
        outfile: join(work, 'elements', `${name}.js`),
        packages: 'external',
        plugins: [keepOut, esbuildCssLiterals],
      });
      const js = result.outputFiles.filter((f) => f.path.endsWith('.js'));
      row(label, measure(js.map((f) => Buffer.from(f.contents))), BUDGET.element);
    } catch (error) {
      fail(label, `build failed: ${error.errors?.map((e) => e.text).join('; ') ?? error}`);
    }
  }
}

// (d): the drop-in bundle as built by vite.
function dropInRow() {
  const dir = join(root, 'dist/cdn');
  if (!existsSync(join(dir, 'shequ-kit.js'))) {
    fail('drop-in bundle (dist/cdn)', 'dist/cdn/shequ-kit.js not found; run `npm run build` first');
    return;
  }
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js')) files.push(readFileSync(p));
    }
  };
  walk(dir);
  row(
    'drop-in bundle (dist/cdn)',
    measure(files),
    BUDGET.dropIn,
    `${files.length} file(s), all chunks`,
  );
}

function print() {
  const kb = (n) => (Number.isNaN(n) ? '-' : `${(n / KB).toFixed(1)} kB`);
  const bytes = (n) => (Number.isNaN(n) ? '-' : String(n));
  const table = [
    ['what', 'min (B)', 'min+gzip (B)', 'min+gzip', 'budget', 'status', 'note'],
    ...rows.map((r) => [
      r.name,
      bytes(r.min),
      bytes(r.gz),
      kb(r.gz),
      kb(r.budget),
      r.status,
      r.note,
    ]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((line) => String(line[i]).length)));
  const right = new Set([1, 2, 3, 4]);
  const fmt = (line) =>
    line
      .map((cell, i) =>
        right.has(i) ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]),
      )
      .join('  ')
      .trimEnd();
  console.log(fmt(table[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of table.slice(1)) console.log(fmt(line));
}

for (const { name: element } of elementFolders().filter(({ name }) => name !== 'provider')) {
  await pageRow(element);
}
await embeddedPage();
await elementRows();
dropInRow();
rmSync(work, { recursive: true, force: true });

if (json) console.log(JSON.stringify(rows, null, 2));
else print();

const over = rows.filter((r) => r.status === 'OVER');
if (problems.length || over.length) {
  console.error('');
  for (const r of over)
    console.error(
      `size: OVER budget: ${r.name} is ${(r.gz / KB).toFixed(1)} kB > ${(r.budget / KB).toFixed(0)} kB`,
    );
  for (const p of problems) console.error(`size: ${p}`);
  process.exit(1);
}
for (const r of rows.filter((r) => r.status === 'OVER*')) {
  const w = WAIVED[r.name];
  console.log(
    `\nsize: OVER* ${r.name}: ${(r.gz / KB).toFixed(1)} kB > ${(r.budget / KB).toFixed(0)} kB budget, ` +
      `under its waived ceiling of ${(w.ceiling / KB).toFixed(0)} kB: ${w.reason}.`,
  );
}
console.log('\nsize: all budgets met or waived (min+gzip, gzip level 9, 1 kB = 1000 B).');
