import type { InputOf, OutputOf } from '../../domain/operation.js';
import type { Caller } from '../../services/feature.js';
import type { CallOptions } from '../../sdk/transport.js';
import type { redblackOperations } from './contract.js';
import type { AppealOutcome, BuildingScoresInput, RedblackStaffAction } from './model.js';

type Ops = typeof redblackOperations;
type In<N extends keyof Ops> = InputOf<Ops, N>;
type Out<N extends keyof Ops> = OutputOf<Ops, N>;

/**
 * `client.redblack` (红黑榜). Everyone: `board` (now, or an archived `period`), `appeal` a black
 * entry on the board (its code is shown once), `appealStatus` by that code. Staff (own
 * community): `entries`, `entry`, `create`, `update` (a draft, or a correction after
 * publishing), `act` (submit, return, publish — never one's own entry —, rectify, renew,
 * withdraw), `appeals`, `decide`. 和谐楼道 scores: `buildingScores` (everyone: one building's
 * items, total and rank), staff `putBuildingScores` and `scoreSheet` (ranks and suggestions).
 */
export interface RedblackResource {
  /** The board now (what is on it at this moment), or an archived period (`2026-Q3`). */
  board(community: string, period?: string): Promise<Out<'redblackBoard'>>;
  /** Appeals (申诉) a black entry on the board; 409 `conflict` while one is pending. */
  appeal(
    entry: string,
    input: Omit<In<'appealRedblackEntry'>, 'entry'>,
    options?: CallOptions,
  ): Promise<Out<'appealRedblackEntry'>>;
  /** The appeal behind a code: status, due date, outcome. */
  appealStatus(code: string): Promise<Out<'redblackAppealStatus'>>;
  /** Staff: entries of the community (of a status, a period). */
  entries(query: In<'listRedblackEntries'>): Promise<Out<'listRedblackEntries'>>;
  /** Staff: one entry with its history. */
  entry(id: string): Promise<Out<'getRedblackEntry'>>;
  /** Staff: a new draft. A black entry naming a person or a household → 400. */
  create(
    input: In<'createRedblackEntry'>,
    options?: CallOptions,
  ): Promise<Out<'createRedblackEntry'>>;
  /** Staff: a draft's new version, or a correction after publishing (with `note`). */
  update(
    id: string,
    input: Omit<In<'updateRedblackEntry'>, 'id'>,
    options?: CallOptions,
  ): Promise<Out<'updateRedblackEntry'>>;
  /** Staff: submit, return, publish (403 `forbidden`, field key `review.ownEntry`, for its author), rectify, renew, withdraw. */
  act(
    id: string,
    action: RedblackStaffAction,
    options?: CallOptions,
  ): Promise<Out<'actOnRedblackEntry'>>;
  /** Staff: the community's appeals (of a status). */
  appeals(query: In<'listRedblackAppeals'>): Promise<Out<'listRedblackAppeals'>>;
  /** Staff: uphold (withdraw or correct the entry) or dismiss with a reason. */
  decide(
    id: string,
    decision: AppealOutcome,
    options?: CallOptions,
  ): Promise<Out<'decideRedblackAppeal'>>;
  /** 和谐楼道: one building's items, total and rank for a period (its latest without one), and its archive. */
  buildingScores(
    community: string,
    building: string,
    period?: string,
  ): Promise<Out<'buildingScores'>>;
  /** Staff: scores one building for a period (every rubric item, 0–10 in halves); again replaces them. */
  putBuildingScores(
    input: BuildingScoresInput,
    options?: CallOptions,
  ): Promise<Out<'putBuildingScores'>>;
  /** Staff: the period's score sheet — every building, totals, ranks, red/black candidates. */
  scoreSheet(community: string, period: string): Promise<Out<'scoreSheet'>>;
}

export const redblackResource = (c: Caller<Ops>): RedblackResource => ({
  board: (community, period) =>
    c.call('redblackBoard', period === undefined ? { community } : { community, period }),
  appeal: (entry, input, opts) => c.call('appealRedblackEntry', { ...input, entry }, opts),
  appealStatus: (code) => c.call('redblackAppealStatus', { code }),
  entries: (query) => c.call('listRedblackEntries', query),
  entry: (id) => c.call('getRedblackEntry', { id }),
  create: (input, opts) => c.call('createRedblackEntry', input, opts),
  update: (id, input, opts) => c.call('updateRedblackEntry', { ...input, id }, opts),
  act: (id, action, opts) =>
    c.call('actOnRedblackEntry', { id, ...action } as In<'actOnRedblackEntry'>, opts),
  appeals: (query) => c.call('listRedblackAppeals', query),
  decide: (id, decision, opts) =>
    c.call('decideRedblackAppeal', { ...decision, id } as In<'decideRedblackAppeal'>, opts),
  buildingScores: (community, building, period) =>
    c.call(
      'buildingScores',
      period === undefined ? { community, building } : { community, building, period },
    ),
  putBuildingScores: (input, opts) => c.call('putBuildingScores', input, opts),
  scoreSheet: (community, period) => c.call('scoreSheet', { community, period }),
});
