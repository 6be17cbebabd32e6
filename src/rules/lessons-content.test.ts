import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ruleById, rules, rulesBySection, sections } from './index.ts';
import type { Rule } from './index.ts';
import { glossary } from './glossary.ts';
import { SLIPS } from './text-checks.ts';

// Content checks of the lessons against the standard, from the sources (no build needed):
//   1. the catalog (src/rules) says what the published standard says: every phrase, list item and number,
//      once its slips are corrected and its half-width punctuation ignored;
//   2. a written lesson anchors every rule of its section, so the Rule component quotes each list and phrase
//      on the page (the built pages are checked in e2e/lessons.spec.ts);
//   3. what lessons write in their own words never contradicts the standard: numbers (45 度, 三声内接听,
//      五个一样, 四告知 …) and quoted phrases (a phrase of the standard is quoted exactly or not at all);
//   4. lessons 01, 06 and 07 teach each list in their own prose too, and the five systems, which the
//      standard only names, are explained inside <Advice> only.

// The standard as published is part of the repository (standard/README.md says where it comes from).
const standardPath = fileURLToPath(new URL('../../standard/service-conduct-standard.zh.txt', import.meta.url));

const modulesDir = fileURLToPath(new URL('../modules/', import.meta.url));
const lessons = new Map(
  (existsSync(modulesDir) ? readdirSync(modulesDir) : [])
    .filter((f) => /^\d\d-[a-z]+\.mdx$/.test(f))
    .map((f) => [f.replace(/\.mdx$/, ''), readFileSync(modulesDir + f, 'utf8')] as const),
);

/** Without whitespace and punctuation (either width), so wording is compared, not typography or line breaks. */
function loose(text: string): string {
  return text.replace(/[\s\p{P}]/gu, '');
}

/** Everything a lesson shows: frontmatter values, prose and attribute values (captions, titles); tags removed. */
function shown(source: string): string {
  return source
    .replace(/^---\n([\s\S]*?)\n---\n/, '$1\n')
    .replace(/<[^>]*>/g, (tag) => ` ${[...tag.matchAll(/=\s*"([^"]*)"/g)].map((m) => m[1]).join(' ')} `);
}

/** The lesson body's prose: no frontmatter (要点回顾 only repeats), no JSX tags or attribute values. */
function bodyProse(source: string): string {
  return source.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/<[^>]*>/g, ' ');
}

/** The published standard with its known slips corrected (README: "Known slips in the source text"). */
function correctedStandard(): string {
  let text = readFileSync(standardPath, 'utf8');
  for (const slip of SLIPS) text = text.split(slip.wrong).join(slip.correct);
  return text;
}

const numerals = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A `<Rule id>` anchor in a lesson source. */
function anchoredIds(source: string): string[] {
  return [...source.matchAll(/<Rule\b[^>]*?\bid=["']([^"']+)["']/g)].map((m) => m[1] ?? '');
}

/** A lesson's MDX source; every section of the standard has one. */
function writtenLesson(module: string): string {
  const source = lessons.get(module);
  assert.ok(source, `src/modules/${module}.mdx exists`);
  return source;
}

function rule(id: string): Rule {
  const r = ruleById(id);
  assert.ok(r, `rule ${id} is in the catalog`);
  return r;
}

// ---- 1. catalog ↔ published standard -------------------------------------------------------------------

test('standard: the published text is readable', () => {
  assert.match(readFileSync(standardPath, 'utf8'), /牙克石市社会局服务行为规范/);
});

test('standard: every rule text, phrase and list item of the catalog is in the standard (slips corrected)', () => {
  const standard = loose(correctedStandard());
  for (const r of rules) {
    assert.ok(standard.includes(loose(r.text)), `${r.id}: rule text not found in the standard: ${r.text}`);
    for (const phrase of r.phrases ?? []) {
      assert.ok(standard.includes(loose(phrase)), `${r.id}: phrase “${phrase}” not found in the standard`);
    }
    for (const item of r.items ?? []) {
      // `对象：做法` items (递交物件, 送客) summarize; their 做法 part is the standard's wording.
      const wording = item.includes('：') ? item.slice(item.indexOf('：') + 1) : item;
      for (const part of wording.split('、')) {
        assert.ok(standard.includes(loose(part)), `${r.id}: item “${item}” (${part}) not found in the standard`);
      }
    }
  }
});

test('standard: the numbers of the catalog are the standard’s (45 度, 三声, counts of each list)', () => {
  const standard = loose(correctedStandard());
  for (const r of rules) {
    for (const n of r.numbers ?? []) {
      const written = [`${n.value}${n.unit}`, `${numerals[n.value] ?? '?'}${n.unit}`];
      const statedInText = written.some((w) => r.text.includes(w) && standard.includes(w));
      const countOfList = n.value === (r.items ?? r.phrases ?? []).length;
      assert.ok(statedInText || countOfList, `${r.id}: ${n.value}${n.unit}（${n.label}） is neither stated nor the list length`);
    }
  }
  assert.ok(standard.includes('脚尖分开约45度'), '站姿 45 度');
  assert.ok(standard.includes('电话铃响三声内尽快接听'), '三声内接听');
  assert.equal(rule('s2-a1-1').numbers?.[0]?.value, 45);
  assert.equal(rule('s3-2').numbers?.[0]?.value, 3);
});

