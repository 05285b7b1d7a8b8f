// Benchmark of <sq-complaint-form>'s first render (not a timed test: it prints, and says
// whether the goal was met). In one headless Chromium run, alternating iterations, medians:
// the form's first render to a settled DOM, with its community data already in the client,
// against a hand-written vanilla DOM form of the same fields, labels, hints and error slots,
// for 1 and for 20 instances (goal: ≤ 1.5×; DESIGN.md, budgets). See docs/size.md.
//
//   node scripts/bench-form.mjs          (npm run bench:form)
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROME_FLAGS, findChrome } from './find-chrome.mjs';
import { esbuildCssLiterals } from './css-literals.mjs';
import { serve } from './screenshots.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'node_modules/.cache/bench-form');
const GOAL = 1.5;

async function buildHarness() {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: [join(root, 'scripts/bench-form/harness.ts')],
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    target: 'es2021',
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production', 'module'],
    outdir: out,
    tsconfig: join(root, 'tsconfig.json'),
    plugins: [esbuildCssLiterals],
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

const ms = (n) => `${n.toFixed(2)} ms`;

async function main() {
  await buildHarness();
  const server = await serve(out);
  const browser = await puppeteer.launch({ executablePath: findChrome(), args: [...CHROME_FLAGS] });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 800, height: 800 });
    page.on('pageerror', (error) => console.error(error));
    await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof window.bench === 'function');
    const result = await page.evaluate(() => window.bench());
    console.log(
      '<sq-complaint-form> first render to a settled DOM vs vanilla DOM (headless Chromium, medians of 15)\n',
    );
    let missed = false;
    for (const [n, { kit, vanilla }] of Object.entries(result)) {
      const ratio = kit / vanilla;
      missed ||= ratio > GOAL;
      console.log(
        `${String(n).padStart(2)} instance(s): form ${ms(kit).padStart(10)}  vanilla ${ms(vanilla).padStart(10)}  ratio ${ratio.toFixed(2)}×  goal ≤ ${GOAL}×  ${ratio <= GOAL ? 'OK' : 'OVER GOAL'}`,
      );
    }
    if (missed) process.exitCode = 1;
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
