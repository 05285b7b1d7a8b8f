// Benchmark of <sq-wish-wall> (not a timed test: it prints, and says which goals were missed).
// In one headless Chromium run (DESIGN.md, budgets):
//   - first render of a 10,000-wish wall vs a 100-wish wall (goal: ratio ≤ 1.5×),
//   - DOM nodes on the 10,000 wall (goal: ≤ 800),
//   - re-render time of one card change on the 10,000 wall (goal: ≤ 16 ms).
//
//   node scripts/bench-wall.mjs          (npm run bench:wall)
//
// The wall is fed through a real client: the embedded transport on a memory store seeded with
// 10,000 generated wishes; the cards are read with `client.wishes.list` (keyset pages of 100)
// and given to the wall through its `items` property (see scripts/bench-wall/harness.ts).
// Built with esbuild like scripts/screenshots.mjs, minified as in production.
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROME_FLAGS, findChrome } from './find-chrome.mjs';
import { serve } from './screenshots.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'node_modules/.cache/bench-wall');

const GOALS = { ratio: 1.5, nodes: 800, cardChangeMs: 16 };

async function buildHarness() {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: [join(root, 'scripts/bench-wall/harness.ts')],
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    target: 'es2021',
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production', 'module'],
    outdir: out,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  await writeFile(
    join(out, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">' +
      '<style>body{margin:0;padding:16px}</style></head>' +
      '<body><div id="root"></div><script type="module" src="./harness.js"></script></body></html>',
  );
}

const ms = (n) => `${n.toFixed(1)} ms`;
const verdict = (ok) => (ok ? 'OK' : 'OVER GOAL');

async function main() {
  await buildHarness();
  const server = await serve(out);
  const browser = await puppeteer.launch({
    executablePath: findChrome(),
    args: [...CHROME_FLAGS],
    protocolTimeout: 15 * 60_000,
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    page.on('console', (message) => console.error(`  page: ${message.text()}`));
    page.on('pageerror', (error) => {
      // The virtualizer's ResizeObserver notice is harmless (lit/lit#3154).
      if (!String(error.message).includes('ResizeObserver loop')) console.error(error);
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof window.bench === 'function');
    const r = await page.evaluate(() => window.bench());
    const ratio = r.firstRender10k / r.firstRender100;
    const rows = [
      ['cards fetched through client.wishes.list (100 pages)', String(r.cards), ms(r.fetchMs), ''],
      ['first render, 100-wish wall (median of 7)', ms(r.firstRender100), '', ''],
      ['first render, 10,000-wish wall (median of 7)', ms(r.firstRender10k), '', ''],
      [
        'ratio 10,000 / 100',
        `${ratio.toFixed(2)}×`,
        `goal ≤ ${GOALS.ratio}×`,
        verdict(ratio <= GOALS.ratio),
      ],
      [
        'DOM on the 10,000 wall: elements (all nodes)',
        `${r.dom.elements} (${r.dom.nodes})`,
        `goal ≤ ${GOALS.nodes}`,
        verdict(r.dom.elements <= GOALS.nodes),
      ],
      ['cards in the DOM / virtualized', `${r.rendered} / ${r.virtualized}`, '', ''],
      [
        'one card change on the 10,000 wall (median of 15; max)',
        `${ms(r.cardChange)}; ${ms(r.cardChangeMax)}`,
        `goal ≤ ${GOALS.cardChangeMs} ms`,
        verdict(r.cardChange <= GOALS.cardChangeMs),
      ],
    ];
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length)));
    console.log('<sq-wish-wall> benchmark (headless Chromium, 1280×800)\n');
    for (const row of rows) {
      console.log(
        row
          .map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell))
          .join('  ')
          .trimEnd(),
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
