/** In-page helpers of the benchmark pages (scripts/bench-page.mjs builds and opens them). */

/** Yields to the event loop without setTimeout's clamping. */
export const tick = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });

/** The next animation frame. */
export const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** The median (the upper one of an even count). */
export const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[values.length >> 1]!;

/**
 * The median of the ratios of pairs measured one right after the other (`a[i] / b[i]`). On a
 * shared machine a neighbour's burst of work slows a few seconds of iterations: it lands on both
 * halves of a pair, where the ratio of the two medians compares iterations run seconds apart.
 */
export const pairedRatio = (a: number[], b: number[]): number =>
  median(a.map((value, i) => value / b[i]!));
