// The packed package in the projects users make: a React 19 + TypeScript app, a Vue 3 +
// vue-tsc app, an SDK-only Node project and a server project, each compiled with
// `skipLibCheck: false` using only the documented setup (the one-line type references, the
// docs' own React and Vue examples), with deliberate mistakes marked @ts-expect-error (or
// @vue-expect-error): the compilers fail on a marker that marks no error.
// Run by `npm run test:package` after `npm run build`.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cleanup, pack, project, run, tsc } from './packed.mjs';
import { snippet } from './snippets.mjs';

const SERVER_PEERS = ['hono', '@hono/node-server', '@electric-sql/pglite', 'postgres'];
const strictBrowser = {
  target: 'es2022',
  module: 'esnext',
  moduleResolution: 'bundler',
  lib: ['es2022', 'dom', 'dom.iterable'],
  strict: true,
  skipLibCheck: false,
  noEmit: true,
  types: [],
};
const json = (value) => JSON.stringify(value, null, 2);

after(cleanup);

describe('the tarball', () => {
  it('installs no server package for the elements and the SDK, and names them as optional peers', () => {
    const { dir } = project('tarball');
    const manifest = JSON.parse(readFileSync(join(dir, 'node_modules/shequ-kit/package.json')));
    for (const name of SERVER_PEERS) {
      assert.equal(manifest.dependencies?.[name], undefined, `${name} is not a dependency`);
      assert.ok(manifest.peerDependencies?.[name], `${name} is a peer dependency`);
      assert.equal(manifest.peerDependenciesMeta?.[name]?.optional, true, `${name} is optional`);
    }
  });

  it('ships no source map whose sources it does not ship', () => {
    const { files } = pack();
    const { dir } = project('maps');
    const maps = files.filter((f) => f.endsWith('.map'));
    for (const map of maps) {
      const { sources, sourcesContent = [] } = JSON.parse(
        readFileSync(join(dir, 'node_modules/shequ-kit', map), 'utf8'),
      );
      sources.forEach((source, i) =>
        assert.equal(typeof sourcesContent[i], 'string', `${map}: ${source} without its content`),
      );
    }
    assert.ok(!files.some((f) => f.startsWith('src/')), 'no sources');
    assert.ok(!files.some((f) => f.includes('/.vite/')), 'no build manifest');
  });
});

describe('a React 19 + TypeScript app', () => {
  const app = () =>
    project('react-app', {
      links: ['react', '@types/react'],
      files: {
        'tsconfig.json': json({
          compilerOptions: { ...strictBrowser, jsx: 'react-jsx' },
          include: ['src'],
        }),
        // The documented setup: one line.
        'src/vite-env.d.ts': snippet('docs/embedding.md', 'ts', 'shequ-kit/jsx').code,
        'src/Location.tsx': snippet('docs/embedding.md', 'tsx').code,
        'src/checks.tsx': REACT_CHECKS,
      },
    });

  // react-jsx finds JSX through react/jsx-runtime; the checks also name React.JSX itself.
  it('compiles the docs example and the checks; the mistakes do not compile', () => {
    const { dir } = app();
    const { status, output } = tsc(dir, '-p', '.');
    assert.equal(status, 0, output);
  });
});

describe('a Vue 3 + vue-tsc app', () => {
  it('type-checks props and events on sq-* tags; the mistakes do not compile', () => {
    const { dir } = project('vue-app', {
      links: ['vue'],
      files: {
        'tsconfig.json': json({
          compilerOptions: { ...strictBrowser, jsx: 'preserve' },
          include: ['src/**/*.ts', 'src/**/*.vue'],
          vueCompilerOptions: { strictTemplates: true },
        }),
        'src/env.d.ts': snippet('docs/embedding.md', 'ts', 'shequ-kit/vue').code,
        'src/Location.vue': snippet('docs/embedding.md', 'vue').code,
        'src/Checks.vue': VUE_CHECKS,
      },
    });
    const { status, output } = run(dir, 'vue-tsc/bin/vue-tsc.js', ['-p', '.']);
    assert.equal(status, 0, output);
  });
});

