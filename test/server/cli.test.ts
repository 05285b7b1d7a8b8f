import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { optionsFromEnv } from '../../src/server/env.js';

const CLI = ['--import', 'tsx', 'src/server/cli.ts'];

describe('configuration from the environment', () => {
  it('maps variables to options and refuses nonsense', () => {
    const options = optionsFromEnv({
      DATABASE_URL: 'postgres://u@db/x',
      SHEQU_ALLOWED_ORIGINS: 'https://a.example.gov.cn/, https://b.example',
      SHEQU_TRUST_PROXY: 'true',
      SHEQU_RATE_LIMIT: '100/60',
      SHEQU_LOGIN_RATE_LIMIT: 'off',
      SHEQU_SESSION_HOURS: '8',
      SHEQU_UPLOADS: 'off',
      SHEQU_STATIC: 'off',
    });
    assert.equal(options.databaseUrl, 'postgres://u@db/x');
    assert.deepEqual(options.allowedOrigins, ['https://a.example.gov.cn', 'https://b.example']);
    assert.equal(options.trustProxy, 1);
    assert.deepEqual(options.rateLimits, {
      publicWrites: { max: 100, windowMs: 60_000 },
      login: false,
    });
    assert.equal(options.sessionTtlMs, 8 * 3_600_000);
    assert.equal(options.uploads, false);
    assert.equal(options.staticRoot, false);
    assert.equal(optionsFromEnv({}).dataDir, './.data');
    assert.throws(() => optionsFromEnv({ SHEQU_RATE_LIMIT: 'lots' }), /SHEQU_RATE_LIMIT/);
    assert.throws(
      () => optionsFromEnv({ SHEQU_ALLOWED_ORIGINS: 'example.com' }),
      /SHEQU_ALLOWED_ORIGINS/,
    );
    assert.throws(() => optionsFromEnv({ SHEQU_SESSION_HOURS: '-1' }), /SHEQU_SESSION_HOURS/);
  });
});

describe('shequ-kit-server (the CLI)', () => {
  let dir: string;
  const env = () => ({
    ...process.env,
    SHEQU_DATA_DIR: dir,
    DATABASE_URL: '',
    SHEQU_LOG_LEVEL: 'warn',
  });
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sq-cli-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('migrate, create-staff (password from stdin), then serve: seeds, prints the URL and login, answers, stops on SIGTERM', async () => {
    const migrate = spawnSync(process.execPath, [...CLI, 'migrate'], {
      env: env(),
      encoding: 'utf8',
    });
    assert.equal(migrate.status, 0, migrate.stderr);
    assert.match(migrate.stderr, /up to date/);

    const create = spawnSync(
      process.execPath,
      [
        ...CLI,
        'create-staff',
        '--username',
        'Wang.Fang',
        '--name',
        '王芳',
        '--community',
        'xingfuli',
      ],
      { env: env(), encoding: 'utf8', input: 'a long enough password\n' },
    );
    assert.equal(create.status, 0, create.stderr);
    assert.match(create.stderr, /created staff wang\.fang/);
    const bad = spawnSync(
      process.execPath,
      [...CLI, 'create-staff', '--username', 'x', '--name', 'x', '--community', 'c'],
      {
        env: env(),
        encoding: 'utf8',
        input: 'short',
      },
    );
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /username: username\.invalid/);

    const child = spawn(process.execPath, [...CLI, 'serve', '--port', '0'], { env: env() });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const deadline = Date.now() + 60_000;
      while (!/password: \S+/.test(stderr) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const url = /demo page\s+(http:\/\/\S+)\//.exec(stderr)?.[1];
      const password = /password: (\S+)/.exec(stderr)?.[1];
      assert.ok(url && password, stderr);
      assert.match(stderr, /xfl-admin\s+admin\s+xingfuli/);
      assert.equal((await fetch(`${url}/healthz`)).status, 200);
      const communities = (await (await fetch(`${url}/api/v1/communities`)).json()) as unknown[];
      assert.equal(communities.length, 2, 'the demo street');
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'wang.fang', password: 'a long enough password' }),
      });
      assert.equal(login.status, 200);
      const saved = JSON.parse(await readFile(join(dir, 'demo-login.json'), 'utf8')) as {
        password: string;
      };
      assert.equal(saved.password, password);
      assert.equal((await stat(join(dir, 'demo-login.json'))).mode & 0o777, 0o600);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
  });

  it('set-password, disable-staff and enable-staff manage an account, audited as cli', async () => {
    const run = (args: string[], input?: string) =>
      spawnSync(process.execPath, [...CLI, ...args], { env: env(), encoding: 'utf8', input });
    const set = run(['set-password', '--username', 'WANG.FANG'], 'another long password\n');
    assert.equal(set.status, 0, set.stderr);
    assert.match(set.stderr, /new password set for wang\.fang; its sessions have ended/);
    const disabled = run(['disable-staff', '--username', 'wang.fang']);
    assert.equal(disabled.status, 0, disabled.stderr);
    assert.match(disabled.stderr, /wang\.fang is disabled/);
    const missing = run(['disable-staff', '--username', 'nobody']);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no staff account nobody/);
    const tooShort = run(['set-password', '--username', 'wang.fang'], 'short\n');
    assert.equal(tooShort.status, 1);
    assert.equal(run(['enable-staff', '--username', 'wang.fang']).status, 0);

    const { openSqlStore } = await import('../../src/stores/sql/index.js');
    const store = await openSqlStore({ dataDir: dir });
    try {
      const account = (await store.staff.getByUsername('wang.fang'))!;
      assert.deepEqual(
        account.history?.map((e) => [e.action, e.by]),
        [
          ['password_set', 'cli'],
          ['disabled', 'cli'],
          ['enabled', 'cli'],
        ],
      );
      assert.equal(account.disabled, undefined);
      assert.ok(account.sessionsFrom, 'older sessions end');
    } finally {
      await store.close();
    }
  });

  it('retention --dry-run counts per community and repository; retention runs the job', () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, [...CLI, ...args], { env: env(), encoding: 'utf8' });
    const dry = run(['retention', '--dry-run']);
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(
      dry.stderr,
      /^xingfuli +complaints +ended before \S+: 0 to anonymise, 0 photo\(s\)$/m,
    );
    assert.match(dry.stderr, /^chunhui +wishes +ended before /m);
    assert.match(dry.stderr, /dry run: 0 item\(s\) and 0 photo\(s\) are past retention/);
    const real = run(['retention']);
    assert.equal(real.status, 0, real.stderr);
    assert.match(real.stderr, /0 item\(s\) anonymised, 0 photo\(s\) deleted/);
  });
});
