import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { languageOf } from '../../src/ui/localize.js';

describe('languageOf', () => {
  it('takes the nearest non-empty lang, across shadow roots, else <html lang>', async () => {
    const outer = await fixture<HTMLElement>(
      html`<div lang="en">
        <section lang=""><span id="host"></span></section>
      </div>`,
    );
    const host = outer.querySelector('#host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    render(html`<p><b id="inner"></b></p><p lang="zh-TW"><i id="own"></i></p>`, shadow);
    expect(
      languageOf(shadow.getElementById('inner')!),
      'empty lang skipped, host crossed',
    ).to.equal('en');
    expect(languageOf(shadow.getElementById('own')!)).to.equal('zh-TW');
    expect(languageOf(host)).to.equal('en');
    const lone = document.createElement('b');
    document.body.append(lone);
    try {
      expect(languageOf(lone)).to.equal(document.documentElement.lang);
    } finally {
      lone.remove();
    }
  });
});
