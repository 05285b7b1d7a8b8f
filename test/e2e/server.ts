/** The demo staff login of the API server the browser tests run (scripts/wtr-api-server.mjs). */
export interface DemoLogin {
  password: string;
  accounts: { username: string; role: string; community: string }[];
}

let login: Promise<DemoLogin> | undefined;

export function demoLogin(): Promise<DemoLogin> {
  return (login ??= fetch('/__shequ-kit__/demo-login.json').then((r) => {
    if (!r.ok) throw new Error(`demo login: HTTP ${r.status}`);
    return r.json() as Promise<DemoLogin>;
  }));
}

/**
 * A `before` hook: waits for the server, which starts with the test run and may take a while
 * on a busy machine (PGlite, migrations, seeding, hashing the demo passwords).
 */
export async function serverReady(this: Mocha.Context): Promise<void> {
  this.timeout(120_000);
  await demoLogin();
}
