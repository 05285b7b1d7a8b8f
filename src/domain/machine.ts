import { DomainError } from './errors.js';

/** The "status" of an item not made yet: an action from it creates the item (submit). */
export const NEW = '(new)';

/** For each action, the statuses it may be taken from and where each leads (from → to). */
export type Transitions<S extends string, A extends string> = {
  readonly [action in A]: { readonly [from in S | typeof NEW]?: S };
};

/**
 * A feature's state machine, one form for every feature: its statuses, its actions mapped
 * from → to, and named subsets of its statuses (a complaint's "open" ones) declared once here,
 * so services, stores and SQL predicates all read them from the machine.
 */
export interface Machine<S extends string, A extends string, N extends string> {
  readonly statuses: readonly S[];
  readonly transitions: Transitions<S, A>;
  readonly sets: { readonly [name in N]: readonly S[] };
  /** Where `action` leads from `status` (undefined: not created yet), or undefined if not allowed. */
  target(status: S | undefined, action: A): S | undefined;
  /** Where `action` leads; DomainError `invalid_transition` (409) when it is not allowed. */
  next(status: S | undefined, action: A): S;
  can(status: S | undefined, action: A): boolean;
  /** The statuses `action` may be taken from. */
  from(action: A): S[];
  /** Whether `status` is in the named subset. */
  is(set: N, status: S): boolean;
}

export function defineMachine<
  const S extends string,
  A extends string,
  const N extends string = never,
>(spec: {
  statuses: readonly S[];
  transitions: Transitions<S, A>;
  sets?: { readonly [name in N]: readonly S[] };
}): Machine<S, A, N> {
  const { statuses, transitions } = spec;
  const sets = (spec.sets ?? {}) as { readonly [name in N]: readonly S[] };
  const target = (status: S | undefined, action: A): S | undefined =>
    (transitions[action] as Partial<Record<string, S>>)[status ?? NEW];
  return {
    statuses,
    transitions,
    sets,
    target,
    next(status, action) {
      const to = target(status, action);
      if (to === undefined) {
        throw new DomainError('invalid_transition', `cannot ${action} from ${status ?? NEW}`);
      }
      return to;
    },
    can: (status, action) => target(status, action) !== undefined,
    from: (action) => statuses.filter((s) => target(s, action) !== undefined),
    is: (set, status) => sets[set].includes(status),
  };
}

/** `{ a: to, b: to }`: an action that leads from each of `from` to the same `to`. */
export const each = <F extends string, T extends string>(from: readonly F[], to: T) =>
  Object.fromEntries(from.map((s) => [s, to])) as { readonly [from in F]: T };

/** `{ a: a, b: b }`: an action that keeps the status (a reply, a note, an extension). */
export const stays = <S extends string>(from: readonly S[]) =>
  Object.fromEntries(from.map((s) => [s, s])) as { readonly [from in S]: S };
