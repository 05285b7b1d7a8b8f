/**
 * The server's packages are optional peer dependencies: `npm i shequ-kit` for the elements and
 * the SDK installs no database. This names the ones missing, with the command that adds them.
 */
export const SERVER_PEERS = ['hono', '@hono/node-server', '@electric-sql/pglite', 'postgres'];

/** The packages of `names` that do not resolve from here. */
export function missingPackages(names: readonly string[], resolve = import.meta.resolve): string[] {
  return names.filter((name) => {
    try {
      resolve(name);
      return false;
    } catch {
      return true;
    }
  });
}

/** Throws, naming what to install, when any server package is missing. */
export function assertServerPeers(resolve?: (name: string) => string): void {
  const missing = missingPackages(SERVER_PEERS, resolve);
  if (missing.length === 0) return;
  throw new Error(
    `shequ-kit/server needs ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} ` +
      `not installed (optional peer dependencies: the elements and the SDK do not need them). ` +
      `Install them with: npm i ${missing.join(' ')}`,
  );
}
