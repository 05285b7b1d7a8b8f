/**
 * shequ-kit/server: the reference server (Node only). `createServer(options)` opens the store
 * (PGlite by default, PostgreSQL with `databaseUrl`) and serves the REST API under /api/v1.
 *
 * Its packages (hono, @hono/node-server, PGlite, postgres) are optional peer dependencies. A
 * static import of them would fail before any of our code runs, with a bare "Cannot find
 * package"; so this entry checks first, naming what to install, then loads the server.
 */
import { assertServerPeers } from './peers.js';

assertServerPeers();
const api = await import('./api.js');

export type * from './api.js';
/** The SQL store's class (a value here; its instance type below). */
export type SqlStore = InstanceType<typeof api.SqlStore>;
export const {
  createServer,
  packageRoot,
  createApp,
  openApiDocument,
  scryptCredentials,
  hashPassword,
  verifyPassword,
  jsonLogger,
  silentLogger,
  withMemoryServerState,
  isServerStore,
  localDiskStorage,
  memoryStorage,
  sniffImageType,
  acceptedImageTypes,
  seedDemoData,
  optionsFromEnv,
  openSqlStore,
  SqlStore,
  migrate,
  migrations,
} = api;
