// Custom Elements Manifest analyzer config (`npm run analyze`).
//
// Outputs (all generated from the JSDoc on the element classes, all committed):
//   custom-elements.json          the manifest (module paths point at src/)
//   types/jsx.d.ts                JSX types for React 19 (and Preact/Solid) users
//   vscode.html-custom-data.json  VS Code HTML custom data (tags, attributes, docs)
//   vscode.css-custom-data.json   VS Code CSS custom data (--sq-* properties, ::part names)
//
// `npm run analyze:check` sets CEM_OUTDIR to a temporary directory and compares the results
// with the files in the tree, so the tracked files are never rewritten by a check.
import { join } from 'node:path';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

const outdir = process.env.CEM_OUTDIR ?? '.';

/** Element folder name for a tag: `sq-community-picker` → `community-picker`. */
const folderOf = (tag) => String(tag ?? '').replace(/^sq-/, '');

/**
 * Keeps the manifest about the public surface: drops private/#private members and the static
 * `styles` field, and orders modules by path so the output does not depend on glob order.
 */
function publicSurfacePlugin() {
  const isPublic = (member) =>
    member.privacy !== 'private' &&
    !String(member.name).startsWith('#') &&
    !(member.static && member.name === 'styles');
  return {
    name: 'shequ-kit-public-surface',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (Array.isArray(decl.members)) decl.members = decl.members.filter(isPublic);
        }
      }
    },
  };
}

/** @type {import('@custom-elements-manifest/analyzer').Config} */
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: [
    'src/elements/**/*.styles.ts',
    'src/elements/**/*.test.ts',
    'src/elements/**/*.stories.ts',
    'src/elements/**/*.d.ts',
  ],
  outdir,
  litelement: true,
  packagejson: false,
  dependencies: false,
  // Same files in the same order on every machine (globby's order is not guaranteed).
  overrideModuleCreation({ ts, globs }) {
    return [...globs]
      .sort()
      .map((file) =>
        ts.createSourceFile(file, ts.sys.readFile(file) ?? '', ts.ScriptTarget.ES2021, true),
      );
  },
  plugins: [
    publicSurfacePlugin(),
    customElementJsxPlugin({
      outdir: join(outdir, 'types'),
      fileName: 'jsx.d.ts',
      // Types come from the published element classes (package self-reference), so
      // attribute/property types in JSX match the TypeScript classes exactly.
      componentTypePath: (_name, tag) => `shequ-kit/elements/${folderOf(tag)}`,
      hideLogs: true,
    }),
    customElementVsCodePlugin({
      outdir,
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      hideLogs: true,
    }),
  ],
};
