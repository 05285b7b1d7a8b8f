// The drop-in build, dist/cdn/ (for script tags; Lit and every other dependency inlined):
//   shequ-kit.js  the loader (src/drop-in/loader.ts): knows every tag, loads an element's
//                 chunk when its tag first appears in the page or in a shadow root we render
//   sdk.js        createClient and friends for such pages, sharing the elements' chunks
//   chunks/       each element's, what elements share (split by who shares it), and what
//                 loads later (English strings, the virtualizer, the embedded transport)
// Runs after `tsc -p tsconfig.build.json`, which writes the rest of dist/, so only dist/cdn is
// emptied here.
import { defineConfig, type Plugin } from 'vite';
import { viteLiterals } from './scripts/literals.mjs';

/**
 * Code only some pages load, kept in one chunk each: nothing else imports it statically, so
 * such a group can never be pulled into a first render. Everything else is left to Rolldown's
 * splitting, like esbuild's: a chunk per set of elements sharing it, so a page loads what its
 * element needs (`npm run size`: 39–45 kB up to first render in 13–19 files, against 59–71 kB
 * when shared code was grouped into a few larger chunks, and 58–65 kB when a named `embedded`
 * group caught a module the feature manifests import: the embedded transport, too, is left to
 * the splitting, which keeps it behind its import()).
 *
 * One exception, `shared`: a module that at least SHARED_BY chunks (the define files and the
 * import()s) use lands in one chunk instead of one per exact set of users. Splitting by exact
 * sets had a drop-in page fetch 16–26 files, many under 1 kB, each gzipped on its own; with
 * the group a page fetches 6–14 and is 0–1.4 kB smaller up to its first render (and 2–5 kB
 * smaller after), though it may carry a few modules its element does not use. Measured with
 * `npm run size` over 6–16 (2026-12-06): 12 gave the smallest sum of the drop-in pages; 6 and 8
 * pulled too much into every page (up to 57 kB), 14 and 16 left more small chunks.
 */
