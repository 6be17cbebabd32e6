import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatIssuePath } from '../util/zod-issues.ts';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { rules } from '../rules/index.ts';
import { knownRuleIds } from './fixtures/known-rules.ts';
import {
  BankError,
  loadBank,
  loadRoleplays,
  validateBankFiles,
  validateRoleplayFiles,
} from './load-bank.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

function bankProblems(dir: string): string[] {
  try {
    loadBank(here(dir), knownRuleIds);
  } catch (error) {
    assert.ok(error instanceof BankError);
    return [...error.problems];
  }
  assert.fail(`expected ${dir} to be rejected`);
}

/** The one problem that starts with `prefix`. */
function problem(problems: readonly string[], prefix: string): string {
  const found = problems.filter((p) => p.startsWith(prefix));
  assert.equal(found.length, 1, `expected one problem starting with\n  ${prefix}\ngot:\n  ${problems.join('\n  ')}`);
  return found[0] as string;
}

test('formatIssuePath: dotted names, bracketed indexes', () => {
  assert.equal(formatIssuePath(['distractors', 1, 'feedback']), 'distractors[1].feedback');
  assert.equal(formatIssuePath(['nodes', 'ring', 'choices', 0, 'next']), 'nodes.ring.choices[0].next');
  assert.equal(formatIssuePath([]), '');
});

test('the good fixture bank loads, items tagged with their module, in file order', () => {
  const bank = loadBank(here('./fixtures/bank-good'), knownRuleIds);
  assert.deepEqual(
    bank.items.map((i) => `${i.module}/${i.id}`),
    [
      '01-appearance/m01-smile-01',
      '01-appearance/m01-three-voices-01',
      '03-telephone/m03-ring-tf-01',
      '03-telephone/m03-call-order-01',
      '03-telephone/m03-spot-01',
      '05-language/m05-phrase-match-01',
    ],
  );
  assert.deepEqual(new Set(bank.items.map((i) => i.type)).size, 6);
});

test('the bad fixture bank: one BankError lists every problem with file, item, field and line', () => {
  const problems = bankProblems('./fixtures/bank-bad');
  const dir = 'src/quizzes/fixtures/bank-bad';
  assert.match(
    problem(problems, `${dir}/01-appearance.yaml › item m01-unknown-rule-01 › rules[1]: `),
    /unknown rule id "s1-zz".*\(line 5\)$/,
  );
  assert.match(
    problem(problems, `${dir}/01-appearance.yaml › item m01-answer-twice-01 › distractors[1].text: `),
    /repeats the answer \(a correct answer must not also be a distractor\) \(line 22\)$/,
  );
  assert.match(
    problem(problems, `${dir}/01-appearance.yaml › item m01-no-answer-01 › answer: `),
    /required \(missing\)/,
  );
  assert.match(
    problem(problems, `${dir}/01-appearance.yaml › item m01-no-feedback-01 › distractors[1].feedback: `),
    /required \(missing\) \(line 41\)$/,
  );
  assert.match(
    problem(problems, `${dir}/02-reception.yaml › item m02-no-answers-01 › answers: `),
    /at least 1 correct answer/,
  );
  assert.match(
    problem(problems, `${dir}/03-telephone.yaml › line 8, column 1: YAML syntax error: `),
    /Missing closing "quote/,
  );
  assert.match(
    problem(problems, `${dir}/04-conduct.yaml › module: `),
    /"05-language" does not match the file name.*04-conduct.*\(line 1\)$/,
  );
  assert.match(
    problem(problems, `${dir}/04-conduct.yaml › item m01-smile-dup › id: `),
    new RegExp(`duplicate id, already used in ${dir}/02-reception.yaml`),
  );
  assert.equal(problems.length, 8, problems.join('\n'));
});

test('BankError message lists the problems one per line', () => {
  try {
    loadBank(here('./fixtures/bank-bad'), knownRuleIds);
    assert.fail('expected a BankError');
  } catch (error) {
    assert.ok(error instanceof BankError);
    assert.match(
      error.message,
      /^quiz bank: 8 problems\n {2}- src\/quizzes\/fixtures\/bank-bad\/01-appearance\.yaml › item /,
    );
    assert.equal(error.message.split('\n').length, 9);
  }
});

