import type { InputOf, OutputOf } from '../../domain/operation.js';
import type { Caller } from '../../services/feature.js';
import type { Delivery } from '../../sdk/outbox.js';
import type { CallOptions } from '../../sdk/transport.js';
import type { wishOperations } from './contract.js';
import type { WishStaffAction } from './model.js';

type Ops = typeof wishOperations;
type In<N extends keyof Ops> = InputOf<Ops, N>;
type Out<N extends keyof Ops> = OutputOf<Ops, N>;

/**
 * `client.wishes` (微心愿). The wall: `list`, `get`. Residents: `post` (queued offline, delivered
 * exactly once; the receipt's code is shown once), `status`, `thank`, `withdraw` with that code.
 * Claimers: `claim` (never queued: 409 `already_claimed` when someone else won), `fulfil` with
 * the claim code. Staff (own community): `queue`, `act`, `counts`.
 */
export interface WishesResource {
  list(query: In<'listWishes'>): Promise<Out<'listWishes'>>;
  get(id: string): Promise<Out<'getWish'>>;
  post(
    input: In<'postWish'>,
    options?: { idempotencyKey?: string },
  ): Promise<Delivery<Out<'postWish'>>>;
  /** Pass the same `idempotencyKey` when retrying one claim: the server replays its receipt. */
  claim(
    id: string,
    input: Omit<In<'claimWish'>, 'id'>,
    options?: CallOptions,
  ): Promise<Out<'claimWish'>>;
  fulfil(input: In<'fulfilWish'>, options?: CallOptions): Promise<Out<'fulfilWish'>>;
  status(code: string): Promise<Out<'wishStatus'>>;
  thank(input: In<'thankWish'>, options?: CallOptions): Promise<Out<'thankWish'>>;
  withdraw(code: string, options?: CallOptions): Promise<Out<'withdrawWish'>>;
  queue(query: In<'listWishQueue'>): Promise<Out<'listWishQueue'>>;
  act(id: string, action: WishStaffAction, options?: CallOptions): Promise<Out<'actOnWish'>>;
  counts(query: In<'wishCounts'>): Promise<Out<'wishCounts'>>;
}

export const wishesResource = (c: Caller<Ops>): WishesResource => ({
  list: (query) => c.call('listWishes', query),
  get: (id) => c.call('getWish', { id }),
  post: (input, opts) => c.submit('postWish', input, opts),
  claim: (id, input, opts) => c.call('claimWish', { ...input, id }, opts),
  fulfil: (input, opts) => c.call('fulfilWish', input, opts),
  status: (code) => c.call('wishStatus', { code }),
  thank: (input, opts) => c.call('thankWish', input, opts),
  withdraw: (code, opts) => c.call('withdrawWish', { code }, opts),
  queue: (query) => c.call('listWishQueue', query),
  act: (id, action, opts) => c.call('actOnWish', { id, ...action } as In<'actOnWish'>, opts),
  counts: (query) => c.call('wishCounts', query),
});