test('standard: the lists the course teaches by name, in the standard’s order', () => {
  const standard = loose(correctedStandard());
  const inOrder = (label: string, list: readonly string[]) => {
    let from = 0;
    for (const entry of list) {
      const at = standard.indexOf(loose(entry), from);
      assert.ok(at >= 0, `${label}: “${entry}” missing or out of order`);
      from = at;
    }
  };
  inOrder('三声', rule('s1-j3').items ?? []);
  inOrder('五个一样', rule('s1-j4').items ?? []);
  inOrder('禁忌用语', rule('s5-f').phrases ?? []);
  inOrder('三提前', rule('s7-w1').items ?? []);
  inOrder('四告知', rule('s7-w2').items ?? []);
  inOrder('不积压', rule('s7-w4').items ?? []);
  inOrder('五项制度', rule('s7-w6').items ?? []);
  assert.equal(rule('s1-j3').items?.length, 3);
  assert.equal(rule('s1-j4').items?.length, 5);
  assert.equal(rule('s5-f').phrases?.length, 8);
  assert.equal(rule('s7-w1').items?.length, 3);
  assert.equal(rule('s7-w2').items?.length, 4);
  assert.equal(rule('s7-w6').items?.length, 5);
});

// ---- 2. each written lesson anchors all of its section ----------------------------------------------------

for (const section of sections) {
  test(`lesson ${section.module}: anchors every rule of section ${section.number} (so its lists and phrases are quoted)`, () => {
    const source = writtenLesson(section.module);
    const anchored = new Set(anchoredIds(source));
    const missing = rulesBySection(section.number)
      .map((r) => r.id)
      .filter((id) => !anchored.has(id));
    assert.deepEqual(missing, [], `${section.module}.mdx: rules without a <Rule id> anchor`);
  });
}

// ---- 3. what lessons say in their own words -----------------------------------------------------------------

const numeralClass = '[0-9零一二两三四五六七八九十]+';

/** Numbers a lesson may state in its own words; each pattern's first group must be one of `allowed`. */
const numberClaims: { what: string; pattern: RegExp; allowed: string[] }[] = [
  { what: '脚尖分开的角度（45度）', pattern: new RegExp(`脚尖[^。；\\n]{0,10}?(\\d+)\\s*(?:度|°)`, 'g'), allowed: ['45'] },
  { what: '电话铃响几声内接听（三声）', pattern: new RegExp(`铃响\\s*(${numeralClass})\\s*声`, 'g'), allowed: ['三', '3'] },
  { what: '“五个一样”', pattern: new RegExp(`(${numeralClass})\\s*个一样`, 'g'), allowed: ['五', '5'] },
  { what: '“三提前”', pattern: /([零一二两四五六七八九十0-9])提前[“”」]/g, allowed: ['三'] },
  { what: '“四告知”', pattern: /([零一二两三五六七八九十0-9])告知[“”」]/g, allowed: ['四'] },
  { what: '禁忌用语的句数（八句）', pattern: new RegExp(`(${numeralClass})\\s*句禁忌用语`, 'g'), allowed: ['八', '8'] },
  { what: '效能建设的制度数（五项）', pattern: new RegExp(`(${numeralClass})\\s*项制度`, 'g'), allowed: ['五', '5'] },
  { what: '基本要求的条数（五项）', pattern: new RegExp(`(${numeralClass})\\s*(?:项|条)基本要求`, 'g'), allowed: ['五', '5'] },
];

test('lessons: numbers stated in a lesson’s own words agree with the standard', () => {
  for (const [module, source] of lessons) {
    const text = shown(source);
    for (const claim of numberClaims) {
      for (const m of text.matchAll(claim.pattern)) {
        assert.ok(claim.allowed.includes(m[1] ?? ''), `${module}.mdx: ${claim.what}: “${m[0]}”`);
      }
    }
  }
});

test('lessons: a phrase of the standard is quoted exactly or not at all', () => {
  // A phrase whose words appear but whose exact form does not is a misquote (changed punctuation, a dropped or
  // swapped character). Very short phrases (请问, 再见, 不知道) occur in ordinary sentences and are not checked.
  const phrases = rules.flatMap((r) => (r.phrases ?? []).map((phrase) => ({ id: r.id, phrase })));
  const count = (text: string, part: string) => text.split(part).length - 1;
  for (const [module, source] of lessons) {
    const text = shown(source);
    const looseText = loose(text);
    for (const { id, phrase } of phrases) {
      if ([...loose(phrase)].length < 4) continue;
      // Every occurrence of the phrase's words must be an occurrence of the exact phrase.
      const words = count(looseText, loose(phrase));
      const exact = count(text, phrase);
      assert.ok(exact >= words, `${module}.mdx quotes ${id} inexactly (${words - exact}×); the standard says “${phrase}”`);
    }
  }
});

