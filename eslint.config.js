// ESLint flat config. `npm run lint` checks rules only; formatting is Prettier's job
// (`npm run format`), so a formatting difference never fails lint.
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------
// Security and size bans (DESIGN.md: user text is rendered as text, strict CSP, zod/mini only)
// ---------------------------------------------------------------------------------------------

const unsafeDirective =
  'renders a string as markup/CSS. User text must be rendered as text (DESIGN.md: security).';

/** no-restricted-imports entries that apply everywhere. */
const commonImportBans = {
  paths: [
    {
      name: 'zod',
      message: "Import from 'zod/mini' (`import * as z from 'zod/mini'`): 'zod' pulls ~90 kB.",
    },
  ],
  patterns: [
    {
      group: ['zod/*', '!zod/mini'],
      message: "Only 'zod/mini' is allowed (`import * as z from 'zod/mini'`).",
    },
    {
      group: [
        '**/directives/unsafe-html*',
        '**/directives/unsafe-svg*',
        '**/directives/unsafe-mathml*',
      ],
      message: `unsafeHTML/unsafeSVG/unsafeMathML ${unsafeDirective}`,
    },
  ],
};

/** Browser-side code never reaches Node built-ins or the server. */
const browserSideImportBans = {
  paths: builtinModules
    .filter((name) => !name.startsWith('_'))
    .map((name) => ({
      name,
      message: 'Browser-side code (domain, elements, sdk, services) must not use Node built-ins.',
    })),
  patterns: [
    {
      group: ['node:*'],
      message: 'Browser-side code (domain, elements, sdk, services) must not use Node built-ins.',
    },
    {
      regex: String.raw`^\.{1,2}/(?:\.\./)*server(?:/|\.js$|$)`,
      message: 'Nothing browser-side imports src/server (DESIGN.md: architecture).',
    },
  ],
};

/** Stores never import server code (DESIGN.md): the server imports the stores. */
const storesImportBans = {
  paths: [],
  patterns: [
    {
      regex: String.raw`^\.{1,2}/(?:\.\./)*server(?:/|\.js$|$)`,
      message: 'src/stores never imports src/server (DESIGN.md: architecture).',
    },
  ],
};

/** src/domain is the bottom layer: it imports nothing else of ours. */
const domainImportBans = {
  paths: [],
  patterns: [
    {
      regex: String.raw`^\.{1,2}/(?:\.\./)*(?:elements|sdk|services|stores|server|locales|define|index)(?:/|\.js$|$)`,
      message: 'src/domain imports nothing of ours outside src/domain (DESIGN.md: architecture).',
    },
  ],
};

/**
 * Model, machine, rules and contract files of a feature: schemas and pure rules, run in the
 * page and on the server alike. No I/O, no DOM: nothing of the SDK, stores, server or element
 * kit, no services at run time.
 */
const pureImportBans = {
  paths: [],
  patterns: [
    {
      regex: String.raw`(?:^|/)(?:sdk|stores|server|ui|elements|define|locales)(?:/|\.js$|$)|^(?:lit|@lit|idb|hono|postgres|@electric-sql)`,
      message:
        'Model, machine, rules and contract files import no I/O and no DOM (DESIGN.md: architecture).',
    },
    {
      regex: String.raw`(?:^|/)(?:services/|service\.js$|repos/|demo\.js$)`,
      allowTypeImports: true,
      message: 'Model, machine, rules and contract files do not run services.',
    },
  ],
};
const pureGlobals = [
  'document',
  'window',
  'fetch',
  'indexedDB',
  'localStorage',
  'sessionStorage',
  'navigator',
  'XMLHttpRequest',
].map((name) => ({
  name,
  message: 'Model, machine, rules and contract files do no I/O and touch no DOM.',
}));

