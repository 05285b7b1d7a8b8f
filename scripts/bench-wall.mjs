// Benchmark of <sq-wish-wall> (not a timed test: it prints, and says which goals were missed).
// In one headless Chromium run (DESIGN.md, budgets):
//   - first render of a 10,000-wish wall vs a 100-wish wall (goal: ratio ≤ 1.5×),
//   - DOM nodes on the 10,000 wall (goal: ≤ 800),
//   - re-render time of one card change on the 10,000 wall (goal: ≤ 16 ms).
//
//   node scripts/bench-wall.mjs          (npm run bench:wall)
//
// The wall is fed through a real client: the embedded transport on a memory store seeded with
// 10,000 generated wishes; the cards are read with `client.wishes.list` (keyset pages of 100)
// and given to the wall through its `items` property (see scripts/bench-wall/harness.ts).
// Built, served and opened by scripts/bench-page.mjs (minified as in production).
import { ms as fixed, printTable, runBench } from './bench-page.mjs';

const GOALS = { ratio: 1.5, nodes: 800, cardChangeMs: 16 };

const ms = (n) => fixed(n, 1);
const verdict = (ok) => (ok ? 'OK' : 'OVER GOAL');

async function main() {
  const r = await runBench('bench-wall', {
    viewport: { width: 1280, height: 800 },
    console: true,
    // The virtualizer's ResizeObserver notice is harmless (lit/lit#3154).
    ignore: 'ResizeObserver loop',
  });
  const ratio = r.firstRender10k / r.firstRender100;
  const rows = [
    ['cards fetched through client.wishes.list (100 pages)', String(r.cards), ms(r.fetchMs), ''],
    ['first render, 100-wish wall (median of 7)', ms(r.firstRender100), '', ''],
    ['first render, 10,000-wish wall (median of 7)', ms(r.firstRender10k), '', ''],
    [
      'ratio 10,000 / 100',
      `${ratio.toFixed(2)}×`,
      `goal ≤ ${GOALS.ratio}×`,
      verdict(ratio <= GOALS.ratio),
    ],
    [
      'DOM on the 10,000 wall: elements (all nodes)',
      `${r.dom.elements} (${r.dom.nodes})`,
      `goal ≤ ${GOALS.nodes}`,
      verdict(r.dom.elements <= GOALS.nodes),
    ],
    ['cards in the DOM / virtualized', `${r.rendered} / ${r.virtualized}`, '', ''],
    [
      'one card change on the 10,000 wall (median of 15; max)',
      `${ms(r.cardChange)}; ${ms(r.cardChangeMax)}`,
      `goal ≤ ${GOALS.cardChangeMs} ms`,
      verdict(r.cardChange <= GOALS.cardChangeMs),
    ],
  ];
  console.log('<sq-wish-wall> benchmark (headless Chromium, 1280×800)\n');
  printTable(rows);
}

await main();
