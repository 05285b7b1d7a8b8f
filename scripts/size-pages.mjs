// How the size scripts build a page from our sources (scripts/size.mjs for bytes,
// scripts/size-requests.mjs for requests): esbuild, minified, ES2021, as shipped.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildLiterals } from './literals.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export const esbuildPageOptions = {
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
  plugins: [esbuildLiterals],
  metafile: true,
  write: false,
  logLevel: 'silent',
};
