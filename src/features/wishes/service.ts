/**
 * 微心愿 use cases: 群众点单 (post) → staff 核实 (approve/reject) → 社会领单 (claim) → 完成
 * (fulfil) → 群众评单 (thank). Every status change goes through `nextWishStatus`; every
 * read-check-write runs in one store transaction with the wish's row locked, so one claimer
 * wins however many race. Reads never write: a hold that ended reads as released (`asOf`).
 */
import * as z from 'zod/mini';
import { categoriesFor } from '../core/catalogues.js';
import type { Community } from '../core/model.js';
import { DomainError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { pageGroups } from '../../domain/grouped-paging.js';
import type { Page } from '../../domain/paging.js';
import { shanghaiStartOfDay } from '../../domain/time.js';
import {
  claimHoldUntil,
  hashWishCode,
  isClaimExpired,
  isPublicWish,
  nextWishStatus,
  publicClaimerName,
  publicWisherName,
  wallOrder,
  wishSettings,
  type ClaimReceipt,
  type Wish,
  type WishAction,
  type WishCard,
  type WishCounts,
  type WishEvent,
  type WishReceipt,
  type WishPublicText,
  type WishStaffView,
  type WishWisherView,
  type claimInputSchema,
  type wishActionRequestSchema,
  type wishCountsQuerySchema,
  type wishFulfilInputSchema,
  type wishInputSchema,
  type wishListQuerySchema,
  type wishQueueQuerySchema,
  type wishThankInputSchema,
} from './model.js';
import { scrubPublicText } from '../../domain/mask.js';
import type { Actor, ServiceContext } from '../../services/context.js';
import { freshCode } from '../../services/codes.js';
import { assertCommunityAccess } from '../../services/access.js';
import type { Store } from '../../services/store.js';

type Parsed<S extends z.ZodMiniType> = z.output<S>;
type EventActor = WishEvent['actor'];

const DAY_MS = 24 * 60 * 60 * 1000;

// ---- Views ----

/**
 * The wish's free text as the wall shows it: phone and ID numbers typed into it, and the names
 * of its own people (the wisher; a claimer who is a person), masked. Staff see the original
 * and this side by side before approving.
 */
export function publicWishText(wish: Wish): WishPublicText {
  const people = [wish.wisherName, wish.claim?.type === 'unit' ? undefined : wish.claim?.name];
  const text: WishPublicText = {
    title: scrubPublicText(wish.title, people),
    story: scrubPublicText(wish.story, people),
  };
  if (wish.thanks?.message) text.thanks = scrubPublicText(wish.thanks.message, people);
  return text;
}

/** The public card: the wisher by alias or masked name, the claimer masked, never a phone. */
export function toWishCard(wish: Wish): WishCard {
  if (!isPublicWish(wish.status)) throw new DomainError('not_found', `wish ${wish.id}`);
  const published = publicWishText(wish);
  const card: WishCard = {
    id: wish.id,
    title: published.title,
    story: published.story,
    category: wish.category,
    wisherName: publicWisherName(wish),
    status: wish.status as WishCard['status'],
    createdAt: wish.createdAt,
  };
  if (wish.grid !== undefined) card.grid = wish.grid;
  if (wish.value !== undefined) card.value = wish.value;
  if (wish.claim) card.claimer = publicClaimer(wish.claim);
  if (wish.fulfilment) card.fulfilledAt = wish.fulfilment.at;
  if (published.thanks) card.thanks = published.thanks;
  return card;
}

const publicClaimer = (claim: NonNullable<Wish['claim']>) => ({
  type: claim.type,
  name: publicClaimerName(claim.type, claim.name),
});

/** What the wisher sees with their code: the reject reason and the fulfilment note too. */
export function toWisherView(wish: Wish): WishWisherView {
  // The wisher's code can be shared or overheard: the view shows the text as the wall does.
  const published = publicWishText(wish);
  const view: WishWisherView = {
    id: wish.id,
    title: published.title,
    status: wish.status,
    createdAt: wish.createdAt,
    canWithdraw: nextWishStatus(wish.status, 'withdraw') !== undefined,
    canThank: nextWishStatus(wish.status, 'thank') !== undefined,
  };
  if (wish.rejectReason !== undefined) view.rejectReason = wish.rejectReason;
  if (wish.claim) view.claimer = publicClaimer(wish.claim);
  if (wish.fulfilment) view.fulfilment = { at: wish.fulfilment.at, note: wish.fulfilment.note };
  if (published.thanks) view.thanks = published.thanks;
  return view;
}

/** Staff see everything (phones too) except the code hashes. */
export function toWishStaffView(wish: Wish): WishStaffView {
  const { codeHash: _wisherCode, claim, ...rest } = wish;
  const view: WishStaffView = { ...rest, published: publicWishText(wish) };
  if (claim) {
    const { codeHash: _claimCode, ...visible } = claim;
    view.claim = visible;
  }
  return view;
}

// ---- Rules ----

/** Applies `action` through the one transition table, with its audit event; illegal → 409. */
function transition(wish: Wish, action: WishAction, actor: EventActor, now: Date, text?: string) {
  // A wish being posted has no status yet: its first event is the table's `none` → submit.
  const from = wish.history.length ? wish.status : undefined;
  const to = nextWishStatus(from, action);
  if (!to) {
    throw new DomainError('invalid_transition', `cannot ${action} a ${wish.status} wish`);
  }
  const event: WishEvent = { at: now.toISOString(), action, to, actor };
  if (from !== undefined) event.from = from;
  if (text !== undefined) event.text = text;
  wish.history.push(event);
  wish.status = to;
}

const staffActor = (actor: Extract<Actor, { kind: 'staff' }>): EventActor => ({
  kind: 'staff',
  id: actor.id,
});
const SYSTEM: EventActor = { kind: 'system' };

function release(wish: Wish, actor: EventActor, now: Date, text?: string) {
  transition(wish, 'release', actor, now, text);
  delete wish.claim;
}

/**
 * A wish as of `now`: a claim whose hold ended reads as released (the same `release` the
 * writes record), for reads, which never write. Returns the wish itself when nothing changed.
 */
function asOf(wish: Wish, now: Date): Wish {
  if (!isClaimExpired(wish, now)) return wish;
  const shown = structuredClone(wish);
  release(shown, SYSTEM, now, 'hold_expired');
  return shown;
}

/**
 * Records an expired hold's release: the writes that meet one do it (in their transaction, the
 * row locked), and so does the maintenance sweep; reads only show it (`asOf`).
 */
async function releaseIfExpired(tx: Store, wish: Wish, now: Date): Promise<Wish> {
  if (!isClaimExpired(wish, now)) return wish;
  release(wish, SYSTEM, now, 'hold_expired');
  await tx.wishes.put(wish);
  return wish;
}

/**
 * The maintenance sweep: records the release of every hold that ended, one transaction per
 * community, rows locked oldest first (so two instances sweeping at once never deadlock; the
 * second finds the rows released). Returns how many were released.
 */
export async function releaseExpiredHolds(store: Store, now: Date): Promise<number> {
  let released = 0;
  for (const community of await store.communities.list()) {
    released += await store.transaction(async (tx) => {
      const expired = await tx.wishes.listExpiredClaims(community.id, now.toISOString(), {
        lock: true,
      });
      for (const wish of expired) await releaseIfExpired(tx, wish, now);
      return expired.length;
    });
  }
  return released;
}

async function communityOf(tx: Store, id: string): Promise<Community> {
  const community = await tx.communities.get(id);
  if (!community) throw new DomainError('not_found', `community ${id}`);
  return community;
}

const invalid = (path: string, key: string, params?: Record<string, string | number>) =>
  new DomainError('validation_failed', `${path}: ${key}`, [
    params ? { path, key, params } : { path, key },
  ]);

// ---- Resident operations ----

/** 点单: a resident posts a wish; it waits for staff review (pending_review). */
export async function postWish(
  ctx: ServiceContext,
  input: Parsed<typeof wishInputSchema>,
): Promise<WishReceipt> {
  return ctx.store.transaction(async (tx) => {
    const community = await communityOf(tx, input.community);
    if (!categoriesFor(community, 'wish').some((c) => c.id === input.category)) {
      throw invalid('category', 'category.unknown');
    }
    if (input.grid !== undefined && !community.grids.some((g) => g.id === input.grid)) {
      throw invalid('grid', 'grid.unknown');
    }
    const { valueCap } = wishSettings(community);
    if (input.value !== undefined && input.value > valueCap) {
      throw invalid('value', 'value.tooHigh', { max: valueCap });
    }
    const now = ctx.clock.now();
    const { code, hash } = await freshCode(
      (c) => hashWishCode('wish', c),
      (h) => tx.wishes.getByCode(h),
    );
    const wish: Wish = {
      id: newId(now.getTime()),
      community: community.id,
      category: input.category,
      title: input.title,
      story: input.story,
      wisherName: input.wisherName,
      phone: input.phone,
      status: 'pending_review',
      createdAt: now.toISOString(),
      codeHash: hash,
      history: [],
    };
    if (input.grid !== undefined) wish.grid = input.grid;
    if (input.alias) wish.alias = input.alias;
    if (input.value !== undefined) wish.value = input.value;
    transition(wish, 'submit', { kind: 'wisher' }, now);
    await tx.wishes.put(wish);
    return { id: wish.id, code, status: wish.status };
  });
}

/**
 * The wall: public statuses only (as of now: holds that ended read as open), in the wall's
 * order (wallOrder: 待认领, 已认领, then 已完成), each group newest first. One statement per
 * group a page reaches, no transaction; the community is looked up only when the page is
 * empty (404).
 */
export async function listWishes(
  ctx: ServiceContext,
  query: Parsed<typeof wishListQuerySchema>,
): Promise<Page<WishCard>> {
  const now = ctx.clock.now();
  const groups = query.status
    ? wallOrder.map((group) => group.filter((status) => status === query.status))
    : wallOrder;
  const page = await pageGroups(groups.length, query, (group, cursor, limit) =>
    groups[group]!.length
      ? ctx.store.wishes.list({
          community: query.community,
          statuses: groups[group]!,
          category: query.category,
          grid: query.grid,
          now: now.toISOString(),
          live: true,
          limit,
          cursor,
        })
      : Promise.resolve({ items: [] }),
  );
  if (!page.items.length) await communityOf(ctx.store, query.community);
  return { ...page, items: page.items.map((wish) => toWishCard(asOf(wish, now))) };
}

export async function getWish(ctx: ServiceContext, { id }: { id: string }): Promise<WishCard> {
  const wish = await ctx.store.wishes.get(id);
  if (!wish || !isPublicWish(wish.status) || wish.anonymisedAt) {
    throw new DomainError('not_found', `wish ${id}`);
  }
  return toWishCard(asOf(wish, ctx.clock.now()));
}

/**
 * 领单: the first claim wins; any other gets `already_claimed` (409). The wish row is locked
 * for the whole check-and-write, so concurrent claims are decided one after another.
 */
export async function claimWish(
  ctx: ServiceContext,
  input: { id: string } & Parsed<typeof claimInputSchema>,
): Promise<ClaimReceipt> {
  return ctx.store.transaction(async (tx) => {
    const found = await tx.wishes.get(input.id, { lock: true });
    if (!found || !isPublicWish(found.status)) {
      throw new DomainError('not_found', `wish ${input.id}`);
    }
    const now = ctx.clock.now();
    const wish = await releaseIfExpired(tx, found, now);
    if (wish.status !== 'open') throw new DomainError('already_claimed', `wish ${wish.id}`);
    const community = await communityOf(tx, wish.community);
    const { code, hash } = await freshCode(
      (c) => hashWishCode('claim', c),
      (h) => tx.wishes.getByClaimCode(h),
    );
    const holdUntil = claimHoldUntil(now, wishSettings(community).holdDays);
    transition(wish, 'claim', { kind: 'claimer' }, now);
    wish.claim = {
      type: input.claimerType,
      name: input.name,
      phone: input.phone,
      at: now.toISOString(),
      holdUntil,
      codeHash: hash,
    };
    await tx.wishes.put(wish);
    return { card: toWishCard(wish), claimCode: code, holdUntil };
  });
}

/** The claimer reports the wish fulfilled with their claim code (before the hold ends). */
export async function fulfilWish(
  ctx: ServiceContext,
  input: Parsed<typeof wishFulfilInputSchema>,
): Promise<WishCard> {
  return ctx.store.transaction(async (tx) => {
    const wish = await tx.wishes.getByClaimCode(hashWishCode('claim', input.claimCode), {
      lock: true,
    });
    if (!wish) throw new DomainError('not_found', 'claim code');
    const now = ctx.clock.now();
    // Refused, so nothing is written: the release is recorded by the next write or the sweep.
    if (isClaimExpired(wish, now)) throw new DomainError('claim_expired', `wish ${wish.id}`);
    if (input.photo !== undefined && !(await tx.uploads.get(input.photo))) {
      throw invalid('photo', 'photo.unknown');
    }
    transition(wish, 'fulfil', { kind: 'claimer' }, now, input.note);
    wish.fulfilment = { at: now.toISOString(), note: input.note };
    if (input.photo !== undefined) wish.fulfilment.photo = input.photo;
    await tx.wishes.put(wish);
    return toWishCard(wish);
  });
}

/** The wish a wisher's code opens, locked, with an expired hold's release recorded; wrong code → 404. */
async function byWisherCode(tx: Store, code: string, now: Date): Promise<Wish> {
  const wish = await tx.wishes.getByCode(hashWishCode('wish', code), { lock: true });
  if (!wish) throw new DomainError('not_found', 'wish code');
  return releaseIfExpired(tx, wish, now);
}

/** What the wisher's code shows (a read: one statement, nothing written). */
export async function wishStatus(
  ctx: ServiceContext,
  { code }: { code: string },
): Promise<WishWisherView> {
  const wish = await ctx.store.wishes.getByCode(hashWishCode('wish', code));
  if (!wish) throw new DomainError('not_found', 'wish code');
  return toWisherView(asOf(wish, ctx.clock.now()));
}

/** 评单: the wisher thanks the claimer once the wish is fulfilled. */
export async function thankWish(
  ctx: ServiceContext,
  input: Parsed<typeof wishThankInputSchema>,
): Promise<WishWisherView> {
  return ctx.store.transaction(async (tx) => {
    const now = ctx.clock.now();
    const wish = await byWisherCode(tx, input.code, now);
    transition(wish, 'thank', { kind: 'wisher' }, now, input.message || undefined);
    wish.thanks = { at: now.toISOString() };
    if (input.message) wish.thanks.message = input.message;
    await tx.wishes.put(wish);
    return toWisherView(wish);
  });
}

/** The wisher takes the wish back: only before anyone claimed it. */
export async function withdrawWish(
  ctx: ServiceContext,
  { code }: { code: string },
): Promise<WishWisherView> {
  return ctx.store.transaction(async (tx) => {
    const now = ctx.clock.now();
    const wish = await byWisherCode(tx, code, now);
    transition(wish, 'withdraw', { kind: 'wisher' }, now);
    await tx.wishes.put(wish);
    return toWisherView(wish);
  });
}

// ---- Staff operations ----

/** Staff queue: every status (or one), newest first; claims past their hold stay visible. */
export async function listWishQueue(
  ctx: ServiceContext,
  query: Parsed<typeof wishQueueQuerySchema>,
): Promise<Page<WishStaffView>> {
  assertCommunityAccess(ctx.actor, query.community);
  const page = await ctx.store.wishes.list({
    community: query.community,
    statuses: query.status ? [query.status] : undefined,
    limit: query.limit,
    cursor: query.cursor,
  });
  return { ...page, items: page.items.map(toWishStaffView) };
}

/** 核实 (approve / reject with a reason), release a claim, or record a fulfilment. */
export async function actOnWish(
  ctx: ServiceContext,
  input: Parsed<typeof wishActionRequestSchema>,
): Promise<WishStaffView> {
  return ctx.store.transaction(async (tx) => {
    const wish = await tx.wishes.get(input.id, { lock: true });
    if (!wish) throw new DomainError('not_found', `wish ${input.id}`);
    assertCommunityAccess(ctx.actor, wish.community);
    const actor = staffActor(ctx.actor);
    const now = ctx.clock.now();
    switch (input.action) {
      case 'approve':
        transition(wish, 'approve', actor, now);
        break;
      case 'reject':
        transition(wish, 'reject', actor, now, input.reason);
        wish.rejectReason = input.reason;
        break;
      case 'release':
        release(wish, actor, now);
        break;
      case 'fulfil':
        transition(wish, 'fulfil', actor, now, input.note);
        wish.fulfilment = { at: now.toISOString(), note: input.note };
        break;
    }
    await tx.wishes.put(wish);
    return toWishStaffView(wish);
  });
}

/**
 * Counts for [from, to] (Shanghai dates, both included): wishes posted, wishes claimed and
 * wishes fulfilled in the period (a wish released and claimed again counts once), and the median
 * days from posting to fulfilment of those fulfilled in it (one decimal).
 */
export async function wishCounts(
  ctx: ServiceContext,
  query: Parsed<typeof wishCountsQuerySchema>,
): Promise<WishCounts> {
  assertCommunityAccess(ctx.actor, query.community);
  const start = shanghaiStartOfDay(query.from).getTime();
  const end = shanghaiStartOfDay(query.to).getTime() + DAY_MS;
  const { medianDaysToFulfil: mid, ...counts } = await ctx.store.wishes.tally(
    query.community,
    new Date(start).toISOString(),
    new Date(end).toISOString(),
  );
  return {
    community: query.community,
    from: query.from,
    to: query.to,
    ...counts,
    medianDaysToFulfil: mid === null ? null : Math.round(mid * 10) / 10,
  };
}
