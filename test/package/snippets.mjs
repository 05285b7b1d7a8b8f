// Code blocks of the documentation (docs/**/*.md and README.md): what the docs tests run.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from './packed.mjs';

function markdownFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** Every fenced block: { where: 'docs/x.md:12', lang, code }. */
export function snippets() {
  const files = [...markdownFiles(join(root, 'docs')), join(root, 'README.md')].sort();
  return files.flatMap((file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const found = [];
    for (let i = 0; i < lines.length; i++) {
      const open = /^```(\S*)\s*$/.exec(lines[i]);
      if (!open) continue;
      const start = i;
      const body = [];
      for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
      found.push({
        where: `${relative(root, file)}:${start + 1}`,
        lang: open[1] || 'text',
        code: `${body.join('\n')}\n`,
      });
    }
    return found;
  });
}

/**
 * The one block of `lang` in `file` (relative to the root) that includes `text`, for a test
 * that builds it.
 */
export function snippet(file, lang, text = '') {
  const matching = snippets().filter(
    (s) => s.where.startsWith(`${file}:`) && s.lang === lang && s.code.includes(text),
  );
  if (matching.length !== 1)
    throw new Error(`${file}: ${matching.length} \`${lang}\` blocks, expected 1`);
  return matching[0];
}
