// Loaded before every browser test file (web-test-runner.config.mjs, testRunnerHtml).
// web-test-runner sends a failed assertion's `actual` and `expected` to Node as they are; a DOM
// node there (`expect(dialog).to.equal(null)`) never finishes sending, and the file times out
// as "did not finish" with the failure hidden. This chai plugin replaces nodes in a failed
// assertion by their markup (cut short), so the failure reports like any other.
// chai itself, the instance @open-wc/testing re-exports: importing @open-wc/testing here, before
// mocha has set up its globals, would skip its fixture cleanup after each test.
import * as bundle from '@esm-bundle/chai';
import type Chai from 'chai';

// The bundle's default export is chai (its types say `export =`).
const chai = (bundle as unknown as { default: typeof Chai }).default;

const MAX = 300;

function describeNode(value: unknown): unknown {
  if (!(value instanceof Node)) return value;
  const text = value instanceof Element ? value.outerHTML : `#${value.nodeName} ${value.textContent ?? ''}`;
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}

chai.use((api: typeof Chai) => {
  const assert = api.Assertion.prototype.assert;
  api.Assertion.prototype.assert = function (this: Chai.AssertionStatic, ...args: unknown[]) {
    try {
      return (assert as (...a: unknown[]) => void).apply(this, args);
    } catch (error) {
      if (error instanceof api.AssertionError) {
        const failed = error as Chai.AssertionError & { actual?: unknown; expected?: unknown };
        failed.actual = describeNode(failed.actual);
        failed.expected = describeNode(failed.expected);
      }
      throw error;
    }
  };
});
