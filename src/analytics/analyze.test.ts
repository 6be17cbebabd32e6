import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sampleCorrelation } from 'simple-statistics';
import { analyzeFiles, figures, fixture, fixtureText, tempDir } from './test-support.ts';

/**
 * The report's figures against an independent calculation from the raw Moodle export: the text file is split by
 * hand here (the fixture quotes no tab), the statistics are computed directly from lists with simple-statistics,
 * not from the running sums analyze.ts keeps.
 */
interface Raw {
  email: string;
  attempt: number;
  item: string;
  response: string;
  key: string;
  correct: boolean;
}

const unquote = (s: string) => (s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s);

function rawResponses(text: string): Raw[] {
  const [, ...lines] = text.trimEnd().split('\n');
  return lines.flatMap((line) => {
    const f = line.split('\t').map(unquote);
    const out: Raw[] = [];
    for (let i = 7; i + 3 < f.length; i += 4) {
      if (!f[i]) continue;
      const m = /^a(\d+)-(.*)$/.exec(f[i]!)!;
      out.push({ email: f[1]!, attempt: Number(m[1]), item: m[2]!, response: f[i + 1]!, key: f[i + 2]!, correct: f[i + 3] === 'correct' });
    }
    return out;
  });
}

const mapRows = () =>
  (parse(fixtureText('item-map.csv'), { bom: true, columns: true }) as Array<Record<string, string>>).map((r) => ({
    id: r.item_id!,
    module: r.module!.split(' ')[0]!,
    rules: r.rule_ids!.split(' '),
  }));

const near = (a: number | null, b: number | null, label: string) => {
  if (a === null || b === null) return assert.equal(a, b, label);
  assert.ok(Math.abs(a - b) < 1e-9, `${label}: ${a} ≠ ${b}`);
};

test('Moodle 1.2 Interactions export: cohort counts match the fixture README (hand-checked)', async () => {
  const r = await analyzeFiles(['scorm12-interactions.txt']);
  assert.equal(r.cohort.learners, 8);
  assert.equal(r.cohort.learnersWithItems, 8);
  assert.equal(r.cohort.examAttempts, 14); // README: 1.2 has 14 exam attempts
  assert.equal(r.cohort.responses, 280); // 14 × 20 filled groups
  assert.equal(r.reliability.k, 20);
  // 1.2 learners: scores 81 95 95 96 74 95 95 95 → 7 passed, learner19 exhausted with 74.
  assert.equal(r.cohort.finalPass.right, 7);
  assert.deepEqual(r.cohort.outcomes.find((o) => o.key === 'failed-final')?.count, 1);
  assert.equal(r.cohort.passByAttempt[0]!.takers, 8);
  assert.equal(r.cohort.passByAttempt.reduce((s, p) => s + p.passed, 0), 7);
  assert.deepEqual(r.restudy.map((l) => l.name), ['林晓东']);
});

