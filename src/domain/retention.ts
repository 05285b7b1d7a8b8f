// Retention's time rules, for every feature: when an item ended, and a community's cutoff.
// Only the retention job imports this (pages load it lazily, with the job).

/**
 * When an item entered `set` and has stayed in it since: the first step of its history's last
 * run of steps that end in `set` (a note or a rating after 办结 does not move it, a reopening
 * starts it again). Undefined while its last step ends outside `set`. Retention counts from
 * here with each feature's ended statuses (src/features/<feature>/retention.ts, from its
 * machine).
 */
export function enteredAt<S extends string>(
  history: readonly { readonly at: string; readonly to: S }[],
  set: readonly S[],
): string | undefined {
  let at: string | undefined;
  for (let i = history.length - 1; i >= 0 && set.includes(history[i]!.to); i--) {
    at = history[i]!.at;
  }
  return at;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The cutoff of a community's retention period at `now`: items that ended before it go. */
export const retentionCutoff = (now: Date, retentionDays: number): string =>
  new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
