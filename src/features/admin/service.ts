import { DomainError } from '../../domain/errors.js';
import type { ServiceContext } from '../../services/context.js';
import { assertCommunityAccess } from '../../services/access.js';
import {
  createStaffAccount,
  credentialsOf,
  openSession,
  setStaffAccountDisabled,
  setStaffPassword,
  toProfile,
  type NewStaff,
} from '../core/auth.js';
import type { StaffProfile } from '../core/auth-model.js';
import type { Community } from '../core/model.js';

/**
 * Setting up a community and its staff: one service per operation of contract.ts. The account
 * rules they share with the server's CLI (create, set a password, disable) are in core/auth.ts.
 */

/**
 * An admin sets up or updates their own community: its grids, buildings, units, categories and
 * privacy notice (the whole document, replaced at once).
 */
export async function putCommunity(ctx: ServiceContext, community: Community): Promise<Community> {
  assertCommunityAccess(ctx.actor, community.id, 'admin');
  await ctx.store.communities.put(community);
  return community;
}

/** An admin lists their own community's staff. */
export async function listStaff(
  ctx: ServiceContext,
  { community }: { community: string },
): Promise<StaffProfile[]> {
  assertCommunityAccess(ctx.actor, community, 'admin');
  return (await ctx.store.staff.listByCommunity(community)).map(toProfile);
}

/** An admin adds a staff member to their own community. */
export async function createStaff(ctx: ServiceContext, input: NewStaff): Promise<StaffProfile> {
  assertCommunityAccess(ctx.actor, input.community, 'admin');
  return createStaffAccount(ctx.store, credentialsOf(ctx), input, ctx.clock.now());
}

/**
 * A staff member changes their own password. Every session of the account ends (a stolen one
 * too); the answer is a new session for this device.
 */
export async function changePassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
): Promise<{ token: string; expiresAt: string; staff: StaffProfile }> {
  if (ctx.actor.kind !== 'staff') throw new DomainError('unauthorized');
  const credentials = credentialsOf(ctx);
  const actorId = ctx.actor.id;
  return ctx.store.transaction(async (tx) => {
    const account = await tx.staff.get(actorId, { lock: true });
    if (!account || account.disabled) throw new DomainError('unauthorized');
    if (!(await credentials.verifyPassword(input.currentPassword, account.passwordHash))) {
      throw new DomainError('validation_failed', 'wrong current password', [
        { path: 'currentPassword', key: 'password.wrong' },
      ]);
    }
    const now = ctx.clock.now();
    const updated = await setStaffPassword(tx, credentials, account, input.newPassword, {
      at: now,
      actor: actorId,
      action: 'password_changed',
    });
    // The new session opens at the cut-off instant, so it counts (older ones are before it).
    return openSession({ ...ctx, store: tx }, credentials, updated);
  });
}

/**
 * An admin disables an account of their own community (a 网格员 who has left): its sessions
 * stop working at once and it cannot sign in; or enables it again. Not their own account.
 */
export async function setStaffDisabled(
  ctx: ServiceContext,
  input: { id: string; disabled: boolean },
): Promise<StaffProfile> {
  return ctx.store.transaction(async (tx) => {
    const account = await tx.staff.get(input.id, { lock: true });
    if (!account) throw new DomainError('not_found', `staff ${input.id}`);
    assertCommunityAccess(ctx.actor, account.community, 'admin');
    if (account.id === ctx.actor.id) {
      throw new DomainError('conflict', 'an admin cannot disable their own account', [
        { path: 'id', key: 'staff.self' },
      ]);
    }
    const updated = await setStaffAccountDisabled(tx, account, input.disabled, {
      at: ctx.clock.now(),
      actor: ctx.actor.id,
    });
    return toProfile(updated);
  });
}
