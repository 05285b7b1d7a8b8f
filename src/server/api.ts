/**
 * Everything `shequ-kit/server` exports (loaded by ./index.ts once its packages are there): the reference server (Node only). `createServer(options)` opens the store
 * (PGlite by default, PostgreSQL with `databaseUrl`) and serves the REST API under /api/v1.
 */
export { createServer, packageRoot, type ServerOptions, type ShequServer } from './server.js';
export { createApp, type AppConfig } from './app.js';
export { openApiDocument } from './openapi.js';
export {
  scryptCredentials,
  hashPassword,
  verifyPassword,
  type ScryptParams,
} from './credentials.js';
export { jsonLogger, silentLogger, type Logger, type LogRecord, type LogLevel } from './log.js';
export type { RateLimit } from './rate-limit.js';
export {
  withMemoryServerState,
  isServerStore,
  type ServerStore,
  type IdempotencyRepository,
  type RateLimitRepository,
  type SettingsRepository,
  type StoredResponse,
} from '../stores/server-state.js';
export {
  localDiskStorage,
  memoryStorage,
  sniffImageType,
  acceptedImageTypes,
  type UploadStorage,
  type UploadLimits,
} from './uploads.js';
export { seedDemoData, type DemoLogin } from './demo.js';
export { optionsFromEnv } from './env.js';
export { openSqlStore, SqlStore, migrate, migrations } from '../stores/sql/index.js';