test('difficulty, point-biserial (item vs rest), D, per-rule and per-module mastery and KR-20 match an independent calculation', async () => {
  const r = await analyzeFiles(['scorm12-interactions.txt']);
  const raw = rawResponses(fixtureText('scorm12-interactions.txt'));
  assert.equal(raw.length, 280);
  const attemptKey = (x: Raw) => `${x.email}#${x.attempt}`;
  const byAttempt = new Map<string, Raw[]>();
  for (const x of raw) byAttempt.set(attemptKey(x), [...(byAttempt.get(attemptKey(x)) ?? []), x]);
  const total = (k: string) => byAttempt.get(k)!.filter((x) => x.correct).length / byAttempt.get(k)!.length;
  const totals = [...byAttempt.keys()].map(total).sort((a, b) => a - b);
  const g = Math.round(0.27 * totals.length);
  const upperMin = totals[totals.length - g]!;
  const lowerMax = totals[g - 1]!;
  const itemIds = [...new Set(raw.map((x) => x.item))];
  assert.equal(r.items.length, itemIds.length);
  for (const id of itemIds) {
    const rows = raw.filter((x) => x.item === id);
    const row = r.items.find((i) => i.id === id)!;
    const xs = rows.map((x): number => (x.correct ? 1 : 0));
    near(row.p, xs.reduce((a, b) => a + b, 0) / xs.length, `${id} p`);
    const rest = rows.map((x) => {
      const all = byAttempt.get(attemptKey(x))!;
      return (all.filter((y) => y.correct).length - (x.correct ? 1 : 0)) / (all.length - 1);
    });
    const varies = (v: number[]) => v.some((y) => Math.abs(y - v[0]!) > 1e-12);
    near(row.rpb, rows.length >= 2 && varies(xs) && varies(rest) ? sampleCorrelation(xs, rest) : null, `${id} rpb`);
    const upper = rows.filter((x) => total(attemptKey(x)) >= upperMin);
    const lower = rows.filter((x) => total(attemptKey(x)) <= lowerMax);
    const pOf = (list: Raw[]) => list.filter((x) => x.correct).length / list.length;
    near(row.d, upper.length && lower.length ? pOf(upper) - pOf(lower) : null, `${id} D`);
  }
  const map = mapRows();
  const ruleIds = [...new Set(raw.flatMap((x) => map.find((m) => m.id === x.item)!.rules))];
  assert.equal(r.rules.length, ruleIds.length);
  for (const rule of ruleIds) {
    const rows = raw.filter((x) => map.find((m) => m.id === x.item)!.rules.includes(rule));
    const row = r.rules.find((x) => x.id === rule)!;
    assert.equal(row.n, rows.length, `${rule} n`);
    assert.equal(row.right, rows.filter((x) => x.correct).length, `${rule} right`);
  }
  for (const m of r.modules) {
    const rows = raw.filter((x) => map.find((i) => i.id === x.item)!.module === m.module);
    assert.deepEqual([m.right, m.n], [rows.filter((x) => x.correct).length, rows.length], m.module);
  }
  // KR-20 over the 14 random forms: Σpq averaged over the forms, σ² of number right (population).
  const p = new Map(itemIds.map((id) => [id, raw.filter((x) => x.item === id && x.correct).length / raw.filter((x) => x.item === id).length]));
  const forms = [...byAttempt.values()];
  const meanSumPq = forms.reduce((s, f) => s + f.reduce((t, x) => t + p.get(x.item)! * (1 - p.get(x.item)!), 0), 0) / forms.length;
  const rights = forms.map((f) => f.filter((x) => x.correct).length);
  const mean = rights.reduce((a, b) => a + b, 0) / rights.length;
  const sigma2 = rights.reduce((s, x) => s + (x - mean) ** 2, 0) / rights.length;
  near(r.reliability.kr20, (20 / 19) * (1 - meanSumPq / sigma2), 'KR-20');
  assert.equal(r.reliability.enough, false, '14 attempts are below the line of 30');
  // The weakest ranked rule is the one with the lowest share among rules with n ≥ 10.
  const ranked = ruleIds
    .map((rule) => {
      const rows = raw.filter((x) => map.find((m) => m.id === x.item)!.rules.includes(rule));
      return { rule, n: rows.length, share: rows.filter((x) => x.correct).length / rows.length };
    })
    .filter((x) => x.n >= 10)
    .sort((a, b) => a.share - b.share || b.n - a.n || a.rule.localeCompare(b.rule));
  assert.deepEqual(r.rules.filter((x) => x.enough).map((x) => x.id), ranked.map((x) => x.rule));
});

test('no item is judged on fewer than 20 responses; signals only where the 95 % interval already shows it', async () => {
  const r = await analyzeFiles(['scorm12-interactions.txt']);
  for (const item of r.items) {
    assert.equal(item.judged, item.n >= 20);
    if (!item.judged) assert.deepEqual(item.flags, []);
    if (item.signals.includes('likely-hard')) assert.ok(item.pHigh! < 0.5, item.id);
  }
});

test('the text and Excel forms of the same report give the same figures', async () => {
  for (const [text, excel] of [
    ['scorm12-interactions.txt', 'scorm12-interactions.xlsx'],
    ['scorm2004-interactions.txt', 'scorm2004-interactions.xlsx'],
    ['scorm12-basic.txt', 'scorm12-basic.xlsx'],
    ['scorm2004-basic.txt', 'scorm2004-basic.xlsx'],
    ['scorm12-objectives.txt', 'scorm12-objectives.xlsx'],
  ]) {
    const a = await analyzeFiles([text!]);
    const b = await analyzeFiles([excel!]);
    assert.deepEqual(figures(b), figures(a), `${text} vs ${excel}`);
    assert.equal(b.sources[0]!.format, 'xlsx');
    assert.equal(b.sources[0]!.kind, a.sources[0]!.kind);
  }
});

