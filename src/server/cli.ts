#!/usr/bin/env node
/**
 * shequ-kit-server: `serve` (default), `migrate`, `create-staff`, `set-password`,
 * `disable-staff`, `enable-staff`, `seed-demo`, `retention`, `holidays`. Configured by
 * environment variables (see docs/server.md); flags override PORT and HOST.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError } from '../domain/errors.js';
import { parse } from '../domain/validation.js';
import {
  createStaffAccount,
  setStaffAccountDisabled,
  setStaffPassword,
} from '../features/core/auth.js';
import { passwordSchema, type StaffAccount } from '../features/core/auth-model.js';
import { createStaffInputSchema } from '../features/admin/model.js';
import { holidayScheduleInputSchema } from '../features/calendar/model.js';
import { holidayCalendar, shipsYear, storeHolidaySchedule } from '../features/calendar/service.js';
import { MAX_YEAR, MIN_YEAR } from '../domain/time.js';
import { createContext } from '../services/context.js';
import { seedDemoData, type DemoLogin } from './demo.js';
import { optionsFromEnv } from './env.js';
import { silentLogger } from './log.js';
import { createServer, type ShequServer } from './server.js';
import { randomBytes } from 'node:crypto';

const HELP = `shequ-kit-server — the shequ-kit reference server

Usage:
  shequ-kit-server [serve] [--port N] [--host H]   run the server (PORT, HOST; default 8787, 127.0.0.1)
  shequ-kit-server migrate                         bring the database up to date, then exit
  shequ-kit-server create-staff --username U --name NAME --community ID [--role staff|admin]
                                                   add a staff account; the password comes from
                                                   SHEQU_STAFF_PASSWORD, or stdin, or is generated
  shequ-kit-server set-password --username U       a new password (as for create-staff); ends its sessions
  shequ-kit-server disable-staff --username U      disable an account: its sessions end at once
  shequ-kit-server enable-staff --username U       enable it again
  shequ-kit-server seed-demo                       seed the demo street into an empty database
  shequ-kit-server retention [--dry-run]           anonymise what is past each community's retention
                                                   now (servers do it daily), and print the counts;
                                                   --dry-run only counts
  shequ-kit-server holidays import <file.json>    load a year's 法定节假日/调休 schedule (or a list of
                                                   years): {"year":2027,"off":[["2027-01-01","2027-01-01"],…],
                                                   "work":["2027-…"]}; running servers use it within a minute
  shequ-kit-server holidays list                   the years the calendar knows, shipped or loaded

Storage: PGlite in SHEQU_DATA_DIR (default ./.data), or PostgreSQL when DATABASE_URL is set.
More settings: docs/server.md.`;

const out = (line = '') => process.stderr.write(`${line}\n`);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const loginFile = (dataDir: string) => join(dataDir, 'demo-login.json');

function printLogin(url: string | undefined, login: DemoLogin) {
  out('Demo staff login (password shared by all three):');
  for (const account of login.accounts) {
    out(`  ${account.username.padEnd(10)} ${account.role.padEnd(6)} ${account.community}`);
  }
  out(`  password: ${login.password}`);
  if (url) out(`  POST ${url}/api/v1/auth/login with {"username","password"}`);
}

async function open(
  quiet: boolean,
): Promise<{ server: ShequServer; dataDir: string; pglite: boolean }> {
  const options = optionsFromEnv();
  if (quiet) {
    // One-off commands: no logs, and no maintenance pass at start.
    options.log = silentLogger;
    options.maintainOnStart = false;
  }
  options.staticRoot = quiet ? false : options.staticRoot;
  const server = await createServer(options);
  return { server, dataDir: options.dataDir ?? './.data', pglite: !options.databaseUrl };
}

async function seed(server: ShequServer, dataDir: string, pglite: boolean) {
  const login = await seedDemoData(server.store, server.credentials);
  if (login && pglite) {
    const file = loginFile(dataDir);
    await writeFile(file, JSON.stringify(login, null, 2), { mode: 0o600 });
    await chmod(file, 0o600);
  }
  return login;
}

async function serve(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, host: { type: 'string' } },
  });
  const port = Number(values.port ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`bad port: ${values.port ?? process.env.PORT}`);
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  const { server, dataDir, pglite } = await open(false);
  const seedSetting = process.env.SHEQU_SEED_DEMO?.trim() ?? 'auto';
  let login: DemoLogin | undefined;
  if (seedSetting === '1' || seedSetting === 'true' || (seedSetting === 'auto' && pglite)) {
    login = await seed(server, dataDir, pglite);
  }
  if (!login && pglite) {
    login = await readFile(loginFile(dataDir), 'utf8')
      .then((text) => JSON.parse(text) as DemoLogin)
      .catch(() => undefined);
  }
  const { url } = await server.listen(port, host);
  out('');
  out(`shequ-kit server on ${server.database}`);
  out(`  demo page  ${url}/`);
  out(`  API        ${url}/api/v1   (OpenAPI: ${url}/api/v1/openapi.json)`);
  out(`  health     ${url}/healthz`);
  if (login) printLogin(url, login);
  out('');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    out(`${signal}: closing`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function migrateCommand() {
  const { server } = await open(true);
  out(`${server.database}: up to date`);
  await server.close();
}

async function createStaffCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      community: { type: 'string' },
      role: { type: 'string', default: 'staff' },
      password: { type: 'string' },
    },
  });
  const { password, generated } = await newPassword(values.password);
  const input = parse(createStaffInputSchema, { ...values, password });
  const { server } = await open(true);
  try {
    if (!(await server.store.communities.get(input.community))) {
      out(
        `note: community ${input.community} does not exist yet; its admin can create it with PUT /api/v1/communities/${input.community}`,
      );
    }
    const profile = await createStaffAccount(server.store, server.credentials, input);
    out(`created ${profile.role} ${profile.username} (${profile.id}) in ${profile.community}`);
    if (generated) out(`password: ${password}`);
  } finally {
    await server.close();
  }
}

/** A password from --password, SHEQU_STAFF_PASSWORD or stdin (checked by the caller's schema), else a generated one. */
async function newPassword(given: string | undefined) {
  let password = given ?? process.env.SHEQU_STAFF_PASSWORD;
  if (!password && !process.stdin.isTTY) password = (await readStdin()) || undefined;
  if (password) return { password, generated: false };
  return { password: randomBytes(12).toString('base64url'), generated: true };
}

