/**
 * The shared suite every resident form built on SubmissionController runs (like Shoelace's
 * form-control base tests): refused outbox entries shown and dismissed, a receipt delivered
 * before the form looked, a retry after a lost answer with the same key, the queue across a
 * reload, keyboard, axe with target-size in both modes, hostile text, 320px at 200% text.
 * Each form adds what only it has in its own file.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { demoCommunities } from '../../src/features/core/demo.js';
import type { OperationName } from '../../src/services/contract.js';
import { createClient, memoryOutboxStorage, type Client } from '../../src/sdk/index.js';
import type { OutboxEntry, OutboxStorage } from '../../src/sdk/outbox.js';
import type { SqSubmittedEvent } from '../../src/ui/events.js';
import { axeViolations, smallTargets, XSS_PAYLOADS } from './a11y.js';

/** What the suite needs to know of one form. */
export interface FormUnderTest {
  tag: 'sq-complaint-form' | 'sq-wish-form';
  operation: OperationName;
  /** The path its submissions are POSTed to (`/complaints`). */
  path: string;
  /** The server's answer to a submission, and the one-time code it shows from it. */
  receipt: Record<string, unknown>;
  code: string;
  /** Fills every required field validly (a phone included), as a resident would. */
  fill(form: HTMLElement, values?: { hostile?: string }): Promise<void>;
  /** An input the outbox could hold for it (with a phone). */
  input: Record<string, unknown>;
  /** Its "refused earlier" message (zh-CN). */
  refused: string;
}

const $ = <E extends Element = HTMLElement>(form: Element, selector: string) =>
  form.shadowRoot!.querySelector<E>(selector);
const text = (form: Element) => form.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/**
 * A server on the wire: the demo communities, and POSTs to `path` answered by `answer` (a lost
 * answer or no network when it throws). Records each Idempotency-Key.
 */