const LATER: [name: string, test: RegExp][] = [
  // English strings: a page in zh-CN never loads them.
  ['en', /\/src\/.*\/locales\/en\//],
  // A wall past 100 wishes.
  ['virtualizer', /\/@lit-labs\/virtualizer\//],
  // zod, the domain's schemas (its cursors' too) and the core contract with its models load
  // with a page's first call, after its first render (its first reads go out meanwhile), in one
  // chunk. In `shared`, which every page loads first, they were ~10 kB of each.
  [
    'schemas',
    /\/node_modules\/zod\/|\/src\/domain\/(schemas|paging|grouped-paging)\.ts$|\/src\/features\/core\/(contract|model|auth-model)\.ts$/,
  ],
];
/** How many chunks must use a module for it to go to `shared` (see above). */
const SHARED_BY = 12;
/**
 * The kit's form parts (field partials and their styles, the submission controller and actions,
 * field errors, events) and Lit's directive modules they use, in one chunk: split by exact sets
 * of users they were ten files for a form's page. The complaint form's page went from 32
 * requests to 21 and the wish form's from 29 to 19; under Slow 4G the wish form settled 1.4 s
 * sooner and the complaint form 0.3 s; a form's page carries ~4 kB more up to its first render
 * (the picker's alone too), pages without a form nothing (docs/size.md, "The kit's form parts in
 * one chunk"). The default catalogues (core/catalogues.ts, 1.1 kB) too: the complaint form's first
 * render imports them, and in a chunk of their own they took a connection of the first wave.
 */
const FORM_PARTS =
  /\/src\/ui\/(fields|submission)\/|\/src\/ui\/(field-errors|events)\.ts$|\/lit-html\/(directive|directive-helpers|async-directive)\.js$|\/directives\/live\.js$|\/src\/features\/core\/catalogues\.ts$/;
/**
 * A feature's model, its machine and its public views (`src/features/<f>/{model,machine,views}.ts`),
 * one chunk per feature: what its contract and its elements' later code share, where the split
 * by sets of users made two or three files of them (the wall's page 25 → 23 requests, the
 * metrics' 18 → 15, no page larger). Not its rules: the score sheet's first render takes
 * 红黑榜's rules, and with them it would take the model and zod (35 → 52 kB).
 */
const featureModel = (id: string) =>
  /\/src\/features\/(\w+)\/(model|machine|views)\.ts$/.exec(id)?.[1]?.concat('-model') ?? null;

/**
 * Vite wraps every `import()` of a client build in its preload helper, which fetches the
 * dynamic chunk's static imports beside it (`<link rel=modulepreload>`, so a chunk's imports
 * need not wait for the chunk to be parsed) and also handles CSS files, CSP nonces and a
 * `vite:preloadError` event. We keep the preloading and nothing else: no CSS files, failed loads
 * reported by the loader and the elements (a failed preload only means the import fetches it),
 * and the helper's 1.9 kB chunk in every drop-in page becomes one line in each chunk that
 * imports. The dependency lists are Vite's own (`__vite__mapDeps`, paths relative to the
 * importing chunk, resolved against its `import.meta.url`: the bundle's place, not the page's).
 * Under Slow 4G every drop-in page settled 0.2–1.7 s sooner (docs/size.md, "The drop-in
 * preloads a chunk's imports").
 */
const PRELOAD =
  '(load, deps, base) => { for (const dep of deps || []) { const href = new URL(dep, base).href; ' +
  // Once per chunk however many imports ask for it (each importing chunk has its own copy).
  "if (document.querySelector('link[href=\"' + href + '\"]')) continue; " +
  "const link = document.createElement('link'); link.rel = 'modulepreload'; link.href = href; " +
  'document.head.append(link); } return load(); }';
const HELPER_IMPORT = /import\s*\{([^}]*)\}\s*from\s*"[^"]*\/preload-helper-[^"]*";/;

const preloadOnly: Plugin = {
  name: 'shequ-kit:preload-only',
  enforce: 'pre',
  load(id) {
    if (id === '\0vite/preload-helper.js') {
      return `export const __vitePreload = ${PRELOAD};`;
    }
    return undefined;
  },
  // And no file for it: each chunk gets its own copy of that line instead of importing it, and
  // the helper's chunk, imported by none, is dropped (from dist/cdn and its manifest).
  renderChunk(code) {
    const found = HELPER_IMPORT.exec(code);
    if (!found) return null;
    const inline = found[1]!
      .split(',')
      .map((binding) =>
        binding
          .trim()
          .split(/\s+as\s+/)
          .pop()!,
      )
      .map((local) =>
        local.startsWith('__vitePreload')
          ? `const ${local} = ${PRELOAD};`
          : `const ${local} = () => {};`,
      )
      .join(' ');
    // One line for one line: the lines below keep their places, so the map stays right.
    const edited = code.slice(0, found.index) + inline + code.slice(found.index + found[0].length);
    return { code: edited, map: null };
  },
  generateBundle(_, bundle) {
    const helper = Object.values(bundle).find(
      (file) => file.type === 'chunk' && file.name === 'preload-helper',
    );
    if (!helper) return;
    const name = helper.fileName.slice(helper.fileName.lastIndexOf('/') + 1);
    const users = Object.values(bundle).filter(
      (file) => file.type === 'chunk' && file !== helper && file.code.includes(name),
    );
    if (users.length) {
      // Vite's output changed and a chunk still imports it: keep it (one request more).
      this.warn(`preload helper still imported by ${users.map((f) => f.fileName).join(', ')}`);
      return;
    }
    delete bundle[helper.fileName];
    delete bundle[`${helper.fileName}.map`];
    for (const file of Object.values(bundle)) {
      if (file.type === 'chunk') file.imports = file.imports.filter((f) => f !== helper.fileName);
    }
  },
};

/**
 * The loader's one static import was Rolldown's runtime chunk (244 B of helpers: lazy module
 * init, namespace objects): a round trip before the loader could even start an element's
 * chunk, on every drop-in page (~0.56 s under Slow 4G). The helpers keep no state, so the
 * loader gets its own copy, in place of the import (on the same line: its map stays right);
 * the chunks keep importing the runtime chunk, which the first element's preloads fetch.
 */
const RUNTIME_IMPORT = /import\s*\{([^}]*)\}\s*from\s*"(\.\/chunks\/rolldown-runtime-[^"]*)";/;

