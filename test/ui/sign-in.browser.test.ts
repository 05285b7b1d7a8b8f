import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/provider.js';
import '../../src/define/complaint-desk.js';
import '../../src/define/wish-review.js';
import '../../src/define/booking-desk.js';
import '../../src/define/activity-desk.js';
import '../../src/define/redblack-editor.js';
import '../../src/define/redblack-score-sheet.js';
import { createClient } from '../../src/sdk/index.js';
import { axeViolations, smallTargets } from './a11y.js';

// Every staff element signs in with the kit's one form (src/ui/sign-in.ts): the same fields,
// errors, focus and strings. In the embedded transport without an actor nobody is signed in,
// so each shows it; signing in for real runs against the server in the desk and review tests.
const STAFF = [
  'sq-complaint-desk',
  'sq-wish-review',
  'sq-booking-desk',
  'sq-activity-desk',
  'sq-redblack-editor',
  'sq-redblack-score-sheet',
];

const root = (el: Element) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: Element, s: string) => root(el).querySelector<E>(s);

async function mount(tag: string, { lang = 'zh-CN', care = false } = {}) {
  const client = createClient({ embedded: { persistence: false } });
  const provider = await fixture<HTMLElement>(
    html`<sq-provider .client=${client} lang=${lang}></sq-provider>`,
  );
  const el = document.createElement(tag);
  el.setAttribute('community', 'xingfuli');
  el.toggleAttribute('care', care);
  provider.append(el);
  await waitUntil(() => $(el, '[part=login]'), `${tag}: the sign-in form`, { timeout: 20_000 });
  return el;
}

describe('the staff sign-in form, in every staff element', () => {
  for (const tag of STAFF) {
    it(`${tag}: says what to fill in, focuses it, and why it cannot sign in here`, async () => {
      const el = await mount(tag);
      const form = $(el, '[part=login]')!;
      expect(form.querySelector('h2')!.textContent).to.equal('工作人员登录');
      expect($(el, 'label[for=f-username]')!.textContent!.trim()).to.equal('用户名');
      expect($(el, 'label[for=f-password]')!.textContent!.trim()).to.equal('密码');
      expect(form.textContent).to.contain('本页是演示模式');

      $<HTMLInputElement>(el, '#f-username')!.value = '  ';
      form.querySelector<HTMLButtonElement>('button')!.click();
      await waitUntil(() => $(el, '#f-password-error'), 'field errors');
      expect($(el, '#f-username-error')!.textContent).to.contain('请填写用户名');
      expect($(el, '#f-password-error')!.textContent).to.contain('请填写密码');
      expect($(el, '#f-username')!.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#f-username')!.getAttribute('aria-describedby')).to.equal('f-username-error');
      expect(root(el).activeElement?.id).to.equal('f-username');

      // A name but no password: only the password is asked for, and takes focus.
      $<HTMLInputElement>(el, '#f-username')!.value = 'xfl-admin';
      form.querySelector<HTMLButtonElement>('button')!.click();
      await waitUntil(() => !$(el, '#f-username-error'), 'the name is in');
      expect(root(el).activeElement?.id).to.equal('f-password');
    });
  }

  it('reads in English, and passes axe with target-size in both modes', async () => {
    const en = await mount('sq-booking-desk', { lang: 'en' });
    await waitUntil(() => $(en, '[part=login] h2')!.textContent === 'Staff sign-in', 'en');
    expect($(en, '[part=login] button')!.textContent!.trim()).to.equal('Sign in');
    expect($(en, '[part=login]')!.textContent).to.contain('cannot sign in');
    for (const care of [false, true]) {
      const el = await mount('sq-activity-desk', { care });
      $(el, '[part=login] button')!.click();
      await waitUntil(() => $(el, '#f-username-error'), 'errors');
      expect(await axeViolations(el), care ? 'care' : 'default').to.deep.equal([]);
      expect(smallTargets(el, care ? 60 : 44)).to.deep.equal([]);
    }
  });
});
