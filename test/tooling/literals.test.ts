/** The CSS minifier applied to css`…` templates in every shipped build (scripts/literals.mjs). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  minifyCssLiterals as min,
  minifyHtmlLiterals as minHtml,
  viteLiterals,
} from '../../scripts/literals.mjs';

describe('minifyCssLiterals', () => {
  it('drops comments and layout whitespace', () => {
    assert.equal(
      min(
        'css`\n  :host {\n    display: block; /* why */\n  }\n  .a > .b,\n  .c { color: red; }\n`',
      ),
      'css`:host{display:block}.a>.b,.c{color:red}`',
    );
  });
  it('keeps strings, expressions and the spaces next to them', () => {
    assert.equal(
      min("css`.q::before { content: '  a  {b} '; } .x ${sel} .y { width: ${w}px; }`"),
      "css`.q::before{content:'  a  {b} '}.x ${sel} .y{width:${w}px}`",
    );
    assert.equal(min('css`a { b: ${f({ c: 1 })} }`'), 'css`a{b:${f({ c: 1 })}}`');
  });
  it('a quote inside a comment starts no string (it left the rest of a sheet unminified)', () => {
    assert.equal(
      min("css`.a {\n  /* a service's team */\n  color: red;\n}\n.b { content: '/* kept */'; }`"),
      "css`.a{color:red}.b{content:'/* kept */'}`",
    );
  });
  it('drops what CSS does not need: the space after a colon, a leading zero, quotes around a name', () => {
    assert.equal(
      min(
        'css`@media (min-width: 30rem) { .a:hover, [part=\'x\'] .b[data-s="full"] { margin: 0.25rem -0.5em; opacity: 10.5; } }`',
      ),
      'css`@media (min-width:30rem){.a:hover,[part=x] .b[data-s=full]{margin:.25rem -0.5em;opacity:10.5}}`',
    );
    // A value that is not a name keeps its quotes; so does any other string.
    assert.equal(
      min("css`[tabindex='-1'], [lang='zh-CN'] :focus { content: 'a'; }`"),
      "css`[tabindex='-1'],[lang=zh-CN] :focus{content:'a'}`",
    );
  });
  it('leaves other templates and identifiers ending in css alone', () => {
    const source = 'const t = html`<p>  a  </p>`; const u = mycss`  x  `;';
    assert.equal(min(source), source);
  });
  it('reaches the kit and the feature folders, where the css`` templates are', () => {
    const code = 'export const s = css`\n  :host {\n    display: block;\n  }\n`;';
    for (const id of [
      '/repo/src/ui/styles.ts',
      '/repo/src/features/wishes/elements/wish-wall/wish-wall.styles.ts',
      'C:\\repo\\src\\features\\complaints\\elements\\complaint-form\\later.ts',
    ]) {
      assert.equal(
        viteLiterals.transform(code, id)?.code,
        'export const s = css`:host{display:block}`;',
        id,
      );
    }
    assert.equal(viteLiterals.transform(code, '/repo/node_modules/lit/index.js'), null);
  });
});

describe('minifyHtmlLiterals', () => {
  it('reads tsc output too (a space after the tag)', () => {
    assert.equal(minHtml('html `<p>\n  a\n</p>`'), 'html `<p>a</p>`');
    assert.equal(
      min('css `\n  :host {\n    display: block;\n  }\n`'),
      'css `:host{display:block}`',
    );
  });
  it('turns each indented line break of an html`` template into one space', () => {
    assert.equal(
      minHtml('const t = html`\n  <span class="a\n     b">\n    ${x}\n  </span>\n`;'),
      'const t = html` <span class="a b"> ${x} </span> `;',
    );
  });
  it('drops a line break beside the tag of a block: no text node where HTML renders nothing', () => {
    assert.equal(
      minHtml(
        'html`<div class="x">\n  <span>a</span>\n  <b>b</b>\n  <p>\n    t ${x}\n  </p>\n</div>\n${y}\n<br />\ntext`',
      ),
      'html`<div class="x"><span>a</span> <b>b</b><p>t ${x}</p></div>${y}<br />text`',
    );
    // Inline neighbours keep their space, as do spaces on one line.
    assert.equal(
      minHtml('html`<label>\n  <input />\n  ${t}\n</label> <p>x</p>`'),
      'html`<label> <input /> ${t} </label> <p>x</p>`',
    );
  });
  it('drops a line break just inside a button or a select, not outside it', () => {
    assert.equal(
      minHtml('html`<p>Press\n<button type="button">\n  ${t}\n</button>\nnow</p>`'),
      'html`<p>Press <button type="button">${t}</button> now</p>`',
    );
    assert.equal(
      minHtml('html`<select>\n  <option>a</option>\n  ${more}\n</select>`'),
      'html`<select><option>a</option>${more}</select>`',
    );
  });
  it('keeps spaces on one line, other templates, strings and escapes as written', () => {
    const source = "const a = html`<b>x</b>  <i>y</i>\\n`; const b = `\n  z`; const c = '\\n  ';";
    assert.equal(minHtml(source), source);
  });
  it('reaches nested templates, svg``, and leaves expressions alone', () => {
    assert.equal(
      minHtml(
        'html`<ul>\n  ${xs.map((x) => html`<li>\n    ${x}\n  </li>`)}\n</ul>`; ' +
          'svg`<g>\n  <path d="M0 0"/>\n</g>`; html`${f("a\\n  b", `\n  c`)}`',
      ),
      'html`<ul>${xs.map((x) => html`<li>${x}</li>`)}</ul>`; ' +
        'svg`<g> <path d="M0 0"/> </g>`; html`${f("a\\n  b", `\n  c`)}`',
    );
  });
  it('leaves identifiers ending in html alone', () => {
    const source = 'const t = myhtml`\n  <p>x</p>\n`;';
    assert.equal(minHtml(source), source);
  });
});
