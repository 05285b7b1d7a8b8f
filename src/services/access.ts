// Apart from context.ts: the embedded transport makes contexts and the use cases check access,
// so a page's bundler can keep each with its own code (docs/size.md, 2026-12-06).
import { DomainError } from '../domain/errors.js';
import type { Actor } from './context.js';

/**
 * The one rule for staff scope: a staff member or admin acts only within their own community.
 * No session → 401; another community → 403.
 */
export function assertCommunityAccess(
  actor: Actor,
  community: string,
  role: 'staff' | 'admin' = 'staff',
): asserts actor is Extract<Actor, { kind: 'staff' }> {
  if (actor.kind !== 'staff') throw new DomainError('unauthorized');
  if (role === 'admin' && actor.role !== 'admin') throw new DomainError('forbidden', 'admins only');
  if (actor.community !== community) {
    throw new DomainError('forbidden', 'another community');
  }
}

/** Who acted, for an audit event: a staff member by id, anyone else as the resident. */
export const eventActor = (actor: Actor) =>
  actor.kind === 'staff' ? { kind: 'staff' as const, id: actor.id } : { kind: 'resident' as const };