// ---- 4. lessons 01, 06, 07 -------------------------------------------------------------------------------------

/** The lesson body's prose outside <Advice> blocks, and the text of its <Advice> blocks. */
function split(source: string): { normative: string; advice: string[] } {
  const advice = [...source.matchAll(/<Advice>([\s\S]*?)<\/Advice>/g)].map((m) => m[1] ?? '');
  return { normative: bodyProse(source.replace(/<Advice>[\s\S]*?<\/Advice>/g, ' ')), advice };
}

function assertTeaches(module: string, words: readonly string[], where: string): void {
  const source = lessons.get(module);
  assert.ok(source, `src/modules/${module}.mdx exists`);
  const { normative } = split(source);
  const missing = words.filter((w) => !normative.includes(w));
  assert.deepEqual(missing, [], `${module}.mdx does not teach (outside <Advice>) ${where}`);
}

test('lesson 01: dress rules, 三声 and 五个一样 in its own prose, with their glossary links', () => {
  for (const r of rulesBySection(1)) assertTeaches('01-appearance', r.items ?? [], `the items of ${r.id}`);
  assertTeaches('01-appearance', ['坐姿', '端正', '站姿', '挺立', '面带微笑', '自然真诚', '扔', '投'], 'posture, smile, handing over');
  const source = lessons.get('01-appearance') ?? '';
  assert.match(source, /<Term id="sansheng"/);
  assert.match(source, /<Term id="wugeyiyang"/);
});

test('lesson 06: signs, commitments, procedures and every safety and convenience facility', () => {
  for (const r of rulesBySection(6)) assertTeaches('06-facilities', r.items ?? [], `the items of ${r.id}`);
  assertTeaches(
    '06-facilities',
    ['卫生整洁', '等候座椅', '多种形式', '咨询台', '引导台', '单据填写示范', '明显位置', '办事指南', '岗位职责', '宣传页', '办公室服务场所'],
    'the environment and published procedures',
  );
  assertTeaches(
    '06-facilities',
    ['采光良好', '空气流通', '方便疏散', '防火', '防盗', '监控', '等候区', '残疾人专用设施', '医药箱', '自助查询终端机', '排队叫号机', '饮水机'],
    'the safety and convenience facilities of s6-4',
  );
});

test('lesson 07: 基本要求, 三提前, 四告知, 不积压 and the canonical 材料不全 phrase in its own prose', () => {
  assertTeaches('07-efficiency', rulesBySection(7).filter((r) => r.group === '基本要求').map((r) => r.title), 'the five basic requirements');
  for (const id of ['s7-w1', 's7-w2', 's7-w4']) assertTeaches('07-efficiency', rule(id).items ?? [], `the items of ${id}`);
  assertTeaches(
    '07-efficiency',
    ['指导服务对象填写有关业务凭证', '即时受理', '政策解释说明', '急事急办', '特事特办', '绿色通道', '点对点服务', '重点服务', '一条龙服务', '层层复核', '服务日志基础台账', '及时改正'],
    '四告知’s form filling, 不推诿, 不积压 and 不出错',
  );
  // The standard's phrase for incomplete materials (五、办公用语 5), quoted exactly, with 一次性告知 beside it.
  const canonical = rule('s5-o5').phrases?.[0] ?? '';
  assert.equal(canonical, '您的手续（材料）还缺少××项，请您准备齐全再来');
  assertTeaches('07-efficiency', [canonical, '一次说全'], 'the 材料不全 case');
  for (const id of ['santiqian', 'sigaozhi', 'butuiwei', 'bujiya', 'buchucuo', 'jishijiban', 'lvsetongdao']) {
    assert.match(lessons.get('07-efficiency') ?? '', new RegExp(`<Term id="${id}"`), `<Term id="${id}">`);
  }
});

test('lesson 07: the five systems are linked with <Term> and explained only inside <Advice>', () => {
  const source = lessons.get('07-efficiency') ?? '';
  const { normative, advice } = split(source);
  const systems = glossary.filter((e) => e.ruleId === 's7-w6');
  assert.deepEqual(systems.map((e) => e.term), rule('s7-w6').items);
  for (const entry of systems) {
    assert.equal(entry.source, 'advice', entry.id);
    assert.match(source, new RegExp(`<Term id="${entry.id}"`), `<Term id="${entry.id}">`);
    assert.ok(advice.some((a) => a.includes(entry.term)), `${entry.term} is explained in an <Advice> block`);
    // Outside <Advice> a system is only named (linked), never given a definition such as “首问负责制：……”.
    assert.ok(!new RegExp(`${entry.term}\\*{0,2}[：:]`).test(normative), `${entry.term} is defined outside <Advice>`);
  }
});
