import type { StaffAccount } from '../core/auth-model.js';
import type { Actor } from '../../services/context.js';
import { demoCommunities } from '../core/demo.js';
import type { Store } from '../../services/store.js';

/**
 * Staff of the demo street in embedded mode (Storybook, trials), so the complaint desk has
 * people to assign cases to. They cannot log in (no password; embedded mode has no login):
 * a page acts as one of them with `createClient({ embedded: { actor: demoStaffActor(…) } })`.
 * Same usernames and names as the server's demo accounts (src/server/demo.ts).
 */
export const demoStaffAccounts: StaffAccount[] = [
  { username: 'xfl-admin', name: '李秀英', role: 'admin', community: demoCommunities[0]!.id },
  { username: 'xfl-grid', name: '王建国', role: 'staff', community: demoCommunities[0]!.id },
  { username: 'ch-admin', name: '陈丽华', role: 'admin', community: demoCommunities[1]!.id },
].map((a) => ({
  ...a,
  role: a.role as 'staff' | 'admin',
  id: `demo-${a.username}`,
  passwordHash: '',
  createdAt: '2026-01-01T00:00:00.000Z',
}));

/** Adds the demo staff accounts that are missing (by username). */
export async function seedDemoStaff(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    for (const account of demoStaffAccounts) {
      if (!(await tx.staff.getByUsername(account.username))) await tx.staff.put(account);
    }
  });
}

/** The actor of a demo staff account (`xfl-admin`, `xfl-grid`, `ch-admin`) for embedded mode. */
export function demoStaffActor(username = 'xfl-admin'): Extract<Actor, { kind: 'staff' }> {
  const account = demoStaffAccounts.find((a) => a.username === username);
  if (!account) throw new Error(`no demo staff account ${username}`);
  const { id, name, role, community } = account;
  return { kind: 'staff', id, name, role, community };
}
