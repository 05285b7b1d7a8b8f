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
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

const outdir = process.env.CEM_OUTDIR ?? '.';

/** Element folder name for a tag: `sq-community-picker` → `community-picker`. */
const folderOf = (tag) => String(tag ?? '').replace(/^sq-/, '');

/**
 * Keeps the manifest about the public surface: drops private/#private members and the static
 * `styles` field, and orders modules by path so the output does not depend on glob order.
 */
function publicSurfacePlugin() {
  // Static fields (tagName, styles, formAssociated, shadowRootOptions…) are plumbing, not API;
  // static methods such as `define()` stay.
  const isPublic = (member) =>
    member.privacy !== 'private' &&
    !String(member.name).startsWith('#') &&
    !(member.static && member.kind === 'field');
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

/**
 * Our classes carry their tag as `static tagName = 'sq-…'` and are registered by
 * `src/define/<name>.ts` through a helper, which the analyzer cannot follow. This reads the
 * static field (or a `@tagname` JSDoc tag, which wins) and marks the class as a custom element.
 */
function staticTagNamePlugin() {
  const tags = new Map(); // module path -> Map(className -> tag)
  return {
    name: 'shequ-kit-static-tag-name',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (
          isStatic &&
          ts.isPropertyDeclaration(member) &&
          member.name.getText() === 'tagName' &&
          member.initializer &&
          ts.isStringLiteralLike(member.initializer) &&
          member.initializer.text.includes('-')
        ) {
          if (!tags.has(moduleDoc.path)) tags.set(moduleDoc.path, new Map());
          tags.get(moduleDoc.path).set(node.name.getText(), member.initializer.text);
        }
      }
    },
    moduleLinkPhase({ moduleDoc }) {
      const found = tags.get(moduleDoc.path);
      if (!found) return;
      for (const decl of moduleDoc.declarations ?? []) {
        const tag = found.get(decl.name);
        if (!tag) continue;
        decl.tagName ??= tag;
        decl.customElement = true;
        // The tag field itself is not a public property worth a control or a JSX prop.
        if (Array.isArray(decl.members)) {
          decl.members = decl.members.filter((m) => !(m.static && m.name === 'tagName'));
        }
      }
    },
  };
}

/**
 * JSX types (custom-element-jsx-integration) from a copy of the manifest in which event types
 * the element's entry point does not export (e.g. the DOM's own `Event` for native `input`/
 * `change`) are dropped: the generator imports every event type name from that entry point, and
 * an import of a name it does not export would break the .d.ts.
 */
function jsxTypesPlugin(options) {
  return {
    name: 'shequ-kit-jsx-types',
    packageLinkPhase({ customElementsManifest }) {
      const manifest = structuredClone(customElementsManifest);
      const byPath = new Map(manifest.modules.map((m) => [m.path, m]));
      const exportedBy = (path, seen = new Set()) => {
        const names = new Set();
        const mod = byPath.get(path);
        if (!mod || seen.has(path)) return names;
        seen.add(path);
        for (const ex of mod.exports ?? []) {
          if (ex.name === '*' && ex.declaration?.module) {
            const target = join(path, '..', ex.declaration.module).replace(/\.js$/, '.ts');
            for (const n of exportedBy(target, seen)) names.add(n);
          } else {
            names.add(ex.name);
          }
        }
        return names;
      };
      for (const mod of manifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.tagName) continue;
          const entry = `src/elements/${folderOf(decl.tagName)}.ts`;
          const exported = exportedBy(entry);
          for (const event of decl.events ?? []) {
            const text = event.type?.text;
            if (text && /^[A-Za-z_$][\w$]*$/.test(text) && !exported.has(text)) delete event.type;
          }
        }
      }
      generateJsxTypes(manifest, options);
    },
  };
}

/** @type {import('@custom-elements-manifest/analyzer').Config} */
export default {
  // The element kit (base class) and every feature's elements; src/elements/<name>.ts are the
  // public entry points (`shequ-kit/elements/<name>`).
  globs: ['src/ui/*.ts', 'src/elements/*.ts', 'src/features/*/elements/**/*.ts'],
  exclude: ['**/*.styles.ts', '**/*.test.ts', '**/*.stories.ts', '**/*.d.ts'],
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
    staticTagNamePlugin(),
    publicSurfacePlugin(),
    jsxTypesPlugin({
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
