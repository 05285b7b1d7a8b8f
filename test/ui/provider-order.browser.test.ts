import { expect, fixture, html, waitUntil } from '@open-wc/testing';
// Only the desk is defined at first: <sq-provider> is defined later, as when the drop-in's
// chunk for it arrives after the desk's (this file runs in a page of its own).
import '../../src/define/complaint-desk.js';
import { serverReady } from '../e2e/server.js';

describe('an element inside an <sq-provider> defined after it', () => {
  before(serverReady);
  it('waits for the provider and uses its client, never the embedded store', async () => {
    const asked: string[] = [];
    const fetch = window.fetch;
    window.fetch = (input, init) => {
      asked.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    };
    try {
      const provider = await fixture<HTMLElement>(
        html`<sq-provider api-base="/api/v1" lang="zh-CN">
          <sq-complaint-desk></sq-complaint-desk>
        </sq-provider>`,
      );
      const desk = provider.querySelector('sq-complaint-desk')!;
      await new Promise((r) => setTimeout(r, 100));
      // Not rendered yet, and nothing asked of any client.
      expect(desk.shadowRoot?.childElementCount ?? 0).to.equal(0);
      expect(asked).to.deep.equal([]);
      await import('../../src/define/provider.js');
      await waitUntil(() => desk.shadowRoot!.querySelector('[part=login]'), 'sign-in', {
        timeout: 10_000,
      });
      expect(
        asked.filter((url) => url.endsWith('/api/v1/auth/me')),
        asked.join(),
      ).to.have.length(1);
      // The embedded client's hint ("data kept in this browser") is not shown: it is the server's.
      expect(desk.shadowRoot!.querySelector('.hint-text')).to.equal(null);
      // This page never loaded the embedded transport (test files share the origin's
      // IndexedDB, so its database is no evidence either way; the page's own loads are).
      const loaded = performance.getEntriesByType('resource').map((e) => e.name);
      expect(loaded.filter((url) => url.includes('/src/sdk/embedded'))).to.deep.equal([]);
    } finally {
      window.fetch = fetch;
    }
  });
});
