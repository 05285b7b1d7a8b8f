import type { InputOf, OutputOf } from '../../domain/operation.js';
import type { Caller } from '../../services/feature.js';
import type { adminOperations } from './contract.js';

type Ops = typeof adminOperations;
type In<N extends keyof Ops> = InputOf<Ops, N>;
type Out<N extends keyof Ops> = OutputOf<Ops, N>;

/**
 * `client.admin`: setting up an admin's own community and its staff accounts. A disabled
 * account's sessions end at once and it cannot sign in; disabling is audited. A staff member
 * changes their own password with `client.auth.changePassword`.
 */
export interface AdminResource {
  putCommunity(community: In<'putCommunity'>): Promise<Out<'putCommunity'>>;
  listStaff(community: string): Promise<Out<'listStaff'>>;
  createStaff(input: In<'createStaff'>): Promise<Out<'createStaff'>>;
  setStaffDisabled(id: string, disabled: boolean): Promise<Out<'setStaffDisabled'>>;
}

export const adminResource = (c: Caller<Ops>): AdminResource => ({
  putCommunity: (community) => c.call('putCommunity', community),
  listStaff: (community) => c.call('listStaff', { community }),
  createStaff: (input) => c.call('createStaff', input),
  setStaffDisabled: (id, disabled) => c.call('setStaffDisabled', { id, disabled }),
});
