/**
 * The bank lint (issue 11 point 7): pure TypeScript over the loaded bank. Every finding names file › item › field,
 * the check and why it fails; thresholds are in `thresholds.ts`. Run by `lint.test.ts` (npm test) and printed by
 * `npm run bank:stats`.
 */
import type { BankItem, ModuleId } from '../schema.ts';
import { isEligible } from '../engine/draw.ts';
import { parseCitations } from './citations.ts';
import {
  forbiddenIn,
  itemTexts,
  keyIsLongest,
  keyLengthRatio,
  keyTexts,
  lengthOf,
  mean,
  selectionOptions,
  sharedBigrams,
  verbatimRun,
} from './item-texts.ts';
import * as T from './thresholds.ts';

export type CheckId =
  | 'key-length'
  | 'key-longest'
  | 'multiple-key-length'
  | 'truefalse-balance'
  | 'verbatim-rule'
  | 'right-vs-distractors'
  | 'forbidden-phrases'
  | 'matching-overlap'
  | 'matching-extras'
  | 'ordering-rule'
  | 'citations'
  | 'situation'
  | 'exam-items-per-rule'
  | 'pool-size'
  | 'tag'
  | 'advice';

export interface Finding {
  readonly check: CheckId;
  /** `src/quizzes/bank/03-telephone.yaml`, or `(bank)` for a whole-bank figure. */
  readonly file: string;
  /** Item id, or `(module)` / `(bank)` / `(rule s3-2)` for figures over many items. */
  readonly item: string;
  readonly field: string;
  readonly message: string;
}

/** What the lint needs of a rule: its id and its text (for verbatim statements). */
export interface LintRule {
  readonly id: string;
  readonly text: string;
}

export const bankFile = (module: string) => `src/quizzes/bank/${module}.yaml`;
export const BANK = '(bank)';

export function formatFinding(finding: Finding): string {
  return `${finding.file} › ${finding.item} › ${finding.field}: [${finding.check}] ${finding.message}`;
}

const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;

export const isExam = (item: BankItem) => isEligible(item, 'exam');

