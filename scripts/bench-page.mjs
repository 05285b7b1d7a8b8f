// The harness the rendering benchmarks share (scripts/bench-form.mjs, bench-wall.mjs,
// bench-calendar.mjs): build a benchmark page with esbuild, minified as in production (our
// templates too: scripts/literals.mjs), serve it on 127.0.0.1, open it in one headless Chromium
// and return what its `window.bench()` measured. The in-page helpers (a task tick, a frame,
// medians) are scripts/bench-page/browser.ts.
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROME_FLAGS, findChrome } from './find-chrome.mjs';
import { esbuildLiterals } from './literals.mjs';
import { serve } from './screenshots.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds `scripts/<name>/harness.ts` into node_modules/.cache/<name>, with its index.html. */
async function buildPage(name) {
  const out = join(root, 'node_modules/.cache', name);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: [join(root, 'scripts', name, 'harness.ts')],
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    target: 'es2021',
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production', 'module'],
    outdir: out,
    tsconfig: join(root, 'tsconfig.json'),
    plugins: [esbuildLiterals],
    logLevel: 'warning',
  });
  await writeFile(
    join(out, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">' +
      '<style>body{margin:0;padding:16px}</style></head>' +
      '<body><div id="root"></div><script type="module" src="./harness.js"></script></body></html>',
  );
  return out;
}

/**
 * Builds and opens the page of `scripts/<name>/harness.ts` and returns `await window.bench()`.
 * Options: `viewport` ({ width, height }), `ignore` (page errors whose message includes it are
 * not printed), `console` (print the page's console, prefixed), `timeoutMs` (protocol timeout).
 */
export async function runBench(name, options = {}) {
  const out = await buildPage(name);
  // Cross-origin isolated, so performance.now() counts in 5 µs steps, not 100 µs: one form's
  // build is a few ms, where 100 µs steps made each pair's ratio move by 2–3 % a step.
  const server = await serve(out, {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
  });
  const browser = await puppeteer.launch({
    executablePath: findChrome(),
    args: [...CHROME_FLAGS],
    protocolTimeout: options.timeoutMs ?? 15 * 60_000,
  });
  try {
    const page = await browser.newPage();
    await page.setViewport(options.viewport ?? { width: 800, height: 800 });
    if (options.console)
      page.on('console', (message) => console.error(`  page: ${message.text()}`));
    page.on('pageerror', (error) => {
      if (!options.ignore || !String(error.message).includes(options.ignore)) console.error(error);
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof window.bench === 'function');
    if (!(await page.evaluate(() => crossOriginIsolated)))
      console.error('bench: the page is not cross-origin isolated: timers count in 100 µs steps');
    return await page.evaluate(() => window.bench());
  } finally {
    await browser.close();
    server.close();
  }
}

/** `12.34 ms` (`digits` after the point). */
export const ms = (n, digits = 2) => `${n.toFixed(digits)} ms`;

/** Prints rows of cells as columns (the last cell unpadded). */
export function printTable(rows) {
  const columns = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: columns - 1 }, (_, i) =>
    Math.max(...rows.map((row) => (row[i] ?? '').length)),
  );
  for (const row of rows) {
    console.log(
      row
        .map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]) : cell))
        .join('  ')
        .trimEnd(),
    );
  }
}
