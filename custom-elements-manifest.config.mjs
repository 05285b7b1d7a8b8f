// Custom Elements Manifest analyzer config (`npm run analyze`).
//
// Outputs (all generated from the JSDoc on the element classes, all committed):
//   custom-elements.json          the manifest (module paths point at src/)
//   types/jsx.d.ts                React 19 JSX types (scripts/framework-types.mjs)
//   types/vue.d.ts                Vue 3 GlobalComponents types (same generator)
//   vscode.html-custom-data.json  VS Code HTML custom data (tags, attributes, docs)
//   vscode.css-custom-data.json   VS Code CSS custom data (--sq-* properties, ::part names)
//
// `npm run analyze:check` sets CEM_OUTDIR to a temporary directory and compares the results
// with the files in the tree, so the tracked files are never rewritten by a check.
import { join } from 'node:path';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { frameworkTypesPlugin } from './scripts/framework-types.mjs';

const outdir = process.env.CEM_OUTDIR ?? '.';

/**
 * Keeps the manifest about the public surface: drops private, protected and #private members and the static
 * `styles` field, and orders modules by path so the output does not depend on glob order.
 */
function publicSurfacePlugin() {
  // Static fields (tagName, styles, formAssociated, shadowRootOptions…) are plumbing, not API;
  // static methods such as `define()` stay.
  // Protected members (emit, the provider's provided* fields) are for subclasses, not users:
  // no control, no JSX prop.
  const isPublic = (member) =>
    member.privacy !== 'private' &&
    member.privacy !== 'protected' &&
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
 * VS Code custom data, with each event's class in its description (`sq-submitted` -
 * `SqSubmittedEvent`: …): the generator prints an event's name and description only.
 */
function vsCodeDataPlugin(options) {
  const plugin = customElementVsCodePlugin(options);
  return {
    ...plugin,
    packageLinkPhase({ customElementsManifest, ...rest }) {
      const manifest = structuredClone(customElementsManifest);
      for (const mod of manifest.modules) {
        for (const decl of mod.declarations ?? []) {
          for (const event of decl.events ?? []) {
            if (event.type?.text) {
              event.description = `\`${event.type.text}\`${event.description ? `: ${event.description}` : ''}`;
            }
          }
        }
      }
      return plugin.packageLinkPhase({ customElementsManifest: manifest, ...rest });
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
    frameworkTypesPlugin({ outdir: join(outdir, 'types') }),
    vsCodeDataPlugin({
      outdir,
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      hideLogs: true,
    }),
  ],
};