test('validateBankFiles is pure and keeps the valid items of a file that also has bad ones', () => {
  const text = readFileSync(here('./fixtures/bank-bad/01-appearance.yaml'), 'utf8');
  const { bank, problems } = validateBankFiles(
    [{ path: 'bank/01-appearance.yaml', text }],
    new Set([...knownRuleIds, 's1-zz']),
  );
  assert.deepEqual(
    bank.items.map((i) => i.id),
    ['m01-unknown-rule-01'],
  );
  assert.equal(problems.length, 3);
});

test('validateBankFiles: file-level problems', () => {
  const run = (path: string, text: string) => validateBankFiles([{ path, text }], knownRuleIds).problems;
  assert.match(
    run('bank/telephone.yaml', 'module: 03-telephone\nitems: []\n')[0] ?? '',
    /^bank\/telephone\.yaml: file name must be <module>\.yaml/,
  );
  assert.deepEqual(run('bank/03-telephone.yaml', 'module: 03-telephone\nitems: []\n'), []);
  assert.match(
    run('bank/03-telephone.yaml', '')[0] ?? '',
    /^bank\/03-telephone\.yaml: expected a mapping with module and items, got null/,
  );
  assert.match(
    run('bank/03-telephone.yaml', 'module: 03-telephone\n')[0] ?? '',
    /^bank\/03-telephone\.yaml › items: required \(missing\)/,
  );
  assert.match(
    run('bank/03-telephone.yaml', 'module: 3\nitems: []\n')[0] ?? '',
    /› module: must be one of "01-appearance".*got number 3 \(line 1\)$/,
  );
  assert.match(
    run('bank/03-telephone.yaml', 'module: 03-telephone\nitem: []\nitems: []\n')[0] ?? '',
    /› item: unknown field.*\(line 2\)$/,
  );
  assert.match(
    run('bank/03-telephone.yaml', 'module: 03-telephone\nmodule: 03-telephone\nitems: []\n')[0] ?? '',
    /› line 2, column 1: YAML syntax error: Map keys must be unique/,
  );
});

test('validateBankFiles: an item without an id is named by its index; a bad type lists the types', () => {
  const text = 'module: 03-telephone\nitems:\n  - type: single\n    prompt: x\n  - id: m03-x-01\n    type: essay\n';
  const { problems } = validateBankFiles([{ path: 'b/03-telephone.yaml', text }], knownRuleIds);
  assert.ok(
    problems.some((p) => p.startsWith('b/03-telephone.yaml › items[0] › id: required (missing) (line 3)')),
    problems.join('\n'),
  );
  assert.ok(
    problems.some((p) =>
      p.startsWith(
        'b/03-telephone.yaml › item m03-x-01 › type: unknown "essay"; one of single, multiple, truefalse, ordering, matching, spotting (line 6)',
      ),
    ),
    problems.join('\n'),
  );
});

test('validateBankFiles: duplicate ids within one file are caught too', () => {
  const item = (id: string) =>
    `  - id: ${id}\n    type: truefalse\n    rules: [s3-2]\n    prompt: 判断。\n    statement: 说法。\n    answer: true\n    difficulty: 1\n    use: both\n    feedbackTrue: 对。\n    feedbackFalse: 错。\n`;
  const { problems, bank } = validateBankFiles(
    [{ path: '03-telephone.yaml', text: `module: 03-telephone\nitems:\n${item('m03-a-01')}${item('m03-a-01')}` }],
    knownRuleIds,
  );
  assert.deepEqual(problems, [
    '03-telephone.yaml › item m03-a-01 › id: duplicate id, already used in 03-telephone.yaml (line 13)',
  ]);
  assert.equal(bank.items.length, 2);
});

