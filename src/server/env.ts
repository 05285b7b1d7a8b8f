import { jsonLogger, type LogLevel } from './log.js';
import type { RateLimit } from './rate-limit.js';
import type { ServerOptions } from './server.js';

type Env = Record<string, string | undefined>;

function fail(name: string, value: string, expected: string): never {
  throw new Error(`${name}=${JSON.stringify(value)}: expected ${expected}`);
}

function int(env: Env, name: string, min = 0): number | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) fail(name, value, `a whole number ≥ ${min}`);
  return n;
}

/** `60/60` = 60 requests per 60 seconds; `off` = no limit. */
function rate(env: Env, name: string): RateLimit | false | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  if (value === 'off') return false;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1)
    fail(name, value, '`MAX/SECONDS` or `off`');
  return { max: Number(match[1]), windowMs: Number(match[2]) * 1000 };
}

const off = (env: Env, name: string) =>
  ['off', '0', 'false', 'no'].includes(env[name]?.trim() ?? '');

/**
 * Server options from environment variables (the CLI's configuration; docs/server.md lists
 * them). Anything unset keeps createServer's default.
 */
export function optionsFromEnv(env: Env = process.env): ServerOptions {
  const options: ServerOptions = {};
  if (env.DATABASE_URL?.trim()) options.databaseUrl = env.DATABASE_URL.trim();
  options.dataDir = env.SHEQU_DATA_DIR?.trim() || './.data';
  if (env.SHEQU_DB_SCHEMA?.trim()) options.schema = env.SHEQU_DB_SCHEMA.trim();
  const pool = int(env, 'SHEQU_DB_POOL', 1);
  if (pool) options.poolSize = pool;
  if (env.SHEQU_ALLOWED_ORIGINS?.trim()) {
    options.allowedOrigins = env.SHEQU_ALLOWED_ORIGINS.split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter(Boolean);
    for (const origin of options.allowedOrigins) {
      if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
        fail('SHEQU_ALLOWED_ORIGINS', origin, 'origins like https://www.example.gov.cn, or *');
      }
    }
  }
  const proxy = env.SHEQU_TRUST_PROXY?.trim();
  if (proxy) options.trustProxy = proxy === 'true' ? 1 : (int(env, 'SHEQU_TRUST_PROXY') ?? 0);
  const writes = rate(env, 'SHEQU_RATE_LIMIT');
  const login = rate(env, 'SHEQU_LOGIN_RATE_LIMIT');
  const loginUser = rate(env, 'SHEQU_LOGIN_USER_RATE_LIMIT');
  const uploads = rate(env, 'SHEQU_UPLOAD_RATE_LIMIT');
  if (writes !== undefined || login !== undefined || loginUser !== undefined || uploads !== undefined) {
    options.rateLimits = {};
    if (uploads !== undefined) options.rateLimits.uploads = uploads;
    if (writes !== undefined) options.rateLimits.publicWrites = writes;
    if (login !== undefined) options.rateLimits.login = login;
    if (loginUser !== undefined) options.rateLimits.loginPerUsername = loginUser;
  }
  const hours = int(env, 'SHEQU_SESSION_HOURS', 1);
  if (hours) options.sessionTtlMs = hours * 3_600_000;
  const secure = env.SHEQU_SECURE_COOKIES?.trim();
  if (secure) {
    if (!['auto', 'true', 'false'].includes(secure))
      fail('SHEQU_SECURE_COOKIES', secure, 'auto, true or false');
    options.secureCookies = secure === 'auto' ? 'auto' : secure === 'true';
  }
  if (off(env, 'SHEQU_UPLOADS')) {
    options.uploads = false;
  } else {
    const mb = int(env, 'SHEQU_UPLOAD_MAX_MB', 1);
    const files = int(env, 'SHEQU_UPLOAD_MAX_FILES', 1);
    options.uploads = {};
    if (mb) options.uploads.maxBytes = mb * 1024 * 1024;
    if (files) options.uploads.maxFiles = files;
  }
  const keepAlive = int(env, 'SHEQU_KEEP_ALIVE_SECONDS', 1);
  if (keepAlive) options.keepAliveTimeoutMs = keepAlive * 1000;
  const maxConnections = int(env, 'SHEQU_MAX_CONNECTIONS', 1);
  if (maxConnections) options.connections = { maxConnections };
  if (off(env, 'SHEQU_STATIC')) options.staticRoot = false;
  const level = env.SHEQU_LOG_LEVEL?.trim() || 'info';
  if (!['debug', 'info', 'warn', 'error'].includes(level)) {
    fail('SHEQU_LOG_LEVEL', level, 'debug, info, warn or error');
  }
  options.log = jsonLogger(level as LogLevel);
  return options;
}
