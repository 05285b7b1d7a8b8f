// `npm run size:requests` (run by `npm run size`): how many requests a page using one element
// makes before it is interactive, in headless Chromium against a real server. Budget
// (DESIGN.md): ≤ 8 requests, one element page over HTTP; the drop-in's pages are held to the
// same. Exits 1 over budget (or over a waived ceiling, see WAIVED).
//
//   page over HTTP <el>   define/provider + define/<el> (what the size rows' page imports) in an
//                         HTML page, <sq-provider api-base="/api/v1" community="xingfuli"><sq-el>,
//                         built as an app is built with Vite (Rolldown): the entry's static
//                         graph in as few chunks as its import()s allow, <link rel=modulepreload>
//                         for them, and a dynamic chunk's imports fetched beside it.
//                         `--esbuild`: built as the size rows build it instead (esbuild, split),
//                         which cuts one entry's static graph into a chunk per set of import()s
//                         sharing a module (7–11 files for a first render, where Vite makes 1–3).
//   drop-in page <el>     dist/cdn/shequ-kit.js (after `npm run build`) and
//                         <sq-el api-base="/api/v1" community="xingfuli">
//
// Each page is served with the API of a real server (the CLI on PGlite with the demo street,
// started as the browser tests start it) on one origin, and opened in a fresh browser context
// (empty cache). "Interactive" is the element's settled first render: the last change to the
// page's DOM, shadow roots included (a bundler's <link rel=modulepreload> in <head> is not a
// change: it fetches code and renders nothing), before the page goes quiet (no request in flight and no
// DOM change for QUIET ms). Counted: the document and every request (scripts, modulepreloads,
// API calls) started before that last change; what starts after it is printed as "then N".
//
//   node scripts/size-requests.mjs [--json] [--verbose] [--esbuild] [--only=http|drop-in]
//                                  [--slow-4g] [filter]
//     --verbose  lists each page's requests
//     --slow-4g  also under Chrome DevTools' "Slow 4G" profile (timings printed, not budgeted)
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { extname, join, normalize, relative, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { build as viteBuild } from 'vite';
import { viteLiterals } from './literals.mjs';
import { esbuildPageOptions } from './size-pages.mjs';
import { CHROME_FLAGS, findChrome } from './find-chrome.mjs';
import { spawnApiServer } from './wtr-api-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'node_modules/.cache/shequ-kit/size-requests');
const args = process.argv.slice(2);
const json = args.includes('--json');
const verbose = args.includes('--verbose');
const slow = args.includes('--slow-4g');
const filter = args.find((a) => !a.startsWith('--')) ?? '';
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const esbuildPages = args.includes('--esbuild');

export const BUDGET = 8;
/**
 * Pages over budget knowingly, for now, with a ceiling that may only go down (as in
 * scripts/size.mjs): over budget but within its ceiling prints `OVER*` and does not fail.
 * What is left over HTTP is the chunks the metrics and the wall need with their first data
 * (the feature's contract and the model and machine chunks it shares with the embedded store's
 * code), and the drop-in's split (docs/size.md, "Requests").
 */
const WAIVED = {
  // +1 to +3 since 2026-12-07 (measured + 1 below): the schemas (zod, the domain's schemas, the
  // contracts) left every page's first render (−9 to −12 kB over HTTP and in the drop-in) and
  // load with its first call, beside its first API calls. Under Slow 4G the first data came
  // 0.1–0.5 s sooner over HTTP and up to 2.1 s sooner in the drop-in (docs/size.md, "Schemas
  // after the first render").
  // Over HTTP (raised by the lead at the 2026-12-06 merges, measured + 1: a chunk asked for
  // right after the first render lands on either side of it): the calendar's first read needs
  // the calendar contract chain (as the wall's and metrics').
  'page over HTTP: <sq-activity-calendar>': 12,
  'page over HTTP: <sq-complaint-metrics>': 13,
  // The wish form waits for its later chunk and the categories before it shows the fields
  // (the model's limits, the validation, the catalogue), and the wall for its contract: later,
  // model, paging and the two machine chunks, which Rolldown splits as the embedded store's
  // lazy code shares them. Measured 10 and 12 on 2026-12-06 on a rebuilt machine (Chromium
  // 156.0.8078.129), at a48223e as after it; the ceilings were 8 (budget) and 11 before.
  'page over HTTP: <sq-wish-form>': 14,
  'page over HTTP: <sq-wish-wall>': 16,
  // The drop-in (measured + 1, 2026-12-06, after vite.config.ts's `shared` group put the kit,
  // Lit, zod and the client in one chunk: every page fetched 4–14 requests fewer, e.g. the
  // complaint form 43 → 31, the QR poster 18 → 8). What is left is the page's own chunks and
  // those it shares with a few elements, and for the forms the chunks of their later code
  // (validation, catalogue, picker) which they need to be interactive. Since 2026-12-07 the
  // `schemas` chunk too (the loader fetches it beside the first element's chunk).
  'drop-in page: <sq-activity-calendar>': 17,
  'drop-in page: <sq-activity-desk>': 15,
  'drop-in page: <sq-booking-desk>': 16,
  'drop-in page: <sq-community-picker>': 12,
  'drop-in page: <sq-complaint-desk>': 16,
  // 32 → 22 and 30 → 20 since the kit's form parts are one chunk, and the wish form 20 → 18 with
  // each feature's model (2026-12-07, night); 22 → 20 and 18 → 17 with the default catalogues in
  // the form parts (2026-12-08).
  'drop-in page: <sq-complaint-form>': 20,
  'drop-in page: <sq-complaint-metrics>': 16,
  'drop-in page: <sq-complaint-qr>': 10,
  'drop-in page: <sq-complaint-tracker>': 16,
  'drop-in page: <sq-redblack-board>': 15,
  'drop-in page: <sq-redblack-editor>': 14,
  // The preloads (2026-12-07, night): its later chunk's imports are fetched beside it, before the
  // sheet's last change, where they came one parse later, after it; with the form parts in one
  // chunk they are fewer (26 → 21).
  'drop-in page: <sq-redblack-score-sheet>': 22,
  'drop-in page: <sq-volunteer-booking>': 16,
  'drop-in page: <sq-wish-form>': 17,
  'drop-in page: <sq-wish-review>': 14,
  'drop-in page: <sq-wish-tracker>': 13,
  'drop-in page: <sq-wish-wall>': 24,
};
/** The page is settled once nothing was in flight and nothing changed for this long. */
const QUIET = 1000;
const TIMEOUT = 30_000;
const COMMUNITY = 'xingfuli';
/** Chrome DevTools' "Slow 4G" preset (what Lighthouse calls slow 4G, applied to the network). */
const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1024 * 1024) / 8) * 0.9,
  uploadThroughput: ((750 * 1024) / 8) * 0.9,
};