export function fakeServer(path: string, answer: (n: number) => Response) {
  const keys: string[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
    });
  const fetchFn: typeof fetch = (input, init) => {
    const url = new URL(String(input));
    if (url.pathname.endsWith('/communities')) {
      return Promise.resolve(
        json(demoCommunities.map(({ id, name, nameEn, street }) => ({ id, name, nameEn, street }))),
      );
    }
    const one = /\/communities\/([\w-]+)$/.exec(url.pathname);
    if (one) return Promise.resolve(json(demoCommunities.find((c) => c.id === one[1])));
    if (url.pathname.endsWith(path)) {
      keys.push(new Headers(init?.headers).get('Idempotency-Key') ?? '');
      try {
        return Promise.resolve(answer(keys.length));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    return Promise.resolve(json({ code: 'not_found', status: 404, title: 'not found' }, 404));
  };
  return { keys, json, fetch: fetchFn };
}

const refusal = { code: 'validation_failed', status: 400, title: 'validation failed' };

export function formSuite(f: FormUnderTest): void {
  const draftKeys = ['sq-complaint-draft:xingfuli', 'sq-wish-form-draft:xingfuli'];

  async function mount(client: Client, lang = 'zh-CN'): Promise<HTMLElement> {
    const provider = await fixture<HTMLElement>(
      f.tag === 'sq-complaint-form'
        ? html`<sq-provider .client=${client} lang=${lang} community="xingfuli"
            ><sq-complaint-form></sq-complaint-form
          ></sq-provider>`
        : html`<sq-provider .client=${client} lang=${lang} community="xingfuli"
            ><sq-wish-form></sq-wish-form
          ></sq-provider>`,
    );
    const form = provider.querySelector<HTMLElement>(f.tag)!;
    await waitUntil(() => $(form, 'form, [part=status], [part=receipt]'), 'form', {
      timeout: 8000,
    });
    return form;
  }

  const httpClient = (fetchFn: typeof fetch, storage: OutboxStorage | false) =>
    createClient({
      baseUrl: 'https://api.example.test/api/v1',
      fetch: fetchFn,
      retry: { attempts: 1 },
      outbox: storage,
    });

  /** An entry as an earlier page load left it. */
  const entry = (patch: Partial<OutboxEntry>): OutboxEntry => ({
    key: `k-${f.operation}-${Math.random().toString(36).slice(2)}`,
    name: f.operation,
    input: f.input,
    createdAt: Date.now() - 60_000,
    attempts: 1,
    nextAttemptAt: Date.now(),
    state: 'pending',
    ...patch,
  });

  const grouped = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;
  const submit = (form: HTMLElement) => $<HTMLButtonElement>(form, 'button[part=submit]')!.click();
  const receiptShown = (form: HTMLElement) =>
    // The code shown in two groups of four ("ABCD 2345").
    waitUntil(() => $(form, '[part=receipt]')?.textContent?.includes(grouped(f.code)), 'receipt', {
      timeout: 8000,
    });

  describe(`${f.tag}: the form kit's shared behaviour`, () => {
    beforeEach(() => draftKeys.forEach((k) => localStorage.removeItem(k)));

    // Issue 9, defect 2: a refused entry stayed in the outbox forever, phone included.
    it('shows a submission the server refused after an earlier page load, and dismissing it deletes it, phone and all', async () => {
      const storage = memoryOutboxStorage();
      const refused = entry({
        state: 'failed',
        refusedAt: Date.now() - 1000,
        error: { code: 'validation_failed', status: 400, message: 'invalid input' },
      });
      await storage.put(refused);
      const server = fakeServer(f.path, () => server.json(f.receipt, 201));
      const client = httpClient(server.fetch, storage);
      const form = await mount(client);
      await waitUntil(() => text(form).includes(f.refused), 'the refusal is shown');
      const alert = [...form.shadowRoot!.querySelectorAll('[part=status][role=alert]')].find((a) =>
        a.textContent!.includes(f.refused),
      )!;
      // Its fields are not in the form: nothing is red, so it says to fill the form in again.
      expect(alert.textContent).to.contain('请在下面重新填写后提交').and.not.contain('标红');
      expect(await axeViolations(form)).to.deep.equal([]);
      alert.querySelector('button')!.click();
      await waitUntil(async () => (await storage.all()).length === 0, 'deleted from the outbox');
      await (form as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
      expect(text(form)).not.to.contain(f.refused);
      expect($(form, 'form')).not.to.equal(null);
      expect(server.keys).to.deep.equal([], 'a refused entry is never sent again');
      await client.close();
    });

    // Issue 13: the wish form kept its form and submit button under a banner when saved
    // offline (inviting a second press), and focus fell to the page in both forms.
    it('saved offline: the form gives way to a heading that takes focus, what happens next and a retry', async () => {
      let online = false;
      const server = fakeServer(f.path, () => {
        if (!online) throw new TypeError('Failed to fetch');
        return server.json(f.receipt, 201);
      });
      const client = httpClient(server.fetch, memoryOutboxStorage());
      const form = await mount(client);
      await f.fill(form);
      const queued = oneEvent(form, 'sq-submitted');
      submit(form);
      expect(((await queued) as SqSubmittedEvent).detail.state).to.equal('queued');
      await waitUntil(() => form.shadowRoot!.activeElement?.id === 'done', 'focus on the heading');
      expect(form.shadowRoot!.activeElement!.textContent!.trim()).to.equal('已保存在这部手机上');
      expect($(form, 'form')).to.equal(null, 'no form to send again');
      const status = $(form, '[part=status][role=status]')!;
      expect(status.textContent).to.contain('网络恢复后会自动发给社区').and.contain('不用重新填写');
      expect(await axeViolations(form)).to.deep.equal([]);
      online = true;
      status.querySelector('button')!.click();
      await receiptShown(form);
      expect(new Set(server.keys).size).to.equal(1, 'one Idempotency-Key');
      await client.close();
    });

    it('shows a refusal that comes while the page is open, until dismissed', async () => {
      let online = false;
      const server = fakeServer(f.path, () => {
        if (!online) throw new TypeError('Failed to fetch');
        return server.json(refusal, 400);
      });
      const storage = memoryOutboxStorage();
      const client = httpClient(server.fetch, storage);
      const form = await mount(client);
      await f.fill(form);
      const queued = oneEvent(form, 'sq-submitted');
      submit(form);
      expect(((await queued) as SqSubmittedEvent).detail.state).to.equal('queued');
      online = true;
      await (await client.outbox())!.flush();
      await waitUntil(() => text(form).includes(f.refused), 'the refusal is shown');
      expect(form.matches(':state(failed)')).to.equal(true);
      expect((await storage.all()).map((e) => e.state)).to.deep.equal(['failed']);
      const alert = [...form.shadowRoot!.querySelectorAll('[part=status][role=alert]')].find((a) =>
        a.textContent!.includes(f.refused),
      )!;
      alert.querySelector('button')!.click();
      await waitUntil(async () => (await storage.all()).length === 0, 'deleted');
      await client.close();
    });

    // The race of the last session: the outbox delivered between its start and pending().
    it('shows the receipt of a submission the outbox delivered before the form looked', async () => {
      const storage = memoryOutboxStorage();
      await storage.put(entry({}));
      const server = fakeServer(f.path, () => server.json(f.receipt, 201));
      const client = httpClient(server.fetch, storage);
      const outbox = (await client.outbox())!;
      await outbox.flush();
      expect(await storage.all()).to.deep.equal([]);
      const delivered = new Promise<SqSubmittedEvent>((resolve) =>
        document.addEventListener('sq-submitted', (e) => resolve(e), { once: true }),
      );
      const form = await mount(client);
      await receiptShown(form);
      expect((await delivered).detail.state).to.equal('delivered');
      expect(outbox.take(f.operation)).to.equal(undefined, 'taken once');
      await client.close();
    });

    it('retries after a lost answer with the same Idempotency-Key and gets the receipt', async () => {
      const server = fakeServer(f.path, (n) => {
        // The server committed the first one, but its answer never arrived.
        if (n === 1) throw new TypeError('Failed to fetch');
        return server.json(f.receipt, 201);
      });
      const client = httpClient(server.fetch, false);
      const form = await mount(client);
      await f.fill(form);
      submit(form);
      await waitUntil(() => form.matches(':state(failed)'), 'failed');
      const alert = $(form, '[part=status][role=alert]')!;
      expect(alert.textContent).to.contain('网络连接失败');
      alert.querySelector('button')!.click();
      await receiptShown(form);
      expect(server.keys).to.have.length(2);
      expect(server.keys[1]).to.equal(server.keys[0]);
    });

    it('keeps a queued submission across a reload and delivers it once', async () => {
      let online = false;
      const server = fakeServer(f.path, () => {
        if (!online) throw new TypeError('Failed to fetch');
        return server.json(f.receipt, 201);
      });
      const storage = memoryOutboxStorage();
      const before = httpClient(server.fetch, storage);
      const first = await mount(before);
      await f.fill(first);
      submit(first);
      await waitUntil(() => first.matches(':state(queued)'), 'queued');
      await before.close();
      first.closest('sq-provider')!.remove();
      const after = httpClient(server.fetch, storage);
      const form = await mount(after);
      await waitUntil(() => form.matches(':state(queued)'), 'queued after the reload');
      online = true;
      await (await after.outbox())!.flush();
      await receiptShown(form);
      expect(new Set(server.keys).size).to.equal(1);
      expect(await storage.all()).to.deep.equal([]);
      await after.close();
    });

    it('sends with the keyboard alone: Enter on the submit button', async () => {
      const server = fakeServer(f.path, () => server.json(f.receipt, 201));
      const form = await mount(httpClient(server.fetch, false));
      await f.fill(form);
      $<HTMLButtonElement>(form, 'button[part=submit]')!.focus();
      await sendKeys({ press: 'Enter' });
      await receiptShown(form);
      expect(form.shadowRoot!.activeElement?.id).to.equal('done');
    });

    for (const care of [false, true]) {
      it(`errors and receipt are axe-clean with ${care ? '60' : '44'}px targets and hints ≥ ${care ? 18 : 16}px (${care ? 'care' : 'default'} mode)`, async () => {
        const server = fakeServer(f.path, () => server.json(f.receipt, 201));
        const form = await mount(httpClient(server.fetch, false));
        if (care) form.setAttribute('care', '');
        submit(form);
        await waitUntil(() => $(form, '[part=error-summary]'), 'summary');
        expect(await axeViolations(form)).to.deep.equal([]);
        expect(smallTargets(form, care ? 60 : 44)).to.deep.equal([]);
        // Hints and errors alike: body size, never the 14px elders could not read.
        for (const hint of form.shadowRoot!.querySelectorAll('.hint-text, .error-text'))
          expect(parseFloat(getComputedStyle(hint).fontSize)).to.be.at.least(care ? 18 : 16);
        await f.fill(form);
        submit(form);
        await receiptShown(form);
        expect(await axeViolations(form)).to.deep.equal([]);
        expect(smallTargets(form, care ? 60 : 44)).to.deep.equal([]);
        // The code is one unit: it moves to the next line whole, and here stays on one line.
        const code = $(form, '#code')!;
        const style = getComputedStyle(code);
        expect(style.display).to.equal('inline-block');
        expect(code.getBoundingClientRect().height).to.be.below(parseFloat(style.lineHeight) * 1.5);
      });
    }

    it('keeps hostile text inert, in fields and in the error summary', async () => {
      const server = fakeServer(f.path, () => server.json(f.receipt, 201));
      const form = await mount(httpClient(server.fetch, false));
      await f.fill(form, { hostile: XSS_PAYLOADS.join(' ') });
      submit(form);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(form.shadowRoot!.querySelector('script, svg, img:not(.thumbs img)')).to.equal(null);
      expect((window as { __xss?: number }).__xss).to.equal(undefined);
    });

    it('fits 320px at 200% text with the error summary and a refusal shown, no horizontal scroll', async () => {
      await setViewport({ width: 320, height: 640 });
      document.documentElement.style.fontSize = '200%';
      try {
        const storage = memoryOutboxStorage();
        await storage.put(
          entry({
            state: 'failed',
            refusedAt: Date.now(),
            error: { code: 'validation_failed', status: 400, message: 'invalid input' },
          }),
        );
        const server = fakeServer(f.path, () => server.json(f.receipt, 201));
        const form = await mount(httpClient(server.fetch, storage), 'en');
        await waitUntil(() => $(form, '[part=status][role=alert]'), 'refusal');
        submit(form);
        await waitUntil(() => $(form, '[part=error-summary]'), 'summary');
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        const summary = $(form, '[part=error-summary]')!.getBoundingClientRect();
        expect(summary.right).to.be.at.most(320);
        expect(summary.left).to.be.at.least(0);
      } finally {
        document.documentElement.style.fontSize = '';
        await setViewport({ width: 800, height: 600 });
      }
    });
  });
}
