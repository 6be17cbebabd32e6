/**
 * Surface cues a learner who knows nothing of the standard might use (issue 11 point 8), as pure functions from what
 * the learner SEES (option texts, the shown order) to a response in authored indexes. Nothing here looks at which
 * option is the key: options are compared by text only and ties are broken at random, never by authored position
 * (the key is authored first). Used by scripts/guess-sim.ts against the real draw and scoring.
 */
import type { BankItem, ItemType } from '../schema.ts';
import { mulberry32, optionOrder, scoreOf, shuffle, subSeed } from '../engine/index.ts';

export type Rng = () => number;

export type CueId =
  | 'random'
  | 'longest'
  | 'polite'
  | 'prompt-overlap'
  | 'most-options'
  | 'avoid-negative'
  | 'always-false'
  | 'always-true'
  | 'negative-statement'
  | 'shared-characters'
  | 'chronology'
  | 'shown-order'
  | 'negative-lines';

/** Which cues apply to which item type (the first is the random guess every type has). */
export const CUES_BY_TYPE: Readonly<Record<ItemType, readonly CueId[]>> = {
  single: ['random', 'longest', 'polite', 'prompt-overlap', 'avoid-negative'],
  multiple: ['random', 'longest', 'polite', 'prompt-overlap', 'most-options', 'avoid-negative'],
  truefalse: ['random', 'always-false', 'always-true', 'negative-statement'],
  ordering: ['random', 'chronology', 'shown-order'],
  matching: ['random', 'shared-characters'],
  spotting: ['random', 'negative-lines', 'most-options', 'polite'],
};

const POLITE = ['请', '您', '好', '谢谢', '对不起', '麻烦', '稍', '帮', '欢迎', '慢走', '不客气', '抱歉', '耐心', '主动', '热情', '微笑', '礼貌', '理解'];
const NEGATIVE = ['不', '没', '别', '无', '莫', '勿', '自己', '快点', '反正', '随便', '懒得', '烦', '忙', '等会', '再说', '下班'];
/** Words that make a statement sound absolute or lax — the test-wise learner's "that's probably false". */
const SUSPICIOUS = ['只要', '即可', '一律', '都可以', '无需', '不必', '可以不', '不用', '随时', '任何', '总是', '从不', '只需'];
/** Order words, first match wins: a step that says 最后 goes last, one that starts with 先 goes first. */
const MARKERS: readonly [RegExp, number][] = [
  [/(最后|结束|完毕|送别|道别|挂断|关门|离开|办结)/, 4],
  [/^(首先|先|第一)/, 0],
  [/(首先|先)/, 1],
  [/(然后|再|接着|随后|之后)/, 3],
];

const count = (text: string, words: readonly string[]) => words.reduce((n, w) => n + (text.split(w).length - 1), 0);
const length = (text: string) => text.replace(/\s+/g, '').length;
const cjkChars = (text: string) => new Set(text.match(/[\u3400-\u9fff]/g) ?? []);
const shared = (a: string, b: string) => {
  const right = cjkChars(b);
  return [...cjkChars(a)].filter((c) => right.has(c)).length;
};

/** Index of the best-scoring text; ties broken at random. */
function argmax(values: readonly number[], rng: Rng): number {
  const best = Math.max(...values);
  const ties = values.flatMap((v, i) => (v === best ? [i] : []));
  return ties[Math.floor(rng() * ties.length)] ?? 0;
}

/** The option texts of a choice item in authored order (single: answer then distractors). */
function choiceTexts(item: BankItem): string[] {
  if (item.type === 'single') return [item.answer.text, ...item.distractors.map((d) => d.text)];
  if (item.type === 'multiple') return [...item.answers.map((a) => a.text), ...item.distractors.map((d) => d.text)];
  return [];
}

const stemOf = (item: BankItem) => `${item.situation ?? ''}${item.prompt}`;

