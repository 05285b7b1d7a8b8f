// Every code block of the documentation (docs/**/*.md, README.md), run against the packed
// package, so a broken snippet fails CI:
//   html            a page in Chromium, the drop-in from the package, the API of the package's
//                   own server (its CLI on PGlite with the demo street): no error, and every
//                   sq-* tag in it defined and rendered
//   js, ts          in Chromium (bundled with esbuild from the packed install) when they touch
//                   the page or the elements, else in Node; a file's blocks run in order as one
//                   program, the way a reader follows them; GIVEN supplies what a doc leaves
//                   to the reader (a photo, a `show()`)
//   tsx, vue        compiled by frameworks.test.mjs (the React and Vue apps)
//   css             parsed by Chromium, every rule kept
//   json            parsed
//   sh              `npm run`/`npm start`/`npm test` name scripts of package.json;
//                   `npx shequ-kit-server <command>` a command and flags of the CLI's help;
//                   curl paths are routes of the OpenAPI document
//   text            diagrams and sample output: nothing to run
// Run by `npm run test:package` after `npm run build`.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build, transform } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROME_FLAGS, findChrome } from '../../scripts/find-chrome.mjs';
import { cleanup, project, root } from './packed.mjs';
import { snippets } from './snippets.mjs';

const SERVER_PEERS = ['hono', '@hono/node-server', '@electric-sql/pglite', 'postgres'];
/** Blocks the framework apps compile (frameworks.test.mjs). */
const COMPILED_ELSEWHERE = ['docs/embedding.md'];
/** What a doc leaves to its reader, per file: prepended to that file's program. */
const GIVEN = {
  'docs/complaints.md': `
    const blob = new Blob([Uint8Array.from(atob(process.env.DOCS_JPEG), (c) => c.charCodeAt(0))], { type: 'image/jpeg' });
    const photoKey = crypto.randomUUID();
    const show = (...values) => values.forEach((v) => { if (!v) throw new Error('nothing to show'); });
    const showQueued = (reason) => { throw new Error('queued: ' + reason); };
    const password = process.env.DOCS_PASSWORD;`,
  'docs/sdk.md': `
    const password = process.env.DOCS_PASSWORD;
    const show = (value) => { if (!value) throw new Error('nothing to show'); };
    const showSavedOffline = (key, reason) => { throw new Error('queued: ' + reason); };`,
  // The Vue plugin of vite.config.js: what it is given is checked.
  'docs/embedding.md': `
    const vue = ({ template }) => {
      const custom = template.compilerOptions.isCustomElement;
      if (!custom('sq-complaint-form') || custom('div')) throw new Error('isCustomElement');
    };`,
};
/** A 1×1 JPEG, for the photo upload in complaints.md. */
const JPEG =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=';

const blocks = snippets();
const byLang = (lang) => blocks.filter((b) => b.lang === lang);
const fileOf = (block) => block.where.replace(/:\d+$/, '');
const touchesPage = (code) =>
  /\bdocument\b|\bwindow\b|from 'shequ-kit'|shequ-kit\/(define|elements)\//.test(code);

let server; // the package's own server: { origin, password, stop() }
let site; // the pages' origin: snippets, the drop-in, the API proxied
let browser;
let pkg; // the packed install

before(async () => {
  pkg = project('docs', { links: SERVER_PEERS });
  server = await startServer(pkg.dir);
  site = await startSite(pkg.dir, server.origin);
  browser = await puppeteer.launch({
    executablePath: findChrome(),
    headless: true,
    args: [...CHROME_FLAGS],
  });
});
after(async () => {
  await browser?.close();
  site?.close();
  await server?.stop();
  cleanup();
});

