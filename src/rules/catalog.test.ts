import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rules, ruleById, requireRule, rulesBySection, sections, sectionOf, RULE_ID_PATTERN } from './index.ts';
import { glossary, glossaryEntry } from './glossary.ts';
import { findHalfWidthPunctuation, findSlips, SLIPS } from './text-checks.ts';
import type { Rule } from './index.ts';

/** All course-facing strings of a rule. */
function strings(rule: Rule): string[] {
  return [rule.title, rule.group, rule.text, ...(rule.phrases ?? []), ...(rule.items ?? []), ...(rule.numbers ?? []).map((n) => n.label)];
}

function rule(id: string): Rule {
  const r = ruleById(id);
  assert.ok(r, `rule ${id} exists`);
  return r;
}

test('ids are unique, ASCII and follow the scheme', () => {
  const ids = rules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of rules) {
    assert.match(r.id, RULE_ID_PATTERN);
    assert.match(r.id, /^[\x21-\x7e]+$/);
    assert.ok(r.id.startsWith(`s${r.section}-`), `${r.id} is in section ${r.section}`);
  }
});

test('catalog size: one rule per numbered item of the standard', () => {
  assert.equal(rules.length, 71);
  assert.deepEqual(
    sections.map((s) => rulesBySection(s.number).length),
    [9, 16, 3, 11, 17, 4, 11],
  );
});

test('rules are in the standard order (section ascending)', () => {
  const order = rules.map((r) => r.section);
  assert.deepEqual(order, [...order].sort((a, b) => a - b));
});

test('sections: seven, numbered, with module ids and titles', () => {
  assert.deepEqual(
    sections.map((s) => `${s.number} ${s.module} ${s.slug} ${s.title}`),
    [
      '1 01-appearance appearance 仪容仪表规范',
      '2 02-reception reception 接待礼仪规范',
      '3 03-telephone telephone 接打电话规范',
      '4 04-conduct conduct 工作人员行为规范',
      '5 05-language language 文明服务用语规范',
      '6 06-facilities facilities 服务设施规范',
      '7 07-efficiency efficiency 效能建设规范',
    ],
  );
  for (const s of sections) {
    assert.ok(rulesBySection(s.number).length > 0, `section ${s.number} has rules`);
    assert.equal(s.module, `0${s.number}-${s.slug}`);
    assert.equal(sectionOf(s.module), s);
    assert.equal(sectionOf(s.number), s);
  }
});

test('lookups: ruleById, requireRule', () => {
  assert.equal(ruleById('s2-a1-3')?.title, '握手');
  assert.equal(ruleById('nope'), undefined);
  assert.throws(() => requireRule('s9-x'), /s9-x/);
});

test('titles are 2–8 characters', () => {
  for (const r of rules) {
    const n = [...r.title].length;
    assert.ok(n >= 2 && n <= 8, `${r.id} title ${r.title}`);
  }
});

test('no slip of the published standard appears in any rule or glossary text', () => {
  for (const r of rules) {
    for (const s of strings(r)) assert.deepEqual(findSlips(s), [], `${r.id}: ${s}`);
  }
  for (const e of glossary) {
    for (const s of [e.term, e.definition, e.standardText ?? '']) assert.deepEqual(findSlips(s), [], `${e.id}: ${s}`);
  }
});

test('the corrected forms are used', () => {
  const all = rules.map((r) => r.text).join('\n');
  for (const correct of [
    '姿势和动作',
    '两脚中间',
    '傲慢地',
    '再进入，进入后',
    '如是钢笔，',
    '把一个人介绍给很多人',
    '交换名片',
    '应到门口迎接',
    '正确地拨号',
    '不要故意延误，先报出',
    '应面带微笑',
    '请稍候',
  ]) {
    assert.ok(all.includes(correct), correct);
  }
});

test('full-width punctuation: no half-width , : ; ? ! ( ) " next to Chinese text', () => {
  for (const r of rules) {
    for (const s of strings(r)) assert.deepEqual(findHalfWidthPunctuation(s), [], `${r.id}: ${s}`);
  }
  for (const e of glossary) {
    for (const s of [e.term, e.definition, e.standardText ?? '']) {
      assert.deepEqual(findHalfWidthPunctuation(s), [], `${e.id}: ${s}`);
    }
  }
});

test('phrases appear verbatim in the rule text', () => {
  for (const r of rules) {
    for (const p of r.phrases ?? []) assert.ok(r.text.includes(p), `${r.id}: ${p}`);
  }
});

test('站姿: heels together, toes about 45 degrees apart', () => {
  const r = rule('s2-a1-1');
  assert.match(r.text, /脚尖分开约45度/);
  assert.deepEqual(r.numbers?.map((n) => [n.value, n.unit]), [[45, '度']]);
});

