// Minifies Lit's templates: the CSS inside css`…` (comments and layout whitespace go, strings and
// `${…}` stay as written) and the layout whitespace of html`…`/svg`…`. One function for every
// build that ships element code: the drop-in (Vite plugin), dist/ after tsc
// (`node scripts/literals.mjs dist`), and `npm run size` (esbuild plugin), so what is measured is
// what is shipped.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** CSS code with no strings and no comments in it: layout whitespace out. */
const squeeze = (code) =>
  code
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/;}/g, '}')
    .replace(/: /g, ':')
    .replace(/(^|[^\w.-])0\.(\d)/g, '$1.$2');

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
    else if (
      /=\s*$/.test(code) &&
      /^\s*\]/.test(parts[i + 1]) &&
      /^.-?[A-Za-z_][\w-]*.$/.test(part)
    ) {
      // An attribute selector's value that is an identifier needs no quotes: [a='b'] → [a=b].
      code += part.slice(1, -1);
    } else {
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
  // `css` must be the whole identifier (not `blocss\``); tsc writes `css \`` in dist/.
  const tag = /(?<![\w$])css\s*`/g;
  for (;;) {
    tag.lastIndex = i;
    const found = tag.exec(source);
    if (!found) return out + source.slice(i);
    const open = found.index + found[0].length;
    out += source.slice(i, open);
    let j = open;
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

/** Tags whose boxes are blocks by default (and <br>, which ends a line). */
const BLOCK = new Set(
  (
    'address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hr legend li main nav ol optgroup option p section ' +
    'summary table tbody td tfoot th thead tr ul'
  ).split(' '),
);

/**
 * Tags whose content starts and ends its own lines though the tag itself sits in a line (a
 * button is inline-block; a select renders only its options): a run just inside them renders
 * nothing, a run outside them may be the space between two words.
 */
const INSIDE = new Set(['button', 'select']);

/**
 * One run of whitespace that holds a line break (the source's indentation): nothing where it
 * touches the tag of a block (an opening or closing tag right before or after it), else one
 * space. HTML renders nothing for such a run anyway: it falls at the start or end of a line
 * (or in a flex or grid container, which drops it), so the browser would only make a text node
 * of it and lay it out, a third of a form's nodes. Elsewhere one space is what it renders
 * (white-space: normal). A block tag styled inline-level (`display: inline-block`) renders the
 * space on its outer side: keep it beside a block or put the space in as text.
 */
function layoutWhitespace(text) {
  return text.replace(/[ \t\r]*\n\s*/g, (run, at) => {
    const next = /^<(\/?)([a-zA-Z][\w-]*)/.exec(text.slice(at + run.length, at + run.length + 40));
    if (
      next &&
      (BLOCK.has(next[2].toLowerCase()) || (next[1] && INSIDE.has(next[2].toLowerCase())))
    )
      return '';
    const before = text.slice(0, at);
    const prev = /^<(\/?)([a-zA-Z][\w-]*)[^<>]*>$/.exec(before.slice(before.lastIndexOf('<')));
    return prev &&
      (BLOCK.has(prev[2].toLowerCase()) || (!prev[1] && INSIDE.has(prev[2].toLowerCase())))
      ? ''
      : ' ';
  });
}

/**
 * The static text of every html`…` and svg`…` template with its layout whitespace minified
 * (layoutWhitespace); where an element keeps line breaks (pre-wrap, pre-line) the text is
 * always a `${…}`, never the template's own. Templates are found by parsing, so strings,
 * comments and nested templates in `${…}` are told apart.
 */
export function minifyHtmlLiterals(source, fileName = 'x.ts') {
  if (!/\b(?:html|svg)\s*`/.test(source)) return source;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false);
  /** [from, to) of each template's static text, in source order. */
  const ranges = [];
  const visit = (node) => {
    if (
      ts.isTaggedTemplateExpression(node) &&
      ts.isIdentifier(node.tag) &&
      (node.tag.text === 'html' || node.tag.text === 'svg')
    ) {
      const t = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(t)
        ? [t]
        : [t.head, ...t.templateSpans.map((s) => s.literal)];
      for (const part of parts) {
        const start = part.getStart(file);
        // ` or } opens a part; ` or ${ closes it.
        const close = source[part.end - 1] === '`' ? 1 : 2;
        ranges.push([start + 1, part.end - close]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, to] of ranges) {
    out += source.slice(at, from) + layoutWhitespace(source.slice(from, to));
    at = to;
  }
  return out + source.slice(at);
}

/** Both: what every build applies to a module. */
export const minifyLiterals = (source, fileName) =>
  minifyHtmlLiterals(minifyCssLiterals(source), fileName);

/**
 * Our sources: the element kit (src/ui) and the elements (src/features/<feature>/elements) hold
 * the css`` templates since the feature folders; src/elements/ is only their public entries. Every
 * source file, like dist/ (below): anything but a css`` template is left as written.
 */
const SOURCES = /[\\/]src[\\/].*\.ts$/;

/** esbuild plugin: our sources with their templates minified. */
export const esbuildLiterals = {
  name: 'shequ-kit-literals',
  setup(build) {
    build.onLoad({ filter: SOURCES }, (args) => ({
      contents: minifyLiterals(readFileSync(args.path, 'utf8'), args.path),
      loader: 'ts',
    }));
  },
};

/** Vite (Rolldown) plugin: the same for the drop-in bundle. */
export const viteLiterals = {
  name: 'shequ-kit-literals',
  transform(code, id) {
    if (!SOURCES.test(id)) return null;
    return { code: minifyLiterals(code, id), map: null };
  },
};

// `node scripts/literals.mjs <dir>`: minify every .js file under dir in place (dist/).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const walk = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : path.endsWith('.js') ? [path] : [];
    });
  let changed = 0;
  for (const file of walk(process.argv[2] ?? 'dist')) {
    const source = readFileSync(file, 'utf8');
    const minified = minifyLiterals(source, file);
    if (minified !== source) {
      writeFileSync(file, minified);
      changed++;
    }
  }
  console.log(`literals: minified the templates of ${changed} file(s)`);
}
