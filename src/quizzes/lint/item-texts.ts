/**
 * What the bank lint reads in an item: its texts by field path (the key's, every learner-facing one, the options a
 * test-taker compares) and the measures over them (lengths, shared CJK bigrams, verbatim runs, 禁忌用语).
 */
import type { BankItem } from '../schema.ts';
import * as T from './thresholds.ts';

/** Characters of a text with whitespace removed (how option lengths are counted). */
export const lengthOf = (text: string) => text.replace(/\s+/g, '').length;
/** Text with punctuation, symbols and whitespace removed, for verbatim comparisons. */
export const bare = (text: string) => text.replace(/[\s\p{P}\p{S}]/gu, '');
export const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

/** The texts that say why the right answer is right: its feedback, and the explanation. */
export function keyTexts(item: BankItem): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = [];
  const add = (field: string, text: string | undefined) => {
    if (text !== undefined) out.push({ field, text });
  };
  switch (item.type) {
    case 'single':
      add('answer.feedback', item.answer.feedback);
      break;
    case 'multiple':
      item.answers.forEach((o, i) => add(`answers[${i}].feedback`, o.feedback));
      break;
    case 'truefalse':
      add(item.answer ? 'feedbackTrue' : 'feedbackFalse', item.answer ? item.feedbackTrue : item.feedbackFalse);
      break;
    case 'ordering':
      item.steps.forEach((o, i) => add(`steps[${i}].feedback`, o.feedback));
      break;
    case 'matching':
      item.pairs.forEach((p, i) => add(`pairs[${i}].feedback`, p.feedback));
      break;
    case 'spotting':
      item.lines.forEach((l, i) => l.breaks && add(`lines[${i}].feedback`, l.feedback));
      break;
  }
  add('explanation', item.explanation);
  return out;
}

/** Every learner-facing or feedback text of an item with its field path (for citations and advice). */
export function itemTexts(item: BankItem): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = [];
  const add = (field: string, text: string | undefined) => {
    if (text !== undefined) out.push({ field, text });
  };
  add('situation', item.situation);
  add('prompt', item.prompt);
  add('explanation', item.explanation);
  const options = (name: string, list: readonly { text: string; feedback: string }[]) =>
    list.forEach((o, i) => {
      add(`${name}[${i}].text`, o.text);
      add(`${name}[${i}].feedback`, o.feedback);
    });
  switch (item.type) {
    case 'single':
      add('answer.text', item.answer.text);
      add('answer.feedback', item.answer.feedback);
      options('distractors', item.distractors);
      break;
    case 'multiple':
      options('answers', item.answers);
      options('distractors', item.distractors);
      break;
    case 'truefalse':
      add('statement', item.statement);
      add('feedbackTrue', item.feedbackTrue);
      add('feedbackFalse', item.feedbackFalse);
      break;
    case 'ordering':
      options('steps', item.steps);
      break;
    case 'matching':
      item.pairs.forEach((p, i) => {
        add(`pairs[${i}].left`, p.left);
        add(`pairs[${i}].right`, p.right);
        add(`pairs[${i}].feedback`, p.feedback);
      });
      options('extraRights', item.extraRights ?? []);
      break;
    case 'spotting':
      item.lines.forEach((l, i) => {
        add(`lines[${i}].text`, l.text);
        add(`lines[${i}].feedback`, l.feedback);
      });
      break;
  }
  return out;
}

/** Whether the single item's key is strictly longer than every distractor. */
export function keyIsLongest(item: Extract<BankItem, { type: 'single' }>): boolean {
  const key = lengthOf(item.answer.text);
  return item.distractors.every((d) => key > lengthOf(d.text));
}

/** Key length / mean distractor length (single: the answer; multiple: the mean answer). */
export function keyLengthRatio(item: BankItem): number | undefined {
  if (item.type === 'single') return lengthOf(item.answer.text) / mean(item.distractors.map((d) => lengthOf(d.text)));
  if (item.type === 'multiple') {
    return mean(item.answers.map((a) => lengthOf(a.text))) / mean(item.distractors.map((d) => lengthOf(d.text)));
  }
  return undefined;
}

/** The option texts a test-taker compares in a selection item (single, multiple, matching rights). */
export function selectionOptions(item: BankItem): { field: string; text: string }[] {
  switch (item.type) {
    case 'single':
      return [
        { field: 'answer.text', text: item.answer.text },
        ...item.distractors.map((d, i) => ({ field: `distractors[${i}].text`, text: d.text })),
      ];
    case 'multiple':
      return [
        ...item.answers.map((a, i) => ({ field: `answers[${i}].text`, text: a.text })),
        ...item.distractors.map((d, i) => ({ field: `distractors[${i}].text`, text: d.text })),
      ];
    case 'matching':
      return [
        ...item.pairs.map((p, i) => ({ field: `pairs[${i}].right`, text: p.right })),
        ...(item.extraRights ?? []).map((e, i) => ({ field: `extraRights[${i}].text`, text: e.text })),
      ];
    default:
      return [];
  }
}

/** The forbidden phrases (第五部分禁忌用语) a text contains, compared without punctuation. */
export function forbiddenIn(text: string): string[] {
  const plain = bare(text);
  return T.FORBIDDEN_PHRASES.filter((phrase) => plain.includes(bare(phrase)));
}

/** Distinct bigrams of consecutive CJK characters (within runs of CJK text). */
export function cjkBigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/[\u3400-\u9fff]+/g) ?? []) {
    for (let i = 0; i + 1 < run.length; i += 1) out.add(run.slice(i, i + 2));
  }
  return out;
}

export function sharedBigrams(a: string, b: string): string[] {
  const right = cjkBigrams(b);
  return [...cjkBigrams(a)].filter((g) => right.has(g));
}

/** The longest run of characters (punctuation removed) a statement shares with a rule text, if ≥ `min`. */
export function verbatimRun(statement: string, ruleText: string, min = T.VERBATIM_RUN): string | undefined {
  const s = bare(statement);
  const r = bare(ruleText);
  let best: string | undefined;
  for (let i = 0; i + min <= s.length; i += 1) {
    let len = min;
    if (!r.includes(s.slice(i, i + len))) continue;
    while (i + len < s.length && r.includes(s.slice(i, i + len + 1))) len += 1;
    if (!best || len > best.length) best = s.slice(i, i + len);
  }
  return best;
}