test('电话: answer within three rings, then 您好，这里是牙克石市社保局', () => {
  const r = rule('s3-2');
  assert.match(r.text, /电话铃响三声内/);
  assert.equal(r.numbers?.[0]?.value, 3);
  assert.ok(rule('s5-t1').phrases?.includes('您好，这里是牙克石市社保局'));
});

test('三声 and 五个一样 are in sections 1 and 4', () => {
  for (const id of ['s1-j3', 's4-t2']) {
    assert.deepEqual(rule(id).items, ['来有迎声', '询问有答声', '离开有送声']);
  }
  for (const id of ['s1-j4', 's4-t3']) {
    const items = rule(id).items ?? [];
    assert.equal(items.length, 5, id);
    for (const i of items) assert.match(i, /一样/);
  }
});

test('禁忌用语: all eight forbidden phrases, exactly the ones the standard quotes, in its order', () => {
  const forbidden = rule('s5-f');
  const quoted = [...forbidden.text.matchAll(/“([^”]+)”/g)].map((match) => match[1]);
  assert.equal(quoted.length, 8);
  assert.deepEqual(forbidden.phrases, quoted);
  assert.ok(forbidden.phrases?.includes('有牌子，自己看') && forbidden.phrases.includes('不行，重填'));
});

test('禁忌用语 never appear as prescribed phrases elsewhere', () => {
  const forbidden = new Set(rule('s5-f').phrases);
  for (const r of rules) {
    if (r.id === 's5-f') continue;
    for (const p of r.phrases ?? []) assert.ok(!forbidden.has(p), `${r.id}: ${p}`);
  }
});

test('三提前 and 四告知 are listed in full', () => {
  assert.equal(rule('s7-w1').items?.length, 3);
  assert.deepEqual(rule('s7-w2').items, [
    '告知所提申请是否符合政策规定',
    '告知办理相关业务所需手续',
    '告知办理业务的路径',
    '告知办理业务的时限',
  ]);
});

test('the five systems', () => {
  const systems = ['首问负责制', '全程代理制', '一次性告知制', '限时办结制', '责任追究制'];
  assert.deepEqual(rule('s7-w6').items, systems);
  for (const s of systems) assert.ok(rule('s7-w6').text.includes(s), s);
});

test('items appear in the rule text (except labelled summaries)', () => {
  for (const r of rules) {
    for (const item of r.items ?? []) {
      // `递交物件` and `送客` items are "object：rule" summaries; their parts are checked instead.
      const parts = item.split('：').flatMap((p) => p.split('、'));
      for (const part of parts) {
        const bare = part.replace(/^(一般客人|重要的客人)$/, '');
        if (bare === '' || bare === '文件' || bare === '钢笔' || bare.startsWith('刀子')) continue;
        assert.ok(r.text.includes(bare) || r.text.includes(part), `${r.id}: ${part}`);
      }
    }
  }
});

test('glossary: ids unique and ASCII, rule ids exist, advice is marked', () => {
  const ids = glossary.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const e of glossary) {
    assert.match(e.id, /^[a-z][a-z0-9-]*$/);
    assert.ok(ruleById(e.ruleId), `${e.id} → ${e.ruleId}`);
    if (e.source === 'advice') assert.ok(e.standardText, `${e.id} quotes the standard`);
  }
  for (const id of ['shouwen', 'quancheng', 'yicixing', 'xianshi', 'zeren']) {
    assert.equal(glossaryEntry(id)?.source, 'advice', id);
  }
  for (const id of ['wugeyiyang', 'santiqian', 'sigaozhi', 'butuiwei', 'bujiya', 'buchucuo', 'sansheng', 'jishijiban', 'lvsetongdao']) {
    assert.equal(glossaryEntry(id)?.source, 'standard', id);
  }
});

test('glossary terms appear in their rule', () => {
  for (const e of glossary) {
    // 五个一样 and 三声 are the course's names for lists the standard spells out (rule titles).
    const r = rule(e.ruleId);
    const core = e.term.replace(/（.*）$/, '').split('、')[0] ?? e.term;
    assert.ok(r.text.includes(core) || r.title === core || e.id === 'sansheng', `${e.id}: ${core} in ${e.ruleId}`);
  }
});

test('text checks catch slips and half-width punctuation', () => {
  assert.equal(SLIPS.length > 10, true);
  assert.deepEqual(findSlips('请稍后').map((s) => s.correct), ['请稍候']);
  assert.deepEqual(findSlips('把ー个人').map((s) => s.correct), ['一']);
  assert.deepEqual(findSlips('请稍候，姿势和动作'), []);
  assert.equal(findHalfWidthPunctuation('您好,请坐').length, 1);
  assert.equal(findHalfWidthPunctuation('要求:耐心').length, 1);
  assert.equal(findHalfWidthPunctuation('多说"请"字').length, 2);
  assert.deepEqual(findHalfWidthPunctuation('脚尖分开约45度，a, b: c'), []);
});
