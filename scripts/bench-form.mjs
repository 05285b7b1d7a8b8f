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
    '<sq-complaint-form> first render to a settled DOM vs vanilla DOM (headless Chromium, medians of 15)\n',
  );
  let missed = false;
  for (const [n, { kit, vanilla }] of Object.entries(result)) {
    const ratio = kit / vanilla;
    missed ||= ratio > GOAL;
    console.log(
      `${String(n).padStart(2)} instance(s): form ${ms(kit).padStart(10)}  vanilla ${ms(vanilla).padStart(10)}  ratio ${ratio.toFixed(2)}×  goal ≤ ${GOAL}×  ${ratio <= GOAL ? 'OK' : 'OVER GOAL'}`,
    );
  }
  if (missed) process.exitCode = 1;
}

await main();
