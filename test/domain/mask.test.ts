import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskName, maskPhone, scrubPublicText } from '../../src/domain/index.js';

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

describe('scrubPublicText', () => {
  it('masks mobiles however they are typed', () => {
    assert.equal(scrubPublicText('请打13600009999联系'), '请打136****9999联系');
    assert.equal(scrubPublicText('电话 136 0000 9999。'), '电话 136****9999。');
    assert.equal(scrubPublicText('+86 136-0000-9999'), '136****9999');
    assert.equal(scrubPublicText('００８６１３６００００９９９９'), '136****9999');
    assert.equal(scrubPublicText('１３６００００９９９９'), '136****9999');
  });
  it('masks landlines with their area code', () => {
    assert.equal(scrubPublicText('物业 0571-87654321 值班'), '物业 057****21 值班');
    assert.equal(scrubPublicText('010 12345678'), '010****78');
  });
  it('hides 18-digit ID numbers entirely', () => {
    assert.equal(scrubPublicText('身份证110105194912310021'), `身份证${'*'.repeat(18)}`);
    assert.equal(scrubPublicText('11010519491231002X号'), `${'*'.repeat(18)}号`);
  });
  it('masks the names it is given, each time they appear', () => {
    assert.equal(
      scrubPublicText('我是张三丰，张三丰的老伴腿脚不便', ['张三丰']),
      '我是张*丰，张*丰的老伴腿脚不便',
    );
    assert.equal(
      scrubPublicText('欧阳娜娜想学手机', ['欧阳娜娜', undefined, '']),
      '欧阳*娜想学手机',
    );
  });
  it('leaves ordinary text and other numbers alone', () => {
    const text = '3号楼2单元的路灯坏了20260101号，已有12345678人次、订单1234567890123456';
    assert.equal(scrubPublicText(text, ['王']), text);
    assert.equal(scrubPublicText('12345678901'), '12345678901', 'not a mobile: 12 is no prefix');
  });
});