const posix = (p) => p.split(sep).join('/');

function elements() {
  const features = join(root, 'src/features');
  return readdirSync(features)
    .flatMap((feature) => {
      const dir = join(features, feature, 'elements');
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((name) => statSync(join(dir, name)).isDirectory())
        .map((name) =>
          // A folder named without its feature's prefix (redblack/score-sheet) by its define file.
          existsSync(join(root, `src/define/${name}.ts`)) ? name : `${feature}-${name}`,
        );
    })
    .filter((name) => name !== 'provider')
    .sort();
}

const html = (head, body) =>
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
  '<meta name="viewport" content="width=device-width, initial-scale=1">' +
  // No favicon request: a real page names its own.
  `<link rel="icon" href="data:,">${head}</head><body>${body}</body></html>\n`;

/** The size rows' HTTP page for `element`, built and split by esbuild into work/http-<el>/. */
async function buildHttpPage(element) {
  const dir = join(work, `http-${element}`);
  await mkdir(dir, { recursive: true });
  const entry = join(work, `http-${element}.ts`);
  const rel = (f) => posix(relative(work, join(root, f))).replace(/\.ts$/, '.js');
  await writeFile(
    entry,
    `import '${rel('src/define/provider.ts')}';\nimport '${rel(`src/define/${element}.ts`)}';\n`,
  );
  await build({
    ...esbuildPageOptions,
    entryPoints: { page: entry },
    splitting: true,
    write: true,
    outdir: dir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
  });
  await writeFile(
    join(dir, 'index.html'),
    html(
      '<script type="module" src="./page.js"></script>',
      `<sq-provider api-base="/api/v1" community="${COMMUNITY}"><sq-${element}></sq-${element}></sq-provider>`,
    ),
  );
  return `/http-${element}/`;
}

/**
 * The same page built as an app would build it with Vite (Rolldown): the entry's static graph
 * in as few chunks as its `import()`s allow, `<link rel="modulepreload">` for them in the HTML,
 * and Vite's preload helper fetching a dynamic chunk's imports together with it.
 */