/** Runs every check; returns the findings (empty = the bank passes). */
export function lintBank(items: readonly BankItem[], rules: readonly LintRule[]): Finding[] {
  const findings: Finding[] = [];
  const known = new Set(rules.map((r) => r.id));
  const push = (check: CheckId, file: string, item: string, field: string, message: string) =>
    findings.push({ check, file, item, field, message });
  const modules = [...new Set(items.map((i) => i.module))];
  const exam = items.filter(isExam);

  for (const item of items) {
    const file = bankFile(item.module);
    const at = (check: CheckId, field: string, message: string) => push(check, file, item.id, field, message);

    // key length (single), multiple-response key length
    const ratio = keyLengthRatio(item);
    if (ratio !== undefined && Math.abs(ratio - 1) > T.KEY_LENGTH_TOLERANCE) {
      if (item.type === 'single') {
        const d = mean(item.distractors.map((o) => lengthOf(o.text)));
        at('key-length', 'answer.text', `key is ${lengthOf(item.answer.text)} characters, the distractors' mean ${d.toFixed(1)} (ratio ${ratio.toFixed(2)}; allowed ${1 - T.KEY_LENGTH_TOLERANCE}–${1 + T.KEY_LENGTH_TOLERANCE})`);
      } else {
        at('multiple-key-length', 'answers', `mean answer length is ${ratio.toFixed(2)}× the mean distractor length (allowed ${1 - T.KEY_LENGTH_TOLERANCE}–${1 + T.KEY_LENGTH_TOLERANCE})`);
      }
    }

    // right vs distractors: never more answers than distractors
    if (item.type === 'multiple' && item.answers.length > item.distractors.length) {
      at('right-vs-distractors', 'answers', `${item.answers.length} answers but only ${item.distractors.length} distractors ("tick everything" wins)`);
    }

    // verbatim rule statements
    if (item.type === 'truefalse') {
      for (const rule of rules) {
        const run = verbatimRun(item.statement, rule.text);
        if (run) {
          at('verbatim-rule', 'statement', `copies ${run.length} characters of ${rule.id} word for word (“${run}”); paraphrase (≤ ${T.VERBATIM_RUN - 1})`);
          break;
        }
      }
    }

    // 禁忌用语 options
    if (item.type !== 'spotting') {
      const hits = selectionOptions(item).filter((o) => forbiddenIn(o.text).length > 0);
      if (hits.length > T.FORBIDDEN_OPTIONS_MAX) {
        at('forbidden-phrases', hits.map((h) => h.field).join(', '), `${hits.length} options contain a 禁忌用语 (${hits.map((h) => forbiddenIn(h.text).join('/')).join('; ')}); at most ${T.FORBIDDEN_OPTIONS_MAX}`);
      }
    }

    // matching: overlap and extras
    if (item.type === 'matching') {
      item.pairs.forEach((pair, i) => {
        const shared = sharedBigrams(pair.left, pair.right);
        if (shared.length > T.MATCHING_SHARED_BIGRAMS_MAX) {
          at('matching-overlap', `pairs[${i}]`, `left and right share ${shared.length} character bigrams (${shared.join('、')}); at most ${T.MATCHING_SHARED_BIGRAMS_MAX}`);
        }
      });
      if ((item.extraRights ?? []).length < T.MATCHING_EXTRAS_MIN) {
        at('matching-extras', 'extraRights', `needs at least ${T.MATCHING_EXTRAS_MIN} extra right that matches nothing`);
      }
    }

    // ordering only where the standard orders
    if (item.type === 'ordering' && !item.rules.some((r) => T.ORDERED_RULES.includes(r))) {
      at('ordering-rule', 'rules', `[${item.rules.join(', ')}]: none of these rules fixes an order; ordering items are for ${T.ORDERED_RULES.join(', ')}`);
    }

    // citations: every cited rule is in rules:, and exists
    for (const { field, text } of itemTexts(item)) {
      for (const citation of parseCitations(text, known)) {
        if (!known.has(citation.id)) {
          at('citations', field, `cites “${citation.text}” (${citation.id}), which is not a rule of the standard`);
        } else if (!item.rules.includes(citation.id)) {
          at('citations', field, `cites “${citation.text}” (${citation.id}) but rules: [${item.rules.join(', ')}] does not list it`);
        }
      }
    }

    if (isExam(item)) {
      if (item.situation === undefined) at('situation', 'situation', 'exam item without a situation (a recall item); add the case that decides the answer');
      const keyed = keyTexts(item).some((t) => parseCitations(t.text, known).some((citation) => known.has(citation.id)));
      if (!keyed) {
        at('advice', keyTexts(item)[0]?.field ?? 'rules', `the right answer's feedback cites no rule of the standard: an exam item is keyed on the standard (${T.ADVICE_MARK}-only items are use: practice)`);
      }
    }

    // incomplete materials carry the tag
    // (Only when the right answer rests on it: an item may quote the s5-o5 phrase as the wrong moment's words.)
    const keyedOnIncomplete = keyTexts(item).some((t) => parseCitations(t.text, known).some((c) => c.id === T.INCOMPLETE_RULE));
    if (keyedOnIncomplete && !(item.tags ?? []).includes(T.INCOMPLETE_TAG)) {
      at('tag', 'tags', `cites ${T.INCOMPLETE_RULE} (materials incomplete) but has no tag ${T.INCOMPLETE_TAG}`);
    }
  }

  // key is longest: per module and whole bank
  const singles = items.filter((i): i is Extract<BankItem, { type: 'single' }> => i.type === 'single');
  const longestShare = (list: typeof singles) => (list.length === 0 ? 0 : list.filter(keyIsLongest).length / list.length);
  for (const module of modules) {
    const list = singles.filter((i) => i.module === module);
    const share = longestShare(list);
    if (share > T.KEY_LONGEST_MAX_SHARE_MODULE + 1e-9) {
      push('key-longest', bankFile(module), '(module)', 'single items', `key is the strictly longest option in ${list.filter(keyIsLongest).length} of ${list.length} single items (${percent(share)}; at most ${percent(T.KEY_LONGEST_MAX_SHARE_MODULE)}): ${list.filter(keyIsLongest).map((i) => i.id).join(', ')}`);
    }
  }
  if (longestShare(singles) > T.KEY_LONGEST_MAX_SHARE_BANK + 1e-9) {
    push('key-longest', BANK, BANK, 'single items', `key is the strictly longest option in ${singles.filter(keyIsLongest).length} of ${singles.length} single items (${percent(longestShare(singles))}; at most ${percent(T.KEY_LONGEST_MAX_SHARE_BANK)})`);
  }

  // true/false balance in the exam pool
  const tf = exam.filter((i) => i.type === 'truefalse');
  if (tf.length > 0) {
    const share = tf.filter((i) => i.type === 'truefalse' && i.answer).length / tf.length;
    if (share < T.TRUE_SHARE_MIN || share > T.TRUE_SHARE_MAX) {
      push('truefalse-balance', BANK, BANK, 'answer', `${percent(share)} of ${tf.length} exam true/false items are keyed true; keep it within ${percent(T.TRUE_SHARE_MIN)}–${percent(T.TRUE_SHARE_MAX)}`);
    }
  }

  // multiple response: fewer answers than distractors in most items
  const multiples = items.filter((i): i is Extract<BankItem, { type: 'multiple' }> => i.type === 'multiple');
  if (multiples.length > 0) {
    const fewer = multiples.filter((i) => i.answers.length < i.distractors.length).length / multiples.length;
    if (fewer < T.MULTIPLE_FEWER_ANSWERS_MIN_SHARE) {
      push('right-vs-distractors', BANK, BANK, 'answers', `only ${percent(fewer)} of ${multiples.length} multiple items have fewer answers than distractors (at least ${percent(T.MULTIPLE_FEWER_ANSWERS_MIN_SHARE)})`);
    }
  }

  // exam items per rule
  for (const rule of rules) {
    if (T.NOT_EXAMINABLE_RULES.includes(rule.id)) continue;
    const count = exam.filter((i) => i.rules.includes(rule.id)).length;
    if (count < T.EXAM_ITEMS_PER_RULE_MIN) {
      const section = Number(/^s(\d)/.exec(rule.id)?.[1]);
      const module = modules.find((m) => Number(m.slice(0, 2)) === section) ?? `0${section}-?`;
      push('exam-items-per-rule', bankFile(module), `(rule ${rule.id})`, 'rules', `${count} exam item(s) list ${rule.id}; at least ${T.EXAM_ITEMS_PER_RULE_MIN}`);
    }
  }

  // pool size and difficulty spread
  if (exam.length < T.EXAM_POOL_MIN) push('pool-size', BANK, BANK, 'use', `${exam.length} exam items; at least ${T.EXAM_POOL_MIN}`);
  for (const module of modules) {
    const have = new Set(exam.filter((i) => i.module === module).map((i) => i.difficulty));
    const missing = T.DIFFICULTIES.filter((d) => !have.has(d as 1 | 2 | 3));
    if (missing.length > 0) push('pool-size', bankFile(module), '(module)', 'difficulty', `the module's exam pool has no difficulty ${missing.join(', ')} item`);
  }

  // incomplete-materials: enough tagged exam items, in the right modules
  const tagged = exam.filter((i) => (i.tags ?? []).includes(T.INCOMPLETE_TAG));
  if (tagged.length < T.INCOMPLETE_EXAM_MIN) push('tag', BANK, BANK, 'tags', `${tagged.length} exam items carry ${T.INCOMPLETE_TAG}; at least ${T.INCOMPLETE_EXAM_MIN}`);
  for (const module of T.INCOMPLETE_MODULES) {
    if (!tagged.some((i) => i.module === module)) push('tag', bankFile(module as ModuleId), '(module)', 'tags', `no exam item of ${module} carries ${T.INCOMPLETE_TAG}`);
  }
  return findings;
}
