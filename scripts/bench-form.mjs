// Benchmark of <sq-complaint-form>'s first render (not a timed test: it prints, and says
// whether the goal was met). In one headless Chromium run, alternating iterations, medians:
// the form's first render to a settled DOM, with its community data already in the client,
// against a hand-written vanilla DOM form of the same fields, labels, hints and error slots,
// for 1 and for 20 instances (goal: ≤ 1.5×; DESIGN.md, budgets). See docs/size.md.
//
//   node scripts/bench-form.mjs          (npm run bench:form)
import { ms, runBench } from './bench-page.mjs';

const GOAL = 1.5;

async function main() {
  const result = await runBench('bench-form', { viewport: { width: 800, height: 800 } });
  console.log(
    '<sq-complaint-form> first render to a settled DOM vs vanilla DOM (headless Chromium, 101 alternating pairs)\n' +
      "ratio: the median of each pair's form / vanilla; medians: of each side on its own\n",
  );
  let missed = false;
  for (const [n, { kit, vanilla, paired }] of Object.entries(result)) {
    missed ||= paired > GOAL;
    console.log(
      `${String(n).padStart(2)} instance(s): ratio ${paired.toFixed(2)}×  goal ≤ ${GOAL}×  ${paired <= GOAL ? 'OK       ' : 'OVER GOAL'}  medians: form ${ms(kit).padStart(9)}, vanilla ${ms(vanilla).padStart(9)} (${(kit / vanilla).toFixed(2)}×)`,
    );
  }
  if (missed) process.exitCode = 1;
}

await main();
