import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskName, maskPhone } from '../../src/domain/index.js';

describe('maskName', () => {
  it('keeps the surname and the last character', () => {
    assert.equal(maskName('张三丰'), '张*丰');
    assert.equal(maskName('张三'), '张*');
    assert.equal(maskName('欧阳娜娜'), '欧阳*娜');
    assert.equal(maskName('司马相如'), '司马*如');
  });
  it('treats a two-character name starting like a compound surname as surname + given name', () => {
    assert.equal(maskName('欧阳'), '欧*');
  });
  it('hides how long the given name is', () => {
    assert.equal(maskName('爱新觉罗溥仪'), '爱*仪');
  });
  it('masks non-Chinese names and edge input', () => {
    assert.equal(maskName('Alice'), 'A*e');
    assert.equal(maskName('  王五 '), '王*');
    assert.equal(maskName('张'), '张*');
    assert.equal(maskName(''), '');
  });
});

describe('maskPhone', () => {
  it('masks mobiles as 3 + **** + 4', () => {
    assert.equal(maskPhone('13812341234'), '138****1234');
  });
  it('masks landlines keeping the first three and last two digits', () => {
    assert.equal(maskPhone('01012345678'), '010****78');
  });
  it('never returns more than two trailing characters of anything else', () => {
    assert.equal(maskPhone('12'), '**');
    assert.equal(maskPhone('abcdef'), '****ef');
  });
});