/** The account named by --username, with the server open; exits 1 when there is none. */
async function withAccount(
  args: string[],
  options: Record<string, { type: 'string' }>,
  run: (
    server: ShequServer,
    account: StaffAccount,
    values: Record<string, string | undefined>,
  ) => Promise<void>,
) {
  const { values } = parseArgs({ args, options: { username: { type: 'string' }, ...options } });
  if (!values.username) throw new DomainError('validation_failed', '--username is required');
  const { server } = await open(true);
  try {
    const account = await server.store.staff.getByUsername(values.username.trim().toLowerCase());
    if (!account) throw new DomainError('not_found', `no staff account ${values.username}`);
    await run(server, account, values);
  } finally {
    await server.close();
  }
}

/** set-password: a new password for an account; its sessions end (audited as `cli`). */
async function setPasswordCommand(args: string[]) {
  await withAccount(args, { password: { type: 'string' } }, async (server, account, values) => {
    const { password, generated } = await newPassword(values.password);
    parse(passwordSchema, password);
    await setStaffPassword(server.store, server.credentials, account, password, {
      at: new Date(),
      actor: 'cli',
      action: 'password_set',
    });
    out(`new password set for ${account.username}; its sessions have ended`);
    if (generated) out(`password: ${password}`);
  });
}

/** disable-staff / enable-staff: a disabled account's sessions end at once (audited as `cli`). */
async function setDisabledCommand(args: string[], disabled: boolean) {
  await withAccount(args, {}, async (server, account) => {
    await setStaffAccountDisabled(server.store, account, disabled, {
      at: new Date(),
      actor: 'cli',
    });
    out(`${account.username} is ${disabled ? 'disabled; its sessions have ended' : 'enabled'}`);
  });
}