/** Ticks the options whose value is at least `cut` (at least one: the best). */
function tick(values: readonly number[], cut: number, rng: Rng): number[] {
  const marked = values.flatMap((v, i) => (v >= cut ? [i] : []));
  return marked.length > 0 ? marked : [argmax(values, rng)];
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const median = (values: readonly number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? 0;
};

/**
 * The response a cue gives for an item. `displaySeed` is the attempt's seed: the shown order is
 * `optionOrder(item, subSeed(displaySeed, item.id))`, as on the exam page.
 */
export function respond(cue: CueId, item: BankItem, rng: Rng, displaySeed: number): unknown {
  switch (item.type) {
    case 'single': {
      const texts = choiceTexts(item);
      const stem = stemOf(item);
      switch (cue) {
        case 'longest':
          return argmax(texts.map(length), rng);
        case 'polite':
          return argmax(texts.map((t) => count(t, POLITE)), rng);
        case 'prompt-overlap':
          return argmax(texts.map((t) => shared(t, stem)), rng);
        case 'avoid-negative':
          return argmax(texts.map((t) => -count(t, NEGATIVE)), rng);
        default:
          return Math.floor(rng() * texts.length);
      }
    }
    case 'multiple': {
      const texts = choiceTexts(item);
      const stem = stemOf(item);
      switch (cue) {
        case 'longest': {
          const lengths = texts.map(length);
          return tick(lengths, mean(lengths), rng);
        }
        case 'polite':
          return tick(texts.map((t) => count(t, POLITE)), 1, rng);
        case 'prompt-overlap': {
          const overlap = texts.map((t) => shared(t, stem));
          return tick(overlap, median(overlap), rng);
        }
        case 'most-options':
          return texts.map((_, i) => i);
        case 'avoid-negative':
          return tick(texts.map((t) => -count(t, NEGATIVE)), 0, rng);
        default: {
          const marked = texts.flatMap((_, i) => (rng() < 0.5 ? [i] : []));
          return marked.length > 0 ? marked : [Math.floor(rng() * texts.length)];
        }
      }
    }
    case 'truefalse':
      switch (cue) {
        case 'always-false':
          return false;
        case 'always-true':
          return true;
        case 'negative-statement':
          return count(item.statement, SUSPICIOUS) === 0;
        default:
          return rng() < 0.5;
      }
    case 'ordering': {
      const shown = optionOrder(item, subSeed(displaySeed, item.id));
      if (cue === 'shown-order') return shown;
      if (cue === 'chronology') {
        const rank = (text: string) => MARKERS.find(([pattern]) => pattern.test(text))?.[1] ?? 2;
        // Stable on the shown order: steps without a marker stay where they were shown.
        return [...shown].sort((a, b) => rank(item.steps[a]?.text ?? '') - rank(item.steps[b]?.text ?? ''));
      }
      return shuffle(shown, Math.floor(rng() * 2 ** 32));
    }
    case 'matching': {
      const targets = [...item.pairs.map((p) => p.right), ...(item.extraRights ?? []).map((e) => e.text)];
      if (cue === 'shared-characters') {
        // Greedy assignment by the most shared characters (ties at random); each target used once.
        const cells = item.pairs.flatMap((pair, left) =>
          targets.map((text, target) => ({ left, target, score: shared(pair.left, text) + rng() * 0.5 })),
        );
        cells.sort((a, b) => b.score - a.score);
        const response: (number | null)[] = item.pairs.map(() => null);
        const used = new Set<number>();
        for (const cell of cells) {
          if (response[cell.left] !== null || used.has(cell.target)) continue;
          response[cell.left] = cell.target;
          used.add(cell.target);
        }
        return response;
      }
      return shuffle(
        targets.map((_, i) => i),
        Math.floor(rng() * 2 ** 32),
      ).slice(0, item.pairs.length);
    }
    case 'spotting': {
      const staff = (speaker: string) => !/服务对象|来电者|市民|群众|老人|申请人/.test(speaker);
      switch (cue) {
        case 'negative-lines':
          return item.lines.flatMap((l, i) => (staff(l.speaker) && count(l.text, NEGATIVE) > 0 ? [i] : []));
        case 'most-options':
          return item.lines.flatMap((l, i) => (staff(l.speaker) ? [i] : []));
        case 'polite':
          // Marks the staff lines that sound least polite (no polite word at all).
          return item.lines.flatMap((l, i) => (staff(l.speaker) && count(l.text, POLITE) === 0 ? [i] : []));
        default:
          return item.lines.flatMap((_, i) => (rng() < 0.5 ? [i] : []));
      }
    }
  }
}

/** A learner: which cue they use for each item type. */
export type Strategy = Readonly<Record<ItemType, CueId>>;

const allRandom: Strategy = {
  single: 'random',
  multiple: 'random',
  truefalse: 'random',
  ordering: 'random',
  matching: 'random',
  spotting: 'random',
};

/** The named learners of the simulation. Types a cue does not apply to are guessed at random. */
export const STRATEGIES: Readonly<Record<string, Strategy>> = {
  'random guess': allRandom,
  // The learner the issue describes: longest option, 错 on every true/false, tick what sounds polite, match by shared
  // words, order by common-sense chronology, spot the rude-sounding lines.
  'issue cues': {
    single: 'longest',
    multiple: 'polite',
    truefalse: 'always-false',
    ordering: 'chronology',
    matching: 'shared-characters',
    spotting: 'negative-lines',
  },
  'longest option': { ...allRandom, single: 'longest', multiple: 'longest', ordering: 'shown-order' },
  'always 错': { ...allRandom, truefalse: 'always-false' },
  'always 对': { ...allRandom, truefalse: 'always-true' },
  'tick polite': { ...allRandom, single: 'polite', multiple: 'polite', spotting: 'polite' },
  'tick most options': { ...allRandom, multiple: 'most-options', spotting: 'most-options' },
  'shared words with prompt': {
    ...allRandom,
    single: 'prompt-overlap',
    multiple: 'prompt-overlap',
    matching: 'shared-characters',
  },
  'chronology markers': { ...allRandom, ordering: 'chronology' },
  'negative words': {
    ...allRandom,
    single: 'avoid-negative',
    multiple: 'avoid-negative',
    truefalse: 'negative-statement',
    spotting: 'negative-lines',
  },
};

/**
 * The best-of-cues learner: for each item type, the cue with the highest mean score over that type's items of the
 * pool (averaged over `rounds` random tie-breaks and display orders). An upper bound for a cue-only learner who
 * somehow knew which cue works best for each type.
 */
export function bestOfCues(pool: readonly BankItem[], rounds = 20, seed = 1): { strategy: Strategy; means: Record<string, number> } {
  const strategy = { ...allRandom } as Record<ItemType, CueId>;
  const means: Record<string, number> = {};
  for (const type of Object.keys(CUES_BY_TYPE) as ItemType[]) {
    const items = pool.filter((item) => item.type === type);
    let best = -1;
    for (const cue of CUES_BY_TYPE[type]) {
      let total = 0;
      for (let round = 0; round < rounds; round += 1) {
        for (const item of items) {
          const rng = mulberry32(subSeed(seed + round, `${cue}:${item.id}`));
          total += scoreOf(item, respond(cue, item, rng, seed + round)).score;
        }
      }
      const average = items.length === 0 ? 0 : total / (rounds * items.length);
      means[`${type}:${cue}`] = average;
      if (average > best) {
        best = average;
        strategy[type] = cue;
      }
    }
  }
  return { strategy, means };
}
