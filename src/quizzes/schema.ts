/**
 * Schemas for the quiz bank and the role-plays: the contract content authors write YAML against. The item schemas
 * are here; the role-play schema is in `roleplay-schema.ts` and the shared pieces (ids, text, options, the checks
 * every option list gets) in `schema-parts.ts`; this file exports all of them.
 *
 * Items live in `src/quizzes/bank/NN-slug.yaml` (one file per course module, `{ module, items }`), role-plays in
 * `src/quizzes/roleplays/*.yaml` (one per file). `load-bank.ts` parses and validates them at build time and names the
 * file, item and field of every problem; see `src/quizzes/README.md` for examples.
 *
 * Build-time only: this file imports zod. The runtime engine (`engine/`) imports only *types* from here, so zod never
 * reaches the learner's browser.
 *
 * Limits that come from SCORM rather than from taste:
 * - Item ids become interaction ids, which must be ASCII and unique (SCORM 1.2 RTE 3.4.2 `cmi.interactions.n.id`,
 *   CMIIdentifier; SCORM 2004 RTE 4.2.9.1 `cmi.interactions.n.id`, long_identifier_type) → `ItemIdSchema`.
 * - SCORM 1.2 encodes a choice / sequencing / matching response as single characters `0-9a-z` (RTE 3.4.2,
 *   `cmi.interactions.n.student_response`), so no item may offer more than 36 options → `MAX_OPTIONS`.
 */
import { z } from 'zod';
import {
  ItemIdSchema,
  ModuleIdSchema,
  OptionSchema,
  RuleIdSchema,
  TextSchema,
  checkDistinct,
  checkMaxOptions,
  comparableText,
  entriesOf,
  issue,
} from './schema-parts.ts';
import type { ModuleId } from './schema-parts.ts';

export {
  ITEM_ID_PATTERN,
  MAX_OPTIONS,
  MODULE_IDS,
  RULE_ID_PATTERN,
  ItemIdSchema,
  ModuleIdSchema,
  OptionSchema,
  RuleIdSchema,
  comparableText,
} from './schema-parts.ts';
export type { ModuleId, Option, RuleId } from './schema-parts.ts';
export * from './roleplay-schema.ts';

/** Fields every item type shares. */
const itemBase = {
  /** Stable ASCII id, unique across the whole bank; becomes the SCORM interaction id. Convention: `m03-ring-01`. Never reuse or rename once published. */
  id: ItemIdSchema,
  /** The rules of the standard this item tests, e.g. `[s3-2]`. Must exist in the standard's rule list. */
  rules: z
    .array(RuleIdSchema)
    .min(1, 'cite at least one rule')
    .refine((ids) => new Set(ids).size === ids.length, 'a rule id is listed twice'),
  /** Optional scenario (zh-CN): who, where, what happened. Items with a situation count as scenario items, without as recall items. */
  situation: TextSchema.optional(),
  /** The question the learner answers (zh-CN). */
  prompt: TextSchema,
  /** 1 = recall, 2 = apply, 3 = judge a subtle case. */
  difficulty: z.literal([1, 2, 3]),
  /** Where the item may appear: in lesson practice, in the final exam, or both. */
  use: z.enum(['practice', 'exam', 'both']),
  /** Optional general explanation citing the rule, shown after answering (in addition to per-option feedback). */
  explanation: TextSchema.optional(),
  /**
   * Topic tags (ASCII, kebab-case), e.g. `[incomplete-materials]`. `exam.require` in course.config.yaml names tags
   * every exam and refresher draw must contain.
   */
  tags: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a tag is lowercase ASCII words joined by hyphens')).optional(),
  /** `false` keeps an exam item out of the annual refresher draw (default: it may appear there). */
  refresher: z.boolean().optional(),
};

/** An item schema: the shared fields, the `type` discriminator, and the fields of that type. */
function itemSchema<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.strictObject({ ...itemBase, type: z.literal(type), ...shape });
}