/** The features (folders of src/features), for rules that keep them apart. */
const featureNames = readdirSync(new URL('./src/features/', import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * Elements use the element kit, the SDK, their own feature and the core feature (communities,
 * the picker): never services, stores, the server, nor another feature's code.
 */
const elementImportBans = (feature) => ({
  paths: [],
  patterns: [
    {
      regex: String.raw`(?:^|/)(?:stores|server|repos)(?:/|\.js$|$)|(?:^|/)(?:service|demo)\.js$`,
      message:
        'Elements import only the element kit (src/ui), the SDK and their feature (DESIGN.md: architecture).',
    },
    {
      regex: String.raw`(?:^|/)services/`,
      allowTypeImports: true,
      message: 'Elements reach services through the SDK, never directly.',
    },
    ...featureNames
      .filter((other) => other !== feature && other !== 'core')
      .map((other) => ({
        regex: String.raw`(?:^|/)features/${other}/|^\.\./\.\./\.\./${other}/`,
        message: `An element of ${feature} does not import the ${other} feature.`,
      })),
  ],
});

const importBans = (...sets) => [
  'error',
  {
    paths: sets.flatMap((s) => s.paths),
    patterns: sets.flatMap((s) => s.patterns),
  },
];

const syntaxBans = [
  {
    selector: 'ImportSpecifier[imported.name=/^unsafe(HTML|SVG|MathML|Static|CSS)$/]',
    message: `unsafeHTML/unsafeSVG/unsafeMathML/unsafeStatic/unsafeCSS ${unsafeDirective}`,
  },
  {
    selector:
      'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'No innerHTML/outerHTML assignment: render with lit templates (text stays text).',
  },
  {
    selector:
      'CallExpression > MemberExpression.callee[property.name=/^(insertAdjacentHTML|setHTMLUnsafe|createContextualFragment)$/]',
    message: 'No HTML-string insertion: render with lit templates (text stays text).',
  },
  {
    selector:
      "CallExpression > MemberExpression.callee[object.name='document'][property.name=/^(write|writeln)$/]",
    message: 'No document.write.',
  },
];

/** Code that ships to browsers is size-checked: keep zod/mini tree-shakeable. */
const bundledSyntaxBans = [
  {
    selector:
      "ImportDeclaration[source.value='zod/mini'][importKind!='type'] > ImportSpecifier[imported.name='z'][importKind!='type']",
    message:
      "Use `import * as z from 'zod/mini'`: a named `z` import defeats tree shaking in esbuild (85 kB instead of 4 kB gzip).",
  },
  {
    selector: 'PrivateIdentifier',
    message:
      'Use TypeScript `private x`, not `#x`: our ES2021 target lowers #x to WeakMap helpers (2 kB gz in the drop-in).',
  },
];

// ---------------------------------------------------------------------------------------------
// Local rule: no inline `style` attributes in lit templates (strict CSP: style-src without
// 'unsafe-inline' blocks them). Static `style="…"` and `style="${…}"` are reported; a bound
// `style=${styleMap(…)}` is allowed because styleMap writes through the CSSOM, which CSP allows.
// ---------------------------------------------------------------------------------------------

const STYLE_ATTR = /(^|[\s"'/])style\s*=\s*(["']?)/gi;

const noInlineStyle = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow inline style attributes in lit html/svg templates (CSP).' },
    messages: {
      inline:
        'No inline style attribute in templates: strict CSP blocks it. Use classes, custom properties in the element styles, or styleMap().',
    },
    schema: [],
  },
  create(context) {
    return {
      TaggedTemplateExpression(node) {
        const tag = node.tag;
        const name =
          tag.type === 'Identifier'
            ? tag.name
            : tag.type === 'MemberExpression'
              ? tag.property.name
              : '';
        if (name !== 'html' && name !== 'svg') return;
        const { quasis, expressions } = node.quasi;
        quasis.forEach((quasi, i) => {
          const raw = quasi.value.raw;
          for (const match of raw.matchAll(STYLE_ATTR)) {
            const end = match.index + match[0].length;
            const unquotedBinding = end === raw.length && match[2] === '' && i < quasis.length - 1;
            if (unquotedBinding) {
              const expr = expressions[i];
              const callee = expr?.type === 'CallExpression' ? expr.callee : undefined;
              if (callee?.type === 'Identifier' && callee.name === 'styleMap') continue;
            }
            context.report({ node: quasi, messageId: 'inline' });
          }
        });
      },
    };
  },
};

const local = { rules: { 'no-inline-style': noInlineStyle } };

// ---------------------------------------------------------------------------------------------

const BROWSER_SIDE = [
  'src/domain/**/*.ts',
  'src/elements/**/*.ts',
  'src/features/**/*.ts',
  'src/ui/**/*.ts',
  'src/locales/**/*.ts',
  'src/define/**/*.ts',
  'src/stores/memory.ts',
  'src/stores/memory-core.ts',
  'src/stores/features.ts',
  'src/stores/idb.ts',
  'src/sdk/**/*.ts',
  'src/services/**/*.ts',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'storybook-static/**',
      'node_modules/**',
      'coverage/**',
      'custom-elements.json',
      'types/jsx.d.ts',
      'vscode.*-custom-data.json',
      '**/*.generated.ts',
      '.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { local },
    rules: {
      'no-restricted-imports': importBans(commonImportBans),
      'no-restricted-syntax': ['error', ...syntaxBans],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  // Lit templates and custom elements: sources, stories and browser tests.
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts', '.storybook/**/*.ts'],
    ...lit.configs['flat/recommended'],
    rules: {
      ...lit.configs['flat/recommended'].rules,
      'lit/no-legacy-imports': 'error',
      'lit/no-template-bind': 'error',
      'lit/no-useless-template-literals': 'error',
      'local/no-inline-style': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/recommended'],
    settings: { wc: { elementBaseClasses: ['LitElement', 'SqElement'] } },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/server/**'],
    rules: { 'no-restricted-syntax': ['error', ...syntaxBans, ...bundledSyntaxBans] },
  },
  // Layering (DESIGN.md: imports flow one way).
  {
    files: BROWSER_SIDE,
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': importBans(commonImportBans, browserSideImportBans) },
  },
  {
    files: ['src/stores/**/*.ts'],
    ignores: BROWSER_SIDE,
    rules: { 'no-restricted-imports': importBans(commonImportBans, storesImportBans) },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': importBans(
        commonImportBans,
        browserSideImportBans,
        domainImportBans,
      ),
    },
  },
  {
    files: [
      'src/features/*/{model,views,machine,rules,contract,catalogues,auth-model}.ts',
      'src/features/*/model/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': importBans(commonImportBans, browserSideImportBans, pureImportBans),
      'no-restricted-globals': ['error', ...pureGlobals],
    },
  },
  ...featureNames.map((feature) => ({
    files: [`src/features/${feature}/elements/**/*.ts`],
    rules: {
      'no-restricted-imports': importBans(
        commonImportBans,
        browserSideImportBans,
        elementImportBans(feature),
      ),
    },
  })),
  // Tests may reach into internals.
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'warn' },
  },
  // Tooling and config files run in Node.
  {
    files: ['scripts/**/*.{js,mjs,ts}', '*.{js,mjs,cjs,ts}', '.storybook/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
