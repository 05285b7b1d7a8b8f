// Benchmark of <sq-activity-calendar>'s month view (not a timed test: it prints its ratios and
// says whether the goal was met; it exits 0). In one headless Chromium run, alternating
// iterations, medians: the month view of a month with 500 activities rendered to a settled DOM,
// its data already in the client, against a hand-written vanilla DOM month grid of the same
// visible content (three chips a day and "另 N 项", 农历, 节气, festivals, 休/班) — goal ≤ 1.5×
// (DESIGN.md, budgets) — and, printed only, against a vanilla grid of all 500 chips.
// See scripts/bench-calendar/harness.ts and docs/calendar.md.
//
//   node scripts/bench-calendar.mjs          (npm run bench:calendar)
import { ms, runBench } from './bench-page.mjs';

const GOAL = 1.5;

const r = await runBench('bench-calendar', { viewport: { width: 1280, height: 900 } });
const ratio = r.element / r.vanilla;
const ratioAll = r.element / r.vanillaAll;
console.log(
  `<sq-activity-calendar> month view, ${r.occurrences} activities in the month, first render to a settled DOM (headless Chromium, medians of 21)`,
);
console.log(
  `seeded through the staff SDK in ${ms(r.seedMs, 0)}; the element shows ${r.expected.chips} chips, ${r.expected.more} "另 N 项", ${r.expected.badges} 休/班 badges\n`,
);
console.log(`element                                    ${ms(r.element).padStart(10)}`);
console.log(
  `vanilla month grid, same visible content   ${ms(r.vanilla).padStart(10)}  ratio ${ratio.toFixed(2)}×  goal ≤ ${GOAL}×`,
);
console.log(
  `vanilla month grid, all ${r.occurrences} chips           ${ms(r.vanillaAll).padStart(10)}  ratio ${ratioAll.toFixed(2)}×  (printed, no goal)`,
);
console.log(
  `\n${ratio <= GOAL ? 'OK' : 'OVER'}: the month view is ${ratio.toFixed(2)}× the vanilla month grid (goal ≤ ${GOAL}×)`,
);
