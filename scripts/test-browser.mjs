// `npm run test:browser`: web-test-runner over test/**/*.browser.test.ts in one Chromium
// (web-test-runner.config.mjs); arguments go to wtr (`-- --files test/ui`).
//
// A test file whose page never reports back (wtr's "did not finish within" timeout: a hung
// tab, not a failed assertion) runs once more on its own, and the run fails if it hangs or
// fails again. Any failed assertion fails the run with no second try. (One cause seen was a
// failed assertion whose value is a DOM element, which the page never finished sending;
// test/setup/reportable-failures.ts now sends such values as markup.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';

const dir = mkdtempSync(join(tmpdir(), 'sq-wtr-'));

function wtr(args) {
  const result = join(dir, 'result.json');
  rmSync(result, { force: true });
  const run = spawnSync('npx', ['wtr', '--config', 'web-test-runner.config.mjs', ...args], {
    stdio: 'inherit',
    env: { ...process.env, SQ_WTR_RESULT: result },
  });
  let summary;
  try {
    summary = JSON.parse(readFileSync(result, 'utf8'));
  } catch {
    summary = undefined; // wtr stopped before its run finished (bad arguments, no browser)
  }
  return { status: run.status ?? 1, summary };
}

try {
  const first = wtr(process.argv.slice(2));
  let { status, summary: total } = first;
  const hung = total?.hung ?? [];
  const retry = status !== 0 && hung.length > 0 && total.failedFiles.every((f) => hung.includes(f));
  let note = '';
  if (retry) {
    console.log(
      `\nThese test files never reported back; running them once more:\n  ${hung.join('\n  ')}\n`,
    );
    const again = wtr(hung.flatMap((f) => ['--files', f]));
    status = again.status;
    total = {
      passed: total.passed + (again.summary?.passed ?? 0),
      failed: total.failed + (again.summary?.failed ?? 0),
      hung: again.summary?.hung ?? hung,
    };
    note = ` (${hung.length} file(s) that hung were run again)`;
  }
  if (total) {
    const still = total.hung.length ? `; never reported back: ${total.hung.join(', ')}` : '';
    console.log(
      `\nAll browser test files | ${total.passed} passed, ${total.failed} failed${still}${note}`,
    );
  }
  process.exitCode = status;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