async function buildVitePage(element) {
  const dir = join(work, `vite-src-${element}`);
  await mkdir(dir, { recursive: true });
  const rel = (f) => posix(relative(dir, join(root, f)));
  await writeFile(
    join(dir, 'page.ts'),
    `import '${rel('src/define/provider.ts')}';\nimport '${rel(`src/define/${element}.ts`)}';\n`,
  );
  await writeFile(
    join(dir, 'index.html'),
    html(
      '<script type="module" src="./page.ts"></script>',
      `<sq-provider api-base="/api/v1" community="${COMMUNITY}"><sq-${element}></sq-${element}></sq-provider>`,
    ),
  );
  await viteBuild({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    base: `/vite-${element}/`,
    plugins: [viteLiterals],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { outDir: join(work, `vite-${element}`), emptyOutDir: true, target: 'es2021' },
  });
  return `/vite-${element}/`;
}

async function writeDropInPage(element) {
  const dir = join(work, `drop-in-${element}`);
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'index.html'),
    html(
      '<script type="module" src="/cdn/shequ-kit.js"></script>',
      `<sq-${element} api-base="/api/v1" community="${COMMUNITY}"></sq-${element}>`,
    ),
  );
  return `/drop-in-${element}/`;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** Pages from work/, the drop-in at /cdn/, and /api/v1/* proxied to the real server. */
function serve(apiOrigin) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.startsWith('/api/v1/')) {
      const upstream = request(
        new URL(req.url, apiOrigin),
        { method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    const [base, rest] = path.startsWith('/cdn/')
      ? [join(root, 'dist/cdn'), path.slice('/cdn/'.length)]
      : [work, path.slice(1)];
    const file = normalize(
      join(base, rest.endsWith('/') || rest === '' ? `${rest}index.html` : rest),
    );
    try {
      if (!file.startsWith(base)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Before any script of the page: marks the time of every DOM change, shadow roots included. */
function watchRenders() {
  const state = { last: 0 };
  Object.defineProperty(window, '__sqRenders', { value: state });
  // A bundler's preload helper adds <link rel=modulepreload> to <head> when a chunk is
  // import()ed: that fetches code, it renders nothing, so it does not count as a change.
  const preloadOnly = (r) =>
    r.type === 'childList' &&
    r.target === document.head &&
    [...r.addedNodes, ...r.removedNodes].every(
      (n) => n.nodeName === 'LINK' && /preload/.test(n.rel),
    );
  const mark = (records) => {
    if (records.every(preloadOnly)) return;
    state.last = performance.now();
  };
  const options = { childList: true, subtree: true, attributes: true, characterData: true };
  const observe = (node) => new MutationObserver(mark).observe(node, options);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const shadow = attach.call(this, init);
    observe(shadow);
    return shadow;
  };
  observe(document);
  performance.setResourceTimingBufferSize(10_000);
}

/** Opens `url` in a fresh context; returns its requests up to and after its settled render. */
async function measure(browser, url, { throttle = false } = {}) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setCacheEnabled(false);
    if (throttle) {
      const cdp = await page.createCDPSession();
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    }
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    let inFlight = 0;
    let lastNetwork = Date.now();
    const settle = () => {
      inFlight--;
      lastNetwork = Date.now();
    };
    page.on('request', () => {
      inFlight++;
      lastNetwork = Date.now();
    });
    page.on('requestfinished', settle);
    page.on('requestfailed', settle);
    await page.evaluateOnNewDocument(watchRenders);
    const started = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT * (throttle ? 3 : 1) });
    const quiet = throttle ? QUIET * 3 : QUIET;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const sinceRender = await page.evaluate(() => performance.now() - window.__sqRenders.last);
      if (inFlight <= 0 && Date.now() - lastNetwork >= quiet && sinceRender >= quiet) break;
      if (Date.now() - started > TIMEOUT * (throttle ? 3 : 1)) {
        throw new Error(`${url} did not settle in ${TIMEOUT / 1000} s`);
      }
    }
    const result = await page.evaluate(() => {
      const settledAt = window.__sqRenders.last;
      const resources = performance.getEntriesByType('resource').map((e) => ({
        url: e.name.replace(location.origin, ''),
        type: e.initiatorType,
        start: e.startTime,
        end: e.responseEnd,
      }));
      return { settledAt, resources };
    });
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    const before = result.resources.filter((r) => r.start <= result.settledAt);
    const after = result.resources.filter((r) => r.start > result.settledAt);
    const data = before.filter((r) => r.url.startsWith('/api/'));
    return {
      // The document itself is a request too.
      requests: 1 + before.length,
      scripts: before.length - data.length,
      data: data.length,
      after: after.length,
      settledAt: result.settledAt,
      // When the first answer of the API was in: the community's data, on every page.
      dataAt: data.length ? Math.min(...data.map((r) => r.end)) : NaN,
      list: before.map(
        (r) => `${r.start.toFixed(0).padStart(6)}–${r.end.toFixed(0).padStart(6)} ms  ${r.url}`,
      ),
    };
  } finally {
    await context.close();
  }
}

