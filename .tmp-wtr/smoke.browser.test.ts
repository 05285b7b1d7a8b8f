import { expect, fixture, html } from '@open-wc/testing';
import axe from 'axe-core';
import { LitElement, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('tmp-smoke')
class TmpSmoke extends LitElement {
  static override styles = css`:host { display: block; }`;
  @property() name = 'world';
  override render() {
    return html`<label for="i">名字 ${this.name}</label><input id="i" />`;
  }
}

describe('smoke', () => {
  it('renders with decorators', async () => {
    const el = await fixture<TmpSmoke>(html`<tmp-smoke name="社区"></tmp-smoke>`);
    expect(el.shadowRoot!.textContent).to.contain('社区');
    expect(el.name).to.equal('社区');
  });
  it('is accessible', async () => {
    const el = await fixture<TmpSmoke>(html`<tmp-smoke></tmp-smoke>`);
    await expect(el).to.be.accessible();
  });
  it('axe import works', async () => {
    expect(typeof axe.run).to.equal('function');
    const r = await axe.run(document.body);
    expect(r.violations).to.be.an('array');
  });
  it('inaccessible fails', async () => {
    const el = await fixture(html`<div><img src="x.png" /></div>`);
    await expect(el).not.to.be.accessible();
  });
});
