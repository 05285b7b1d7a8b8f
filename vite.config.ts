// The drop-in CDN bundle: `dist/cdn/shequ-kit.js` registers every element; Lit and every other
// dependency is inlined. Code loaded with dynamic import() (the embedded transport) becomes
// chunks next to it. Runs after `tsc -p tsconfig.build.json`, which writes the rest of dist/,
// so only dist/cdn is emptied here.
import { defineConfig } from 'vite';
import { viteCssLiterals } from './scripts/css-literals.mjs';

/**
 * Four chunks instead of fifty: every file is gzipped on its own, and fifty small ones cost
 * 18 kB more than these (measured: 126.4 → 108.2 kB). `core` is what every page runs; the
 * others load when needed: English strings, the embedded transport (no api-base), the
 * virtualizer (a wall past 100 wishes).
 */
function chunkOf(id: string): string {
  if (/\/src\/.*\/locales\/en\//.test(id)) return 'en';
  if (id.includes('/@lit-labs/virtualizer/')) return 'virtualizer';
  // A feature's contract is needed over HTTP too; its services only in the page.
  if (/\/src\/features\/[^/]+\/contract\.ts$/.test(id)) return 'core';
  if (
    /\/src\/(services|stores)\//.test(id) ||
    /\/src\/features\/[^/]+\/(service|metrics|uploads|demo|auth|communities|access)\.ts$/.test(
      id,
    ) ||
    id.includes('/src/sdk/embedded')
  )
    return 'embedded';
  return 'core';
}

export default defineConfig({
  // The library has no public/ folder; never copy one into dist/cdn.
  publicDir: false,
  plugins: [viteCssLiterals],
  define: {
    // Lit, i18next and friends check this; a browser has no `process`.
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  // Chunks are found relative to the bundle, wherever it is hosted.
  base: './',
  build: {
    // No preload helper: it would resolve chunk URLs against the page, not the bundle.
    modulePreload: false,
    target: 'es2021',
    outDir: 'dist/cdn',
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    copyPublicDir: false,
    reportCompressedSize: true,
    // Not lib mode: for an ES lib Vite keeps whitespace (for consumers' tree shaking), which a
    // script-tag bundle has no use for (measured: 11% more gzipped bytes).
    rollupOptions: {
      input: { 'shequ-kit': 'src/index.ts' },
      // Keep the entry's exports (createClient, the classes) for `import … from` the CDN file.
      preserveEntrySignatures: 'strict',
      // Everything inlined: no externals.
      external: [],
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        manualChunks: chunkOf,
      },
    },
  },
});
