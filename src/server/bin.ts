#!/usr/bin/env node
/**
 * `shequ-kit-server` (package.json `bin`): names the server packages to install when one is
 * missing (they are optional peer dependencies), then runs the CLI. A static import of the
 * CLI would fail first, with a bare "Cannot find package".
 */
import { assertServerPeers } from './peers.js';

try {
  assertServerPeers();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
await import('./cli.js');