describe('an SDK-only Node project (lib es2023, no DOM)', () => {
  it('compiles and runs; the server entry names what to install', () => {
    const { dir } = project('node-sdk', {
      links: ['@types/node'],
      files: {
        'tsconfig.json': json({
          compilerOptions: {
            target: 'es2022',
            module: 'nodenext',
            moduleResolution: 'nodenext',
            lib: ['es2023'],
            types: ['node'],
            strict: true,
            skipLibCheck: false,
            outDir: 'out',
            rootDir: 'src',
          },
          include: ['src'],
        }),
        'src/index.ts': NODE_SDK,
      },
    });
    const { status, output } = tsc(dir, '-p', '.');
    assert.equal(status, 0, output);
    const out = execFileSync(process.execPath, ['out/index.js'], { cwd: dir, encoding: 'utf8' });
    assert.deepEqual(out.trim().split('\n'), [
      'not_found 404',
      '张*丰 138****1234 13812345678',
      'Install them with: npm i hono @hono/node-server @electric-sql/pglite postgres',
    ]);
    // So does the CLI (package.json bin), instead of a bare "Cannot find package".
    const cli = spawnSync(
      process.execPath,
      ['node_modules/shequ-kit/dist/server/bin.js', '--help'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    assert.equal(cli.status, 1);
    assert.match(cli.stderr, /Install them with: npm i hono @hono\/node-server/);
  });
});

describe('a server project (Node types only)', () => {
  it('compiles without the DOM lib or PGlite’s Emscripten types, and runs', () => {
    const { dir } = project('node-server', {
      links: ['@types/node', ...SERVER_PEERS],
      files: {
        'tsconfig.json': json({
          compilerOptions: {
            target: 'es2022',
            module: 'nodenext',
            moduleResolution: 'nodenext',
            lib: ['es2023'],
            types: ['node'],
            strict: true,
            skipLibCheck: false,
            outDir: 'out',
            rootDir: 'src',
          },
          include: ['src'],
        }),
        'src/index.ts': NODE_SERVER,
      },
    });
    const { status, output } = tsc(dir, '-p', '.');
    assert.equal(status, 0, output);
    const out = execFileSync(process.execPath, ['out/index.js'], { cwd: dir, encoding: 'utf8' });
    assert.equal(out.trim(), 'function true');
    const cli = spawnSync(
      process.execPath,
      ['node_modules/shequ-kit/dist/server/bin.js', '--help'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(cli.stderr, /shequ-kit-server — the shequ-kit reference server/);
  });
});

const REACT_CHECKS = `import * as React from 'react';
import 'shequ-kit/define/complaint-form';
import 'shequ-kit/define/provider';
import 'shequ-kit/define/wish-wall';
import { createClient } from 'shequ-kit/sdk';
import type { SqComplaintForm } from 'shequ-kit/elements/complaint-form';

const client = createClient({ baseUrl: '/api/v1' });

export function Report(): React.JSX.Element {
  return (
    <>
      <sq-complaint-form
        api-base="/api/v1"
        community="xingfuli"
        care
        onsq-submitted={(e) => {
          const form: SqComplaintForm = e.currentTarget;
          if (e.detail.state === 'delivered' && e.detail.kind === 'complaint') {
            console.log(form, e.detail.receipt.ticket);
          }
        }}
      />
      <sq-provider client={client} locale="en">
        <sq-wish-wall community="xingfuli" onsq-claimed={(e) => console.log(e.detail)} />
      </sq-provider>
      {/* @ts-expect-error getter-only: React 19 would throw setting it */}
      <sq-complaint-form client={client} />
      {/* @ts-expect-error no such property */}
      <sq-complaint-form communty="xingfuli" />
      {/* @ts-expect-error care is a boolean */}
      <sq-complaint-form care="yes" />
      {/* @ts-expect-error not one of ours */}
      <sq-nonsense />
      <sq-complaint-form
        onsq-submitted={(e) => {
          // @ts-expect-error the detail has no such field
          console.log(e.detail.nonsense);
        }}
      />
    </>
  );
}

export const trackerProps: React.JSX.IntrinsicElements['sq-complaint-tracker'] = {
  apiBase: '/api/v1',
  'onsq-rated': (e) => console.log(e.detail.rating),
};
`;

const VUE_CHECKS = `<script setup lang="ts">
import 'shequ-kit/define/complaint-form';
import type { SqSubmittedEvent } from 'shequ-kit';

function onSubmitted(event: SqSubmittedEvent) {
  return event.detail.key;
}
function show(value: unknown) {
  return value;
}
</script>

<template>
  <sq-complaint-form api-base="/api/v1" community="xingfuli" :care="true" @sq-submitted="onSubmitted" />
  <sq-complaint-form @sq-submitted="(e) => show(e.detail.kind)" />
  <!-- @vue-expect-error no such prop -->
  <sq-complaint-form :nonsense-prop="1" />
  <!-- @vue-expect-error care is a boolean -->
  <sq-complaint-form :care="'yes'" />
  <!-- @vue-expect-error the detail has no such field -->
  <sq-complaint-form @sq-submitted="(e) => show(e.detail.nonsense)" />
</template>
`;

const NODE_SDK = `import { ApiError, createClient, maskName, maskPhone, normalizePhone } from 'shequ-kit/sdk';

const notFound = { type: 'urn:shequ-kit:problem:not_found', title: 'not found', status: 404, code: 'not_found' };
const client = createClient({
  baseUrl: 'https://shequ.example.gov.cn/api/v1',
  fetch: async () =>
    new Response(JSON.stringify(notFound), {
      status: 404,
      headers: { 'content-type': 'application/problem+json' },
    }),
});
try {
  await client.communities.get('nope');
} catch (error) {
  if (error instanceof ApiError) console.log(error.code, error.status);
}
if (Number.isNaN(0)) {
  // @ts-expect-error a community id is a string
  await client.communities.get(42);
}
console.log(maskName('张三丰'), maskPhone('13812341234'), normalizePhone('+86 138-1234-5678'));
// Not resolved by tsc: this project installs no server package, so has no hono types.
const serverEntry = 'shequ-kit/server';
try {
  await import(serverEntry);
} catch (error) {
  console.log(/Install them with: .*/.exec((error as Error).message)?.[0]);
}
`;

const NODE_SERVER = `import { createApp, openApiDocument, type ServerOptions } from 'shequ-kit/server';

const options: ServerOptions = { allowedOrigins: ['https://www.example.gov.cn'] };
const document = openApiDocument() as { paths: Record<string, unknown> };
console.log(typeof createApp, Object.keys(document.paths).length > 0 && options.allowedOrigins?.length === 1);
`;