test('SCORM 2004 export: cohort figures, and a plain notice that Moodle 4.3 exports no item data for 2004', async () => {
  const r = await analyzeFiles(['scorm2004-interactions.txt']);
  assert.equal(r.cohort.learners, 14);
  assert.equal(r.cohort.responses, 0);
  assert.equal(r.cohort.finalPass.right, 10);
  assert.deepEqual(
    ['failed-final', 'not-finished'].map((k) => r.cohort.outcomes.find((o) => o.key === k)!.count),
    [1, 3],
  );
  assert.match(r.notices.join('\n'), /SCORM 2004[\s\S]*cmi\.interactions\.N\.id[\s\S]*SCORM 1\.2 课件包[\s\S]*长表格式/);
  assert.equal(r.restudy.length, 4);
  assert.ok(r.restudy.every((l) => l.note.includes('没有这名学员的逐题数据')));
});

test('all exports of both versions together reproduce the README outcomes (22 learners)', async () => {
  const r = await analyzeFiles(['scorm12-interactions.txt', 'scorm2004-interactions.txt', 'scorm12-objectives.txt', 'scorm2004-basic.xlsx', 'gradebook.csv']);
  assert.equal(r.cohort.learners, 22);
  assert.equal(r.cohort.enrolled, 23); // + Sam Student, enrolled without an attempt
  const count = (key: string) => r.cohort.outcomes.find((o) => o.key === key)!.count;
  // README: passed 10 + 6 + 1 = 17, exhausted 2, failed attempt 1 and never retook 3.
  assert.equal(r.cohort.finalPass.right, 17);
  assert.equal(count('failed-final'), 2);
  assert.equal(count('not-finished'), 3);
  assert.equal(r.cohort.scores.noScore, 3);
  assert.equal(r.cohort.time.lms?.n, 22);
});

test('"Show: All students" files count enrolled learners without an attempt', async () => {
  const r = await analyzeFiles(['scorm12-interactions-all-students.txt']);
  assert.equal(r.cohort.enrolled, 23);
  assert.equal(r.cohort.learners, 8);
  assert.equal(r.cohort.notStarted, 15);
  assert.equal(r.cohort.responses, 280);
});

test('the long format gives the same item, rule and module figures as the Moodle export it was made from', async () => {
  const raw = rawResponses(fixtureText('scorm12-interactions.txt'));
  const dir = tempDir();
  const file = path.join(dir, 'long.csv');
  // SCORM 2004 spelling of the same responses for half the rows: both normalise to the same codes.
  const to2004 = (code: string) =>
    code === 't' ? 'true' : code === 'f' ? 'false' : code.split(',').map((p) => p.split('.').map((c, i, all) => (all.length === 2 ? (i ? 'r' : 'l') : 'o') + ('abcdefghij'.indexOf(c) + 1)).join('[.]')).join('[,]');
  const lines = raw.map((x, i) => [x.email, x.attempt, `a${x.attempt}-${x.item}`, i % 2 ? to2004(x.response) : x.response, x.correct ? 'correct' : 'incorrect', '2026-12-01T10:00:00Z'].map((f) => (String(f).includes(',') ? `"${f}"` : f)).join(','));
  writeFileSync(file, `learner,attempt,interaction_id,response,result,timestamp\n${lines.join('\n')}\n`);
  const long = await analyzeFiles([file]);
  const moodle = await analyzeFiles(['scorm12-interactions.txt']);
  assert.equal(long.sources[0]!.kind, 'long');
  assert.deepEqual(long.items, moodle.items);
  assert.deepEqual(long.rules, moodle.rules);
  assert.deepEqual(long.modules, moodle.modules);
  assert.deepEqual(long.reliability, moodle.reliability);
  // Without a correct_response column the key of an item nobody got right is unknown, so only the chosen
  // responses are compared (the Moodle export also lists the unchosen key with 0).
  const chosen = (r: typeof long) => r.distractors.map((d) => d.rows.filter((x) => x.count > 0).map((x) => [x.code, x.count]));
  assert.deepEqual(chosen(long), chosen(moodle));
});

