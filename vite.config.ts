// The drop-in CDN bundle: `dist/cdn/shequ-kit.js` registers every element; Lit and every other
// dependency is inlined. Code loaded with dynamic import() (the embedded transport) becomes
// chunks next to it. Runs after `tsc -p tsconfig.build.json`, which writes the rest of dist/,
// so only dist/cdn is emptied here.
import { defineConfig } from 'vite';

export default defineConfig({
  // The library has no public/ folder; never copy one into dist/cdn.
  publicDir: false,
  define: {
    // Lit, i18next and friends check this; a browser has no `process`.
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  build: {
    target: 'es2021',
    outDir: 'dist/cdn',
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    copyPublicDir: false,
    reportCompressedSize: true,
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'shequ-kit.js',
    },
    rollupOptions: {
      // Everything inlined: no externals.
      external: [],
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
