// Minifies the CSS inside Lit's css`…` templates: comments and layout whitespace go, strings and
// `${…}` stay as written. One function for every build that ships element code: the drop-in
// (Vite plugin), dist/ after tsc (`node scripts/css-literals.mjs dist`), and `npm run size`
// (esbuild plugin), so what is measured is what is shipped.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

/** CSS code with no strings and no comments in it: layout whitespace out. */
const squeeze = (code) =>
  code
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/;}/g, '}');

/**
 * Minifies one run of CSS text (no `${}` inside). Quoted strings are kept verbatim. Runs next to
 * a `${}` keep one space at that end (it may be a descendant combinator).
 */
function minifyCss(text, first, last) {
  // Comments and strings are found in one pass, left to right: a quote inside a comment
  // ("a service's team") starts no string, and a comment inside a string stays as written.
  const parts = text.split(/(\/\*[\s\S]*?\*\/|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/);
  let out = '';
  let code = '';
  parts.forEach((part, i) => {
    if (i % 2 === 0) code += part;
    else if (part.startsWith('/*')) code += ' ';
    else {
      out += squeeze(code) + part;
      code = '';
    }
  });
  out += squeeze(code);
  if (first) out = out.replace(/^ /, '');
  if (last) out = out.replace(/ $/, '');
  return out;
}

/** Every css`…` template in a JS/TS source, minified; anything else untouched. */
export function minifyCssLiterals(source) {
  let out = '';
  let i = 0;
  for (;;) {
    const start = source.indexOf('css`', i);
    if (start === -1) return out + source.slice(i);
    // `css` must be the whole identifier (not `blocss\``).
    if (start > 0 && /[\w$]/.test(source[start - 1])) {
      out += source.slice(i, start + 4);
      i = start + 4;
      continue;
    }
    out += source.slice(i, start + 4);
    let j = start + 4;
    let text = '';
    let first = true;
    while (j < source.length && source[j] !== '`') {
      if (source[j] === '\\') {
        text += source.slice(j, j + 2);
        j += 2;
      } else if (source[j] === '$' && source[j + 1] === '{') {
        out += minifyCss(text, first, false);
        text = '';
        first = false;
        let depth = 0;
        const from = j;
        j++; // at the `{`
        do {
          if (source[j] === '{') depth++;
          else if (source[j] === '}') depth--;
          j++;
        } while (depth > 0 && j < source.length);
        out += source.slice(from, j);
      } else {
        text += source[j++];
      }
    }
    out += minifyCss(text, first, true) + '`';
    i = j + 1;
  }
}

/**
 * Our sources: the element kit (src/ui) and the elements (src/features/<feature>/elements) hold
 * the css`` templates since the feature folders; src/elements/ is only their public entries. Every
 * source file, like dist/ (below): anything but a css`` template is left as written.
 */
const SOURCES = /[\\/]src[\\/].*\.ts$/;

/** esbuild plugin: our sources with their CSS minified. */
export const esbuildCssLiterals = {
  name: 'shequ-kit-css-literals',
  setup(build) {
    build.onLoad({ filter: SOURCES }, (args) => ({
      contents: minifyCssLiterals(readFileSync(args.path, 'utf8')),
      loader: 'ts',
    }));
  },
};

/** Vite (Rolldown) plugin: the same for the drop-in bundle. */
export const viteCssLiterals = {
  name: 'shequ-kit-css-literals',
  transform(code, id) {
    if (!SOURCES.test(id)) return null;
    return { code: minifyCssLiterals(code), map: null };
  },
};

// `node scripts/css-literals.mjs <dir>`: minify every .js file under dir in place (dist/).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const walk = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : path.endsWith('.js') ? [path] : [];
    });
  let changed = 0;
  for (const file of walk(process.argv[2] ?? 'dist')) {
    const source = readFileSync(file, 'utf8');
    const minified = minifyCssLiterals(source);
    if (minified !== source) {
      writeFileSync(file, minified);
      changed++;
    }
  }
  console.log(`css-literals: minified the CSS of ${changed} file(s)`);
}