test('distractor analysis labels 1.2 codes through the item map and counts every response', async () => {
  const r = await analyzeFiles(['scorm12-interactions.txt']);
  const raw = rawResponses(fixtureText('scorm12-interactions.txt'));
  for (const d of r.distractors) {
    const rows = raw.filter((x) => x.item === d.itemId);
    assert.equal(d.n, rows.length);
    if (d.mode === 'option' || d.mode === 'pattern') {
      assert.equal(d.rows.reduce((s, x) => s + x.count, 0), rows.length, d.itemId);
      const key = d.rows.find((x) => x.key);
      if (key) assert.equal(key.count, rows.filter((x) => x.correct).length, `${d.itemId}: the key is chosen by exactly those who are right`);
    }
    if (d.type === 'truefalse') assert.ok(d.rows.every((x) => ['对', '错', '（未作答）'].includes(x.label)));
    if (d.type === 'single') {
      const key = d.rows.find((x) => x.key);
      if (key) assert.doesNotMatch(key.label, /选项/, 'the key shows the right answer text');
    }
  }
});

test('--pseudonymize: no name or e-mail anywhere, stable pseudonyms, another salt gives others', async () => {
  const files = ['scorm12-interactions.txt', 'scorm2004-interactions.txt'];
  const a = await analyzeFiles(files, { pseudonymize: { salt: 's1', defaultSalt: false } });
  const b = await analyzeFiles(files, { pseudonymize: { salt: 's1', defaultSalt: false } });
  const c = await analyzeFiles(files, { pseudonymize: { salt: 's2', defaultSalt: false } });
  const json = JSON.stringify(a);
  assert.doesNotMatch(json, /@example\.com/);
  for (const name of ['林晓东', '赵敏', '晓东 林', '建华']) assert.ok(!json.includes(name), name);
  assert.deepEqual(a.learners.map((l) => l.name), b.learners.map((l) => l.name));
  assert.ok(a.learners.every((l) => /^学员-[0-9A-F]{8}$/.test(l.name)));
  assert.notDeepEqual(new Set(a.learners.map((l) => l.name)), new Set(c.learners.map((l) => l.name)));
  assert.match(a.privacy.statement, /已化名/);
  const plain = await analyzeFiles(files);
  assert.match(plain.privacy.statement, /含个人信息/);
});

test('restudy rules for a failed learner are the rules of the items answered wrong, most often first', async () => {
  const r = await analyzeFiles(['scorm12-interactions.txt']);
  const raw = rawResponses(fixtureText('scorm12-interactions.txt')).filter((x) => x.email === 'learner19@example.com');
  const map = mapRows();
  const wrong = new Map<string, number>();
  for (const x of raw.filter((y) => !y.correct)) for (const rule of map.find((m) => m.id === x.item)!.rules) wrong.set(rule, (wrong.get(rule) ?? 0) + 1);
  const entry = r.restudy.find((l) => l.name === '林晓东')!;
  assert.equal(entry.examAttempts, 3);
  assert.deepEqual(new Map(entry.rules.map((x) => [x.id, x.wrong])), wrong);
  assert.ok(entry.rules.every((x, i, all) => i === 0 || all[i - 1]!.wrong >= x.wrong));
  assert.ok(entry.rules.every((x) => x.focus === x.wrong * 2 >= x.n));
  assert.ok(entry.rules.some((x) => x.focus) && entry.rules.some((x) => !x.focus));
  assert.ok(entry.rules.every((x) => /^modules\/0[1-7]-[a-z]+\.html#s[1-7]-/.test(x.link)));
});

test('fixture files are what the README lists', () => {
  const readme = fixtureText('README.md');
  for (const name of ['scorm12-interactions.txt', 'scorm12-interactions.xlsx', 'scorm2004-interactions.txt', 'gradebook.csv', 'item-map.csv']) {
    assert.ok(readme.includes(name), name);
    assert.ok(fixture(name));
  }
});