const runtimeInLoader: Plugin = {
  name: 'shequ-kit:runtime-in-loader',
  enforce: 'post',
  generateBundle(_, bundle) {
    const loader = bundle['shequ-kit.js'];
    if (loader?.type !== 'chunk') return;
    const found = RUNTIME_IMPORT.exec(loader.code);
    if (!found) return;
    const runtime = bundle[found[2]!.slice(2)];
    const exported = runtime?.type === 'chunk' && /export\s*\{([^}]*)\};?\s*$/.exec(runtime.code);
    if (!runtime || runtime.type !== 'chunk' || !exported) {
      this.warn('the loader imports a runtime chunk this plugin does not know: kept as an import');
      return;
    }
    // `export{n,t}` / `export{a as t}` → the runtime's own names under the names it exports.
    const names = exported[1]!.split(',').map((e) => e.trim().split(/\s+as\s+/));
    const body = runtime.code.slice(0, exported.index).replace(/\n/g, ' ');
    const give = names.map(([local, as]) => `${as ?? local}:${local}`).join(',');
    const take = found[1]!
      .split(',')
      .map((b) => b.trim().split(/\s+as\s+/))
      .map(([name, local]) => `${name}:${local ?? name}`)
      .join(',');
    const inline = `const{${take}}=(()=>{${body};return{${give}}})();`;
    loader.code = loader.code.replace(found[0], inline);
    loader.imports = loader.imports.filter((f) => f !== runtime.fileName);
  },
};

export default defineConfig({
  // The library has no public/ folder; never copy one into dist/cdn.
  publicDir: false,
  plugins: [preloadOnly, runtimeInLoader, viteLiterals],
  define: {
    // Lit, i18next and friends check this; a browser has no `process`.
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  // Chunks are found relative to the bundle, wherever it is hosted.
  base: './',
  build: {
    // A chunk's imports are fetched beside it (see `preloadOnly`); no polyfill (every browser
    // with module scripts but Safari < 17 supports modulepreload, and there it is only a hint).
    modulePreload: { polyfill: false },
    target: 'es2021',
    outDir: 'dist/cdn',
    emptyOutDir: true,
    minify: true,
    // Maps carry their sources (sourcesContent), so they point at nothing unshipped.
    sourcemap: true,
    // Which chunk imports which, for `npm run size` (not shipped: package.json `files`).
    manifest: true,
    copyPublicDir: false,
    reportCompressedSize: true,
    // Not lib mode: for an ES lib Vite keeps whitespace (for consumers' tree shaking), which a
    // script-tag bundle has no use for (measured: 11% more gzipped bytes).
    rollupOptions: {
      input: { 'shequ-kit': 'src/drop-in/loader.ts', sdk: 'src/drop-in/sdk.ts' },
      // Keep the entries' exports for `import … from` the CDN files.
      preserveEntrySignatures: 'allow-extension',
      // Everything inlined: no externals.
      external: [],
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // A group takes only the modules it names, not what they import (Rolldown's default
        // would pull Lit into `virtualizer`); strict order keeps chunks split that way correct.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            // Named groups first: a page in zh-CN must never fetch English with its shared code.
            ...LATER.map(([name, test]) => ({ name, test, priority: 1 })),
            { name: 'shared', minShareCount: SHARED_BY },
            { name: 'form-parts', test: FORM_PARTS },
            { name: featureModel },
          ],
        },
        strictExecutionOrder: true,
      },
    },
  },
});