test('role-plays: the good fixture loads; the bad ones report every problem', () => {
  const [rp, ...rest] = loadRoleplays(here('./fixtures/roleplays-good'), knownRuleIds);
  assert.equal(rest.length, 0);
  assert.equal(rp?.id, 'rp03-call-01');

  let problems: readonly string[] = [];
  try {
    loadRoleplays(here('./fixtures/roleplays-bad'), knownRuleIds);
  } catch (error) {
    assert.ok(error instanceof BankError);
    problems = error.problems;
  }
  const dir = 'src/quizzes/fixtures/roleplays-bad';
  assert.match(
    problem(problems, `${dir}/cycle.yaml › roleplay rp-cycle-01 › nodes.b.choices[0].next: `),
    /cycle \(a → b → a\).*\(line 18\)$/,
  );
  assert.match(
    problem(problems, `${dir}/dangling.yaml › roleplay rp-dangling-01 › nodes.a.choices[0].next: `),
    /no node "nowhere" \(line 12\)$/,
  );
  assert.match(
    problem(problems, `${dir}/dangling.yaml › roleplay rp-dangling-01 › nodes.lonely.choices: `),
    /at least 2 choices/,
  );
  assert.match(
    problem(problems, `${dir}/dangling.yaml › roleplay rp-dangling-01 › nodes.orphan: `),
    /cannot be reached/,
  );
  assert.match(
    problem(problems, `${dir}/only-good.yaml › roleplay rp03-call-01 › nodes: `),
    /no reachable ending of kind "bad" or "mixed"/,
  );
  assert.match(problem(problems, `${dir}/only-good.yaml › roleplay rp03-call-01 › rules[1]: `), /"s1-j2" is not cited/);
  // Design rules on a sound graph (engine roleplayDesignProblems), named like every other problem.
  assert.match(problem(problems, `${dir}/design.yaml › roleplay rp-design-01 › nodes.a.choices: `), /2 choices break no rule/);
  assert.match(
    problem(problems, `${dir}/design.yaml › roleplay rp-design-01 › nodes.early.ending: `),
    /ends after 1 decision\(s\); every path has at least 3 unless its ending is marked severe \(line \d+\)$/,
  );
  assert.match(
    problem(problems, `${dir}/design.yaml › roleplay rp-design-01 › nodes.late-bad.ending.kind: `),
    /kind bad, but the cheapest path to it \[0,0,1\] has 1 wrong decision\(s\), which makes it mixed/,
  );
});

test('validateRoleplayFiles: duplicate ids across files and unknown rule ids', () => {
  const text = readFileSync(here('./fixtures/roleplays-good/rp03-call.yaml'), 'utf8');
  const { problems, roleplays } = validateRoleplayFiles(
    [
      { path: 'rp/a.yaml', text },
      { path: 'rp/b.yaml', text },
    ],
    new Set(['s3-2', 's5-t1']),
  );
  assert.equal(roleplays.length, 2);
  assert.deepEqual(problems, [
    'rp/a.yaml › roleplay rp03-call-01 › rules[2]: unknown rule id "s3-3" (not in the rule catalogue, src/rules/) (line 4)',
    'rp/b.yaml › roleplay rp03-call-01 › rules[2]: unknown rule id "s3-3" (not in the rule catalogue, src/rules/) (line 4)',
    'rp/b.yaml › roleplay rp03-call-01 › id: duplicate id, already used in rp/a.yaml (line 1)',
  ]);
});

test('a missing folder is a BankError naming it', () => {
  assert.throws(
    () => loadBank(here('./fixtures/no-such-folder'), knownRuleIds),
    (e: unknown) => e instanceof BankError && /no-such-folder: folder not found/.test(e.message),
  );
});

test('the README examples are valid against the real rule catalogue', () => {
  const readme = readFileSync(here('./README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  const catalogue = new Set(rules.map((r) => r.id));
  const bankFiles = blocks
    .filter((b) => b.startsWith('module:'))
    .map((text, i) => ({ path: `README.md#${i}/${/^module: (\S+)/.exec(text)?.[1]}.yaml`, text }));
  const roleplayFiles = blocks
    .filter((b) => b.startsWith('id:'))
    .map((text, i) => ({ path: `README.md#rp${i}`, text }));
  assert.equal(bankFiles.length, 6);
  assert.equal(roleplayFiles.length, 1);
  const bank = validateBankFiles(bankFiles, catalogue);
  assert.deepEqual(bank.problems, []);
  assert.deepEqual([...new Set(bank.bank.items.map((i) => i.type))].sort(), [
    'matching',
    'multiple',
    'ordering',
    'single',
    'spotting',
    'truefalse',
  ]);
  assert.deepEqual(validateRoleplayFiles(roleplayFiles, catalogue).problems, []);
});

test('the real bank and role-plays validate against the rule catalogue', () => {
  const catalogue = new Set(rules.map((r) => r.id));
  assert.ok(loadBank(here('./bank'), catalogue).items.length > 0);
  assert.ok(loadRoleplays(here('./roleplays'), catalogue).length > 0);
});
