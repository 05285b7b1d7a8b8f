import { DomainError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { StaffAccount, StaffAccountEvent, StaffProfile } from './auth-model.js';
import type { Actor, Credentials, ServiceContext } from '../../services/context.js';
import type { Store } from '../../services/store.js';

export const toProfile = ({
  id,
  username,
  name,
  role,
  community,
  disabled,
}: StaffAccount): StaffProfile => ({
  id,
  username,
  name,
  role,
  community,
  ...(disabled ? { disabled } : {}),
});

export function credentialsOf(ctx: { credentials?: Credentials | undefined }): Credentials {
  if (!ctx.credentials) throw new DomainError('unavailable', 'staff login needs a server');
  return ctx.credentials;
}

/** Checks a username and password and opens a session. Wrong either way: one 401, same timing. */
export async function login(
  ctx: ServiceContext,
  input: { username: string; password: string },
): Promise<{ token: string; expiresAt: string; staff: StaffProfile }> {
  const credentials = credentialsOf(ctx);
  const account = await ctx.store.staff.getByUsername(input.username.trim().toLowerCase());
  const usable = account && !account.disabled ? account : undefined;
  const ok = await credentials.verifyPassword(input.password, usable?.passwordHash);
  if (!ok || !usable) throw new DomainError('unauthorized', 'wrong username or password');
  return openSession(ctx, credentials, usable);
}

export async function openSession(
  ctx: ServiceContext,
  credentials: Credentials,
  account: StaffAccount,
) {
  const now = ctx.clock.now();
  const { token, id } = credentials.newToken();
  const expiresAt = new Date(now.getTime() + credentials.sessionTtlMs).toISOString();
  await ctx.store.sessions.put({
    id,
    staffId: account.id,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { token, expiresAt, staff: toProfile(account) };
}

/** Records what happened to an account (its audit trail is kept with it). */
function audit(account: StaffAccount, event: StaffAccountEvent): StaffAccount {
  return { ...account, history: [...(account.history ?? []), event] };
}

/**
 * Sets an account's password and ends every session it has (they were opened before now).
 * Without access checks: `changePassword` checks them, and the server's `set-password`
 * command calls this directly.
 */
export async function setStaffPassword(
  store: Store,
  credentials: Credentials,
  account: StaffAccount,
  password: string,
  by: { at: Date; actor: string; action: 'password_changed' | 'password_set' },
): Promise<StaffAccount> {
  const at = by.at.toISOString();
  const updated = audit(
    { ...account, passwordHash: await credentials.hashPassword(password), sessionsFrom: at },
    { at, action: by.action, by: by.actor },
  );
  await store.staff.put(updated);
  return updated;
}

/**
 * Disables or enables an account. Without access checks: `setStaffDisabled` checks them, and
 * the server's `disable-staff` / `enable-staff` commands call this directly.
 */
export async function setStaffAccountDisabled(
  store: Store,
  account: StaffAccount,
  disabled: boolean,
  by: { at: Date; actor: string },
): Promise<StaffAccount> {
  if (Boolean(account.disabled) === disabled) return account;
  const { disabled: _was, ...rest } = account;
  const updated = audit(disabled ? { ...rest, disabled: true } : rest, {
    at: by.at.toISOString(),
    action: disabled ? 'disabled' : 'enabled',
    by: by.actor,
  });
  await store.staff.put(updated);
  return updated;
}

/** Ends the caller's session. */
export async function logout(ctx: ServiceContext): Promise<{ ok: true }> {
  if (ctx.actor.kind !== 'staff') throw new DomainError('unauthorized');
  if (ctx.actor.session) await ctx.store.sessions.delete(ctx.actor.session);
  return { ok: true };
}

export async function me(ctx: ServiceContext): Promise<StaffProfile> {
  if (ctx.actor.kind !== 'staff') throw new DomainError('unauthorized');
  const account = await ctx.store.staff.get(ctx.actor.id);
  if (!account) throw new DomainError('unauthorized');
  return toProfile(account);
}

/**
 * The actor a session token stands for, or undefined when the token is unknown, expired, or its
 * account is gone or disabled.
 */
export async function resolveSession(
  ctx: Pick<ServiceContext, 'store' | 'clock' | 'credentials'>,
  token: string,
): Promise<Actor | undefined> {
  const credentials = credentialsOf(ctx);
  const session = await ctx.store.sessions.get(credentials.tokenId(token));
  if (!session || Date.parse(session.expiresAt) <= ctx.clock.now().getTime()) return undefined;
  const account = await ctx.store.staff.get(session.staffId);
  if (!account || account.disabled) return undefined;
  // A password change ends every session opened before it.
  if (account.sessionsFrom && session.createdAt < account.sessionsFrom) return undefined;
  return {
    kind: 'staff',
    id: account.id,
    name: account.name,
    role: account.role,
    community: account.community,
    session: session.id,
  };
}

export interface NewStaff {
  community: string;
  username: string;
  name: string;
  role: 'staff' | 'admin';
  password: string;
}

/**
 * Creates an account without access checks: the operation below checks them, and the server's
 * `create-staff` command (run by whoever runs the server) calls this directly.
 */
export async function createStaffAccount(
  store: Store,
  credentials: Credentials,
  input: NewStaff,
  now: Date = new Date(),
): Promise<StaffProfile> {
  const account: StaffAccount = {
    id: newId(now.getTime()),
    username: input.username.trim().toLowerCase(),
    name: input.name.trim(),
    role: input.role,
    community: input.community,
    passwordHash: await credentials.hashPassword(input.password),
    createdAt: now.toISOString(),
  };
  await store.staff.put(account);
  return toProfile(account);
}
