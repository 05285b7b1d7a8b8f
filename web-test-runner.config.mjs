// @web/test-runner configuration: browser tests (`test/**/*.browser.test.ts`) in one headless
// Chromium. Run with `npm run test:browser` (add `-- --watch` or `-- --files path` as needed).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { minifyLiterals } from './scripts/literals.mjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CHROME_FLAGS, findChrome } from './scripts/find-chrome.mjs';
import { apiServer } from './scripts/wtr-api-server.mjs';

const rootDir = fileURLToPath(new URL('.', import.meta.url));
const AXE_SHIM = '/__shequ-kit__/axe-core.js';

/**
 * axe-core ships as UMD (CommonJS/AMD/global). Loading its file as a module registers
 * `window.axe`; this shim lets browser tests write `import axe from 'axe-core'`.
 * @open-wc/testing's `expect(el).to.be.accessible()` (chai-a11y-axe) loads it the same way.
 * @type {import('@web/test-runner').TestRunnerPlugin}
 */
const axeCoreShim = {
  name: 'shequ-kit-axe-core-shim',
  resolveImport({ source }) {
    if (source === 'axe-core') return AXE_SHIM;
    return undefined;
  },
  serve(context) {
    if (context.path === AXE_SHIM) {
      return {
        type: 'js',
        body: "import 'axe-core/axe.min.js';\nexport default window.axe;\n",
      };
    }
    return undefined;
  },
};

// One page at a time: with two, the page in the background tab gets throttled timers and no
// focus, and form/focus tests time out (measured: 1 page 7 s, all pass; 2 pages 17 s, 1 timeout).
// A real server (PGlite) behind /api/v1 for end-to-end tests of the elements over HTTP.
const api = apiServer();

const concurrency = Number(process.env.WTR_CONCURRENCY ?? 1);

/**
 * Writes to `$SQ_WTR_RESULT` (JSON) the counts of passed and failed tests and the test files
 * whose page never reported back: the runner's own "did not start" / "did not finish"
 * timeouts, not a failed assertion. scripts/test-browser.mjs runs those once more (seen once
 * in CI: a file that takes 9 s hung for the whole 5 minutes, and passed on its own).
 * @returns {import('@web/test-runner').Reporter}
 */
function resultReporter() {
  /** @param {import('@web/test-runner').TestSuiteResult | undefined} suite */
  const tests = (suite) =>
    suite ? [...suite.tests, ...suite.suites.flatMap((s) => tests(s))] : [];
  return {
    onTestRunFinished({ sessions }) {
      const out = process.env.SQ_WTR_RESULT;
      if (!out) return;
      const all = sessions.flatMap((s) => tests(s.testResults)).filter((t) => !t.skipped);
      const hung = sessions
        .filter((s) =>
          s.errors.some((e) => /^Browser tests did not (start|finish)/.test(e.message)),
        )
        .map((s) => relative(rootDir, s.testFile));
      const failedFiles = sessions
        .filter((s) => !s.passed)
        .map((s) => relative(rootDir, s.testFile));
      writeFileSync(
        out,
        JSON.stringify({
          passed: all.filter((t) => t.passed).length,
          failed: all.filter((t) => !t.passed).length,
          hung: [...new Set(hung)],
          failedFiles: [...new Set(failedFiles)],
        }),
      );
    },
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir,
  files: ['test/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  concurrency,
  concurrentBrowsers: 1,
  staticLogging: true,
  reporters: [defaultReporter(), resultReporter()],
  // The longest file takes ~1 minute under CI's load. A page that never reports back is run
  // again by scripts/test-browser.mjs; waiting longer only made CI slower. (What hung so far:
  // a failed assertion whose value was an element, which the page never finished sending;
  // test/setup/reportable-failures.ts fixes that.)
  testsFinishTimeout: 3 * 60_000,
  browserStartTimeout: 60_000,
  testFramework: {
    config: { timeout: 10_000, ui: 'bdd' },
  },
  // A failed assertion about an element reports its markup instead of hanging the page.
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head></head><body><script type="module" src="/test/setup/reportable-failures.ts"></script><script type="module" src="${testFramework}"></script></body></html>`,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        headless: true,
        args: [...CHROME_FLAGS],
      },
    }),
  ],
  middleware: [api.middleware],
  plugins: [
    axeCoreShim,
    api.plugin,
    esbuildPlugin({
      ts: true,
      target: 'es2021',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
    // Our templates as shipped (their layout whitespace minified, scripts/literals.mjs): it
    // decides what is a text node, and so what `:empty` matches.
    {
      name: 'shequ-kit-literals',
      transform(context) {
        if (!context.path.startsWith('/src/') || !context.response.is('js')) return undefined;
        return { body: minifyLiterals(context.body, context.path) };
      },
    },
  ],
  filterBrowserLogs: ({ args }) =>
    !(typeof args[0] === 'string' && args[0].includes('Lit is in dev mode')),
};