describe('every code block of the docs', () => {
  it('has a check for its language', () => {
    const known = new Set(['html', 'js', 'ts', 'tsx', 'vue', 'css', 'json', 'sh', 'text']);
    const unknown = blocks.filter((b) => !known.has(b.lang)).map((b) => `${b.where} (${b.lang})`);
    assert.deepEqual(unknown, []);
    const elsewhere = blocks
      .filter((b) => b.lang === 'tsx' || b.lang === 'vue')
      .filter((b) => !COMPILED_ELSEWHERE.includes(fileOf(b)));
    assert.deepEqual(elsewhere, [], 'tsx/vue blocks no app compiles');
  });

  for (const block of byLang('html')) {
    it(`${block.where}: the page runs and renders its elements`, async () => {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      try {
        site.pages.set('/page.html', pageFor(block.code));
        await page.goto(`${site.origin}/page.html`, { waitUntil: 'load' });
        const tags = [...new Set(block.code.match(/<sq-[a-z-]+/g) ?? [])].map((t) => t.slice(1));
        assert.ok(tags.length > 0, 'no sq-* tag');
        await page.waitForFunction(
          (list) =>
            list.every((tag) =>
              [...document.querySelectorAll(tag)].every(
                (el) => customElements.get(tag) && el.shadowRoot?.childElementCount,
              ),
            ),
          { timeout: 20_000 },
          tags,
        );
        await settle(page);
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }

  for (const [file, code] of programs()) {
    const where = touchesPage(code) ? 'Chromium' : 'Node';
    it(`${file}: its js/ts blocks run in ${where}`, async () => {
      const program = `${GIVEN[file] ?? ''}\n${code}`;
      if (where === 'Node') await runInNode(program);
      else await runInChromium(program);
    });
  }

  it('css blocks parse, every rule kept', async () => {
    const page = await browser.newPage();
    try {
      for (const block of byLang('css')) {
        const rules = (block.code.match(/\{/g) ?? []).length;
        const kept = await page.evaluate((css) => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          return [...sheet.cssRules].filter((r) => r.style?.length).length;
        }, block.code);
        assert.equal(kept, rules, block.where);
      }
    } finally {
      await page.close();
    }
  });

  it('json blocks parse', () => {
    for (const block of byLang('json'))
      assert.doesNotThrow(() => JSON.parse(block.code), block.where);
  });

  it('sh blocks name scripts, CLI commands and API routes that exist', async () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const cli = join(pkg.dir, 'node_modules/shequ-kit/dist/server/cli.js');
    // The CLI prints its help on stderr.
    const cliHelp = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    const help = cliHelp.stdout + cliHelp.stderr;
    const openapi = await (await fetch(`${server.origin}/api/v1/openapi.json`)).json();
    const routes = Object.keys(openapi.paths).map(
      (p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    );
    for (const block of byLang('sh')) {
      for (const line of block.code.split('\n')) {
        const command = line.replace(/#.*/, '').trim();
        for (const [, name] of command.matchAll(/npm (?:run ([\w:-]+)|(start|test)\b)/g)) {
          if (name) assert.ok(scripts[name], `${block.where}: npm run ${name}`);
        }
        for (const [, name] of command.matchAll(/npm (start|test)\b/g)) {
          assert.ok(scripts[name], `${block.where}: npm ${name}`);
        }
        const npx = /npx shequ-kit-server (\S+)(.*)/.exec(command);
        if (npx) {
          assert.match(
            help,
            new RegExp(`shequ-kit-server \\[?${npx[1]}`),
            `${block.where}: ${npx[1]}`,
          );
          for (const [flag] of npx[2].matchAll(/--[\w-]+/g)) {
            assert.ok(help.includes(flag), `${block.where}: ${flag}`);
          }
        }
        for (const [, path] of command.matchAll(/https?:\/\/[^/\s]+\/api\/v1(\/[^\s'"]*)/g)) {
          const route = path.replace(/\?.*/, '');
          assert.ok(
            routes.some((r) => r.test(route)),
            `${block.where}: no route ${route}`,
          );
        }
      }
    }
  });
});

/** A file's js/ts blocks, in order, as one program: Map(file → code). */
function programs() {
  const found = new Map();
  for (const block of blocks.filter((b) => b.lang === 'js' || b.lang === 'ts')) {
    const file = fileOf(block);
    found.set(file, `${found.get(file) ?? ''}\n// ${block.where}\n${block.code}`);
  }
  return found;
}

/** The page of an html block; a bare element snippet gets the drop-in it assumes. */
function pageFor(html) {
  // Example hosts (a CDN, the API) are this test's own origin.
  const withApi = html.replace(/https?:\/\/[^/"'\s]+(?=(\/[^"'\s]*)?(\/cdn\/|\/api\/v1))/g, '');
  const script = /<script[^>]+shequ-kit\.js/.test(withApi)
    ? ''
    : '<script type="module" src="/shequ-kit/dist/cdn/shequ-kit.js"></script>\n';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>\n${script}${withApi}</body></html>`;
}

function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  // An answer like 401 (no staff session yet) is the elements' business, shown in the page;
  // a request that fails outright (a host the page cannot reach) is the snippet's.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  page.on('requestfailed', (request) => errors.push(`${request.url()}: failed`));
  return errors;
}

/** Lets the last requests of a page finish. */
const settle = (page) =>
  page.waitForNetworkIdle({ idleTime: 300, timeout: 10_000 }).catch(() => {});

async function runInNode(program) {
  const { code } = await transform(program, { loader: 'ts', format: 'esm', target: 'es2022' });
  const file = join(pkg.dir, `program-${Math.random().toString(36).slice(2)}.mjs`);
  // Exits once the program's top level is done: a snippet that starts a server keeps running.
  writeFileSync(file, `${FETCH_TO_LOCAL}\n${code}\nprocess.exit(0);\n`);
  execFileSync(process.execPath, [file], {
    cwd: pkg.dir,
    encoding: 'utf8',
    stdio: 'pipe',
    timeout: 60_000,
    env: {
      ...process.env,
      DOCS_API: server.origin,
      DOCS_PASSWORD: server.password,
      DOCS_JPEG: JPEG,
      PORT: '0',
    },
  });
}

async function runInChromium(program) {
  const entry = join(pkg.dir, `program-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(entry, `${program}\nwindow.__done = true;\n`);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    absWorkingDir: pkg.dir,
    logLevel: 'silent',
  });
  site.pages.set('/program.js', result.outputFiles[0].text);
  site.pages.set(
    '/program.html',
    '<!doctype html><html lang="zh-CN"><body><sq-community-picker api-base="/api/v1"></sq-community-picker>' +
      '<script type="module" src="/program.js"></script></body></html>',
  );
  const page = await browser.newPage();
  const errors = watchErrors(page);
  try {
    await page.goto(`${site.origin}/program.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__done === true, { timeout: 20_000 });
    await settle(page);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
}

/** In Node programs, the docs' example hosts are the package's own server. */
const FETCH_TO_LOCAL = `
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input).replace(/^https?:\\/\\/[^/]+(?=\\/api\\/v1)/, process.env.DOCS_API);
  return realFetch(input instanceof Request ? new Request(url, input) : url, init);
};`;

/** The package's CLI on PGlite in a scratch directory, with the demo street. */
async function startServer(dir) {
  const data = mkdtempSync(join(tmpdir(), 'shequ-kit-docs-'));
  const child = spawn(
    process.execPath,
    ['node_modules/shequ-kit/dist/server/cli.js', 'serve', '--port', '0'],
    {
      cwd: dir,
      env: {
        ...process.env,
        DATABASE_URL: '',
        SHEQU_DATA_DIR: data,
        SHEQU_SEED_DEMO: '1',
        SHEQU_RATE_LIMIT: 'off',
        SHEQU_LOGIN_RATE_LIMIT: 'off',
        SHEQU_LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const origin = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
    const read = (chunk) => {
      out += chunk;
      const match = /API\s+(http:\/\/[\d.]+:\d+)\/api\/v1/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
  });
  const { password } = JSON.parse(readFileSync(join(data, 'demo-login.json'), 'utf8'));
  return {
    origin,
    password,
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', resolve);
        child.kill();
      }),
  };
}

const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.map': 'application/json' };

/**
 * One origin for every page: generated pages, the package's dist/cdn under any path ending in
 * /cdn/ (as a CDN would host it), and /api/v1 proxied to the package's server.
 */
function startSite(dir, api) {
  const pages = new Map();
  const cdn = join(dir, 'node_modules/shequ-kit/dist/cdn');
  const http = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://site').pathname;
    try {
      if (pages.has(path)) {
        const type = path.endsWith('.js') ? 'text/javascript' : 'text/html';
        res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(pages.get(path));
      } else if (path.startsWith('/api/v1')) {
        const body = ['GET', 'HEAD'].includes(req.method) ? undefined : await readBody(req);
        const headers = { ...req.headers };
        delete headers.host;
        const answer = await fetch(`${api}${req.url}`, { method: req.method, headers, body });
        const out = Object.fromEntries(
          [...answer.headers].filter(([k]) => !['content-encoding', 'content-length'].includes(k)),
        );
        res.writeHead(answer.status, out).end(Buffer.from(await answer.arrayBuffer()));
      } else if (/\/cdn\//.test(path)) {
        const file = join(cdn, path.replace(/^.*?\/cdn\//, ''));
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
      } else {
        res.writeHead(404).end();
      }
    } catch (error) {
      res.writeHead(error.code === 'ENOENT' ? 404 : 500).end(String(error));
    }
  });
  return new Promise((resolve) =>
    http.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${http.address().port}`,
        pages,
        close: () => http.close(),
      }),
    ),
  );
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