async function seedCommand() {
  const { server, dataDir, pglite } = await open(true);
  try {
    const login = await seed(server, dataDir, pglite);
    if (login) printLogin(undefined, login);
    else out('the database already has communities: nothing seeded');
  } finally {
    await server.close();
  }
}

/** retention [--dry-run]: the retention job now; one line per community and repository. */
async function retentionCommand(args: string[]) {
  const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean' } } });
  const dryRun = values['dry-run'] === true;
  const { server } = await open(true);
  try {
    const report = await server.retention({ dryRun });
    for (const c of report.counts) {
      out(
        `${c.community.padEnd(16)} ${c.repository.padEnd(12)} ended before ${c.endedBefore}: ` +
          `${c.anonymised} ${dryRun ? 'to anonymise' : 'anonymised'}, ${c.photos} photo(s)`,
      );
    }
    if (dryRun) {
      out(`dry run: ${report.anonymised} item(s) and ${report.photos} photo(s) are past retention`);
    } else {
      // Photos the items let go, with their bytes, as every maintenance pass deletes them.
      await server.maintain();
      out(`${report.anonymised} item(s) anonymised, ${report.photos} photo(s) deleted`);
    }
  } finally {
    await server.close();
  }
}

/** holidays import <file> | holidays list: the 法定节假日/调休 schedules (operator data). */
async function holidaysCommand(args: string[]) {
  const [action, file] = args;
  if (action === 'import') {
    if (!file) throw new Error('holidays import needs a JSON file');
    const given = JSON.parse(await readFile(file, 'utf8')) as unknown;
    // One year or a list of years, each checked before anything is stored.
    const years = (Array.isArray(given) ? given : [given]).map((year) =>
      parse(holidayScheduleInputSchema, year),
    );
    const { server } = await open(true);
    try {
      const ctx = createContext(server.store);
      for (const year of years) {
        const stored = await storeHolidaySchedule(ctx, year, 'cli');
        const days = stored.off.length;
        out(
          `${year.year}: ${days} run(s) of days off, ${stored.work.length} 调休 workday(s) loaded` +
            (shipsYear(year.year) ? ' (replaces the shipped schedule)' : ''),
        );
      }
    } finally {
      await server.close();
    }
    return;
  }
  if (action === 'list') {
    const { server } = await open(true);
    try {
      const { years } = await holidayCalendar(createContext(server.store), {
        from: MIN_YEAR,
        to: MAX_YEAR,
      });
      for (const y of years) {
        out(
          `${y.year}  ${y.source.padEnd(7)} ${y.off.map(([a, b]) => (a === b ? a : `${a}…${b}`)).join(', ')}` +
            (y.work.length ? `; 调休上班 ${y.work.join(', ')}` : ''),
        );
      }
    } finally {
      await server.close();
    }
    return;
  }
  out(HELP);
  process.exitCode = 2;
}

async function main(argv: string[]) {
  const [command = 'serve', ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve(rest);
    case 'migrate':
      return migrateCommand();
    case 'create-staff':
      return createStaffCommand(rest);
    case 'seed-demo':
      return seedCommand();
    case 'retention':
      return retentionCommand(rest);
    case 'set-password':
      return setPasswordCommand(rest);
    case 'disable-staff':
      return setDisabledCommand(rest, true);
    case 'enable-staff':
      return setDisabledCommand(rest, false);
    case 'holidays':
      return holidaysCommand(rest);
    case 'help':
    case '--help':
    case '-h':
      out(HELP);
      return;
    default:
      if (command.startsWith('--')) return serve(argv);
      out(HELP);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof DomainError) {
    out(
      `error: ${error.code}${error.fields.length ? ` ${error.fields.map((f) => `${f.path}: ${f.key}`).join(', ')}` : ` (${error.message})`}`,
    );
  } else {
    out(`error: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