async function main() {
  if (!existsSync(join(root, 'dist/cdn/shequ-kit.js'))) {
    console.error('size:requests: dist/cdn/shequ-kit.js not found; run `npm run build` first');
    process.exit(1);
  }
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const names = elements().filter((name) => name.includes(filter));
  const pages = [];
  for (const name of only === 'drop-in' ? [] : names) {
    pages.push({
      label: `page over HTTP${esbuildPages ? ' (esbuild split)' : ''}: <sq-${name}>`,
      path: await (esbuildPages ? buildHttpPage(name) : buildVitePage(name)),
    });
  }
  for (const name of only === 'http' ? [] : names) {
    pages.push({ label: `drop-in page: <sq-${name}>`, path: await writeDropInPage(name) });
  }

  const api = await spawnApiServer();
  const server = await serve(api.origin);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({ executablePath: findChrome(), args: [...CHROME_FLAGS] });
  const rows = [];
  try {
    for (const { label, path } of pages) {
      try {
        const m = await measure(browser, origin + path);
        const ceiling = WAIVED[label];
        const status =
          m.requests <= BUDGET ? 'OK' : ceiling && m.requests <= ceiling ? 'OVER*' : 'OVER';
        const row = { name: label, ...m, ceiling, status };
        if (slow) {
          const s = await measure(browser, origin + path, { throttle: true });
          row.slow = { dataAt: s.dataAt, settledAt: s.settledAt };
        }
        rows.push(row);
      } catch (error) {
        rows.push({ name: label, status: 'ERROR', error: error.message });
      }
    }
  } finally {
    await browser.close();
    server.close();
    await api.stop();
    await rm(work, { recursive: true, force: true });
  }

  if (json) console.log(JSON.stringify(rows, null, 2));
  else print(rows);
  const bad = rows.filter((r) => r.status === 'OVER' || r.status === 'ERROR');
  if (bad.length) {
    console.error('');
    for (const r of bad) {
      console.error(
        r.status === 'ERROR'
          ? `size:requests: ${r.name}: ${r.error}`
          : `size:requests: OVER budget: ${r.name} makes ${r.requests} requests > ${BUDGET}` +
              (r.ceiling ? ` (waived up to ${r.ceiling})` : ''),
      );
    }
    process.exit(1);
  }
  const waived = rows.filter((r) => r.status === 'OVER*');
  console.log(
    waived.length
      ? `\nsize:requests: OVER* ${waived.length} page(s) over ${BUDGET} requests before interactive, within their waived ceilings (WAIVED in scripts/size-requests.mjs; docs/size.md).`
      : `\nsize:requests: every page within ${BUDGET} requests before interactive.`,
  );
}

function print(rows) {
  const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : '-');
  const table = [
    ['page', 'requests', 'budget', 'status', 'note'],
    ...rows.map((r) => [
      r.name,
      r.status === 'ERROR' ? '-' : String(r.requests),
      `≤ ${BUDGET}`,
      r.status,
      r.status === 'ERROR'
        ? r.error
        : `document + ${r.scripts} script(s) + ${r.data} API call(s); then ${r.after}` +
          (r.status === 'OVER*' ? `; waived up to ${r.ceiling}` : '') +
          (r.slow ? `; slow 4G: data ${ms(r.slow.dataAt)}, settled ${ms(r.slow.settledAt)}` : ''),
    ]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((line) => line[i].length)));
  const fmt = (line) =>
    line
      .map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(fmt(table[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) {
    console.log(fmt(table[rows.indexOf(r) + 1]));
    if (verbose && r.list) for (const line of r.list) console.log(`    ${line}`);
  }
}

await main();
