// Development server for demo/ with hot reload (`npm start` serves the built bundle instead):
//   npx vite --config vite.demo.config.ts   (with `npm start` running, for the API)
// Serves demo/ as the root with hot reload from src/. The page's `/cdn/shequ-kit.js` (the
// drop-in bundle when the reference server serves the demo) maps to the sources here, and
// `/api` is proxied to the reference server (SQ_API, default http://127.0.0.1:8787).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const src = fileURLToPath(new URL('./src/', import.meta.url));
const api = process.env.SQ_API ?? 'http://127.0.0.1:8787';

export default defineConfig({
  root: fileURLToPath(new URL('./demo/', import.meta.url)),
  publicDir: false,
  resolve: {
    alias: [{ find: /^\/cdn\/shequ-kit\.js$/, replacement: `${src}index.ts` }],
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    fs: { allow: [fileURLToPath(new URL('./', import.meta.url))] },
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  build: {
    target: 'es2021',
    outDir: fileURLToPath(new URL('./dist/demo/', import.meta.url)),
    emptyOutDir: true,
  },
});