/** One correct option among ≥ 2 distractors. Authored indexes: 0 = `answer`, 1… = `distractors`. */
export const SingleItemSchema = itemSchema('single', {
    /** The one correct option, with feedback saying why it is right. */
    answer: OptionSchema,
    /** Wrong options (≥ 2), each with feedback saying which rule it breaks and why. */
    distractors: z.array(OptionSchema).min(2, 'give at least 2 distractors'),
  })
  .superRefine((item, ctx) => {
    checkMaxOptions(ctx, 1 + item.distractors.length, ['distractors'], 'options');
    checkDistinct(
      ctx,
      [
        { text: item.answer.text, path: ['answer', 'text'], label: 'the answer' },
        ...entriesOf('distractors', item.distractors, 'text'),
      ],
      'option text',
    );
  });
export type SingleItem = z.infer<typeof SingleItemSchema>;

/** One or more correct options among distractors. Authored indexes: `answers` first, then `distractors`. */
export const MultipleItemSchema = itemSchema('multiple', {
    /** The correct options (≥ 1); the learner must mark all of them. */
    answers: z.array(OptionSchema).min(1, 'give at least 1 correct answer'),
    /** Wrong options (≥ 1). */
    distractors: z.array(OptionSchema).min(1, 'give at least 1 distractor'),
  })
  .superRefine((item, ctx) => {
    checkMaxOptions(ctx, item.answers.length + item.distractors.length, ['distractors'], 'options');
    checkDistinct(
      ctx,
      [...entriesOf('answers', item.answers, 'text'), ...entriesOf('distractors', item.distractors, 'text')],
      'option text',
    );
  });
export type MultipleItem = z.infer<typeof MultipleItemSchema>;

/** A statement the learner judges 对 / 错. */
export const TrueFalseItemSchema = itemSchema('truefalse', {
    /** The statement to judge (zh-CN), e.g. “电话铃响五声内接听即可。” */
    statement: TextSchema,
    /** Whether the statement is true according to the standard. */
    answer: z.boolean(),
    /** Shown when the learner answers 对 (true): say why that is right or wrong, citing the rule. */
    feedbackTrue: TextSchema,
    /** Shown when the learner answers 错 (false): say why that is right or wrong, citing the rule. */
    feedbackFalse: TextSchema,
  })
  .superRefine((item, ctx) => {
    if (comparableText(item.feedbackTrue) === comparableText(item.feedbackFalse)) {
      issue(ctx, ['feedbackFalse'], 'must differ from feedbackTrue (one is for a right answer, one for a wrong answer)');
    }
  });
export type TrueFalseItem = z.infer<typeof TrueFalseItemSchema>;

/** Steps the learner puts in order. Written in the correct order; shown shuffled. Authored index = step index. */
export const OrderingItemSchema = itemSchema('ordering', {
    /** The steps IN THE CORRECT ORDER (≥ 3); each feedback says why the step comes where it does. */
    steps: z.array(OptionSchema).min(3, 'give at least 3 steps'),
  })
  .superRefine((item, ctx) => {
    checkMaxOptions(ctx, item.steps.length, ['steps'], 'steps');
    checkDistinct(ctx, entriesOf('steps', item.steps, 'text'), 'step text');
  });
export type OrderingItem = z.infer<typeof OrderingItemSchema>;

export const MatchingPairSchema = z.strictObject({
  /** The situation (zh-CN), e.g. “服务对象找错窗口时”. */
  left: TextSchema,
  /** The standard phrase or action that belongs to it, e.g. “请您到××号窗口办理……”. */
  right: TextSchema,
  /** Why they belong together, citing the rule. */
  feedback: TextSchema,
});
export type MatchingPair = z.infer<typeof MatchingPairSchema>;

/**
 * Situations matched to standard phrases. Authored indexes: left i = `pairs[i]`; target j < pairs.length is
 * `pairs[j].right`, target pairs.length + k is `extraRights[k]`.
 */
export const MatchingItemSchema = itemSchema('matching', {
    /** The correct pairs (≥ 2): left = situation, right = the standard phrase for it. */
    pairs: z.array(MatchingPairSchema).min(2, 'give at least 2 pairs'),
    /** Optional extra targets that match no left (distractors), each with feedback saying why it fits nowhere. */
    extraRights: z.array(OptionSchema).optional(),
  })
  .superRefine((item, ctx) => {
    const extras = item.extraRights ?? [];
    checkMaxOptions(ctx, item.pairs.length, ['pairs'], 'pairs');
    checkMaxOptions(ctx, item.pairs.length + extras.length, ['extraRights'], 'targets (pairs + extraRights)');
    checkDistinct(ctx, entriesOf('pairs', item.pairs, 'left'), 'left text');
    checkDistinct(
      ctx,
      [...entriesOf('pairs', item.pairs, 'right'), ...entriesOf('extraRights', extras, 'text')],
      'right text',
    );
  });
export type MatchingItem = z.infer<typeof MatchingItemSchema>;

export const SpottingLineSchema = z.strictObject({
  /** Who speaks, e.g. “工作人员” or “服务对象”. */
  speaker: TextSchema,
  /** What they say or do (zh-CN). */
  text: TextSchema,
  /** true when this line breaks the standard (the learner should mark it). */
  breaks: z.boolean(),
  /** Why the line breaks the standard or is fine, citing the rule. */
  feedback: TextSchema,
});
export type SpottingLine = z.infer<typeof SpottingLineSchema>;

/** A dialogue transcript; the learner marks the lines that break the standard. Authored index = line index. Never shuffled. */
export const SpottingItemSchema = itemSchema('spotting', {
    /** The dialogue in order (≥ 2 lines): at least one that breaks the standard and at least one that is fine. */
    lines: z.array(SpottingLineSchema).min(2, 'give at least 2 lines'),
  })
  .superRefine((item, ctx) => {
    checkMaxOptions(ctx, item.lines.length, ['lines'], 'lines');
    if (!item.lines.some((l) => l.breaks)) {
      issue(ctx, ['lines'], 'no line has breaks: true; at least one line must break the standard');
    }
    if (!item.lines.some((l) => !l.breaks)) {
      issue(ctx, ['lines'], 'every line has breaks: true; at least one line must be fine');
    }
    checkDistinct(
      ctx,
      item.lines.map((l, i) => ({
        text: `${l.speaker}\u0000${l.text}`,
        path: ['lines', i, 'text'],
        label: `lines[${i}]`,
      })),
      'line (same speaker and text)',
    );
  });
export type SpottingItem = z.infer<typeof SpottingItemSchema>;

/** Any quiz item; `type` selects the shape. */
export const ItemSchema = z.discriminatedUnion('type', [
  SingleItemSchema,
  MultipleItemSchema,
  TrueFalseItemSchema,
  OrderingItemSchema,
  MatchingItemSchema,
  SpottingItemSchema,
]);
export type Item = z.infer<typeof ItemSchema>;
export type ItemType = Item['type'];
export type ItemOfType<T extends ItemType> = Extract<Item, { type: T }>;

/** The item types, in the order of `ItemSchema`'s options. */
export const ITEM_TYPES: readonly ItemType[] = ItemSchema.options.map((o) => o.shape.type.value);

/** Scenario items (with a `situation`) test application; recall items test memory of the text. */
export function isScenario(item: Pick<Item, 'situation'>): boolean {
  return item.situation !== undefined;
}

/** One bank file: `src/quizzes/bank/NN-slug.yaml`. */
export const BankFileSchema = z.strictObject({
  /** The module this file belongs to; must equal the file name without `.yaml`. */
  module: ModuleIdSchema,
  /** The items of this module. */
  items: z.array(ItemSchema),
});
export type BankFile = z.infer<typeof BankFileSchema>;

/** An item as the bank holds it: tagged with the module its file belongs to. */
export type BankItem = Item & { readonly module: ModuleId };

/** The validated bank: every item of every module file, in file order then authored order. */
export interface Bank {
  readonly items: readonly BankItem[];
}
