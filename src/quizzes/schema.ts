/**
 * Schemas for the quiz bank and the role-plays: the contract content authors write YAML against.
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
import { RULE_ID_PATTERN } from '../rules/schema.ts';
import { MODULE_IDS } from '../rules/sections.ts';

/** The seven course modules, one per section of the standard, in course order (src/rules/sections.ts). */
export { MODULE_IDS };

/** SCORM 1.2 single-character option references `0-9a-z` (RTE 3.4.2) allow at most 36 options per item. */
export const MAX_OPTIONS = 36;

/** Item, role-play and node ids: short lowercase ASCII, safe as SCORM interaction ids and in suspend_data. */
export const ITEM_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,39}$/;

/**
 * Rule ids point into the standard's rule catalogue (`src/rules/`, which owns the pattern): `s` + section number
 * (1–7), then the numbering inside the section, e.g. `s3-2` (三、接打电话规范 › 二) or `s2-a1-3` (二 › 第一条 › 3).
 */
export { RULE_ID_PATTERN };

export const ModuleIdSchema = z.enum(MODULE_IDS);
export type ModuleId = z.infer<typeof ModuleIdSchema>;

export const RuleIdSchema = z
  .string()
  .regex(RULE_ID_PATTERN, 'rule id must look like s3-2 or s2-a1-3 (s + section 1–7, then its numbering)');
export type RuleId = z.infer<typeof RuleIdSchema>;

export const ItemIdSchema = z
  .string()
  .regex(ITEM_ID_PATTERN, 'id must be 3–40 characters of a-z, 0-9 and "-", starting with a letter or digit');

/** Learner-facing zh-CN text. Surrounding whitespace (e.g. the newline a YAML `|` block leaves) is trimmed. */
const TextSchema = z.string().trim().min(1, 'must not be empty');

/** Texts are compared after trimming and collapsing whitespace, so "您好 " and "您好" count as the same option. */
export function comparableText(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

type Issue = { message: string; path: (string | number)[] };
type IssueSink = { addIssue(issue: { code: 'custom' } & Issue): void };

/** Reports every text that repeats an earlier one; `label` names the earlier one in the message. */
function checkDistinct(
  ctx: IssueSink,
  entries: { text: string; path: (string | number)[]; label: string }[],
  what: string,
): void {
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const key = comparableText(entry.text);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      // The case authors hit most: a correct answer pasted again as a distractor.
      const why =
        entry.path[0] === 'distractors' && earlier.includes('answer')
          ? ' (a correct answer must not also be a distractor)'
          : '';
      ctx.addIssue({ code: 'custom', path: entry.path, message: `${what} repeats ${earlier}${why}` });
    } else {
      seen.set(key, entry.label);
    }
  }
}

function checkMaxOptions(ctx: IssueSink, count: number, path: (string | number)[], what: string): void {
  if (count > MAX_OPTIONS) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: `${count} ${what}; at most ${MAX_OPTIONS} (SCORM 1.2 answers are single characters 0-9a-z)`,
    });
  }
}

export const OptionSchema = z.strictObject({
  /** What the learner sees as the option (zh-CN). */
  text: TextSchema,
  /** Why this option is right or wrong, citing the rule (e.g. “按第三部分第二条，铃响三声内接听”). Shown after answering. */
  feedback: TextSchema,
});
export type Option = z.infer<typeof OptionSchema>;

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

/** One correct option among ≥ 2 distractors. Authored indexes: 0 = `answer`, 1… = `distractors`. */
export const SingleItemSchema = z
  .strictObject({
    ...itemBase,
    type: z.literal('single'),
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
        ...item.distractors.map((d, i) => ({
          text: d.text,
          path: ['distractors', i, 'text'],
          label: `distractors[${i}]`,
        })),
      ],
      'option text',
    );
  });
export type SingleItem = z.infer<typeof SingleItemSchema>;

/** One or more correct options among distractors. Authored indexes: `answers` first, then `distractors`. */
export const MultipleItemSchema = z
  .strictObject({
    ...itemBase,
    type: z.literal('multiple'),
    /** The correct options (≥ 1); the learner must mark all of them. */
    answers: z.array(OptionSchema).min(1, 'give at least 1 correct answer'),
    /** Wrong options (≥ 1). */
    distractors: z.array(OptionSchema).min(1, 'give at least 1 distractor'),
  })
  .superRefine((item, ctx) => {
    checkMaxOptions(ctx, item.answers.length + item.distractors.length, ['distractors'], 'options');
    checkDistinct(
      ctx,
      [
        ...item.answers.map((a, i) => ({ text: a.text, path: ['answers', i, 'text'], label: `answers[${i}]` })),
        ...item.distractors.map((d, i) => ({
          text: d.text,
          path: ['distractors', i, 'text'],
          label: `distractors[${i}]`,
        })),
      ],
      'option text',
    );
  });
export type MultipleItem = z.infer<typeof MultipleItemSchema>;

/** A statement the learner judges 对 / 错. */
export const TrueFalseItemSchema = z
  .strictObject({
    ...itemBase,
    type: z.literal('truefalse'),
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
      ctx.addIssue({
        code: 'custom',
        path: ['feedbackFalse'],
        message: 'must differ from feedbackTrue (one is for a right answer, one for a wrong answer)',
      });
    }
  });
export type TrueFalseItem = z.infer<typeof TrueFalseItemSchema>;

/** Steps the learner puts in order. Written in the correct order; shown shuffled. Authored index = step index. */
export const OrderingItemSchema = z
  .strictObject({
    ...itemBase,
    type: z.literal('ordering'),
    /** The steps IN THE CORRECT ORDER (≥ 3); each feedback says why the step comes where it does. */
    steps: z.array(OptionSchema).min(3, 'give at least 3 steps'),
  })
  .superRefine((item, ctx) => {
    checkMaxOptions(ctx, item.steps.length, ['steps'], 'steps');
    checkDistinct(
      ctx,
      item.steps.map((s, i) => ({ text: s.text, path: ['steps', i, 'text'], label: `steps[${i}]` })),
      'step text',
    );
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
export const MatchingItemSchema = z
  .strictObject({
    ...itemBase,
    type: z.literal('matching'),
    /** The correct pairs (≥ 2): left = situation, right = the standard phrase for it. */
    pairs: z.array(MatchingPairSchema).min(2, 'give at least 2 pairs'),
    /** Optional extra targets that match no left (distractors), each with feedback saying why it fits nowhere. */
    extraRights: z.array(OptionSchema).optional(),
  })
  .superRefine((item, ctx) => {
    const extras = item.extraRights ?? [];
    checkMaxOptions(ctx, item.pairs.length, ['pairs'], 'pairs');
    checkMaxOptions(ctx, item.pairs.length + extras.length, ['extraRights'], 'targets (pairs + extraRights)');
    checkDistinct(
      ctx,
      item.pairs.map((p, i) => ({ text: p.left, path: ['pairs', i, 'left'], label: `pairs[${i}].left` })),
      'left text',
    );
    checkDistinct(
      ctx,
      [
        ...item.pairs.map((p, i) => ({ text: p.right, path: ['pairs', i, 'right'], label: `pairs[${i}].right` })),
        ...extras.map((e, i) => ({ text: e.text, path: ['extraRights', i, 'text'], label: `extraRights[${i}]` })),
      ],
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
export const SpottingItemSchema = z
  .strictObject({
    ...itemBase,
    type: z.literal('spotting'),
    /** The dialogue in order (≥ 2 lines): at least one that breaks the standard and at least one that is fine. */
    lines: z.array(SpottingLineSchema).min(2, 'give at least 2 lines'),
  })
  .superRefine((item, ctx) => {
    checkMaxOptions(ctx, item.lines.length, ['lines'], 'lines');
    if (!item.lines.some((l) => l.breaks)) {
      ctx.addIssue({
        code: 'custom',
        path: ['lines'],
        message: 'no line has breaks: true; at least one line must break the standard',
      });
    }
    if (!item.lines.some((l) => !l.breaks)) {
      ctx.addIssue({
        code: 'custom',
        path: ['lines'],
        message: 'every line has breaks: true; at least one line must be fine',
      });
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

// ─── Role-plays ────────────────────────────────────────────────────────────────────────────────────────────────────

export const NodeIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'node id must be 1–40 characters of a-z, 0-9 and "-"');

export const RoleplayChoiceSchema = z.strictObject({
  /** What the learner (as the staff member) says or does. */
  text: TextSchema,
  /** The node this choice leads to. */
  next: NodeIdSchema,
  /** Rules this choice follows (listed in the debrief as kept). Each must be in the role-play's `rules`. */
  keeps: z.array(RuleIdSchema).optional(),
  /** Rules this choice breaks (listed in the debrief as broken). Each must be in the role-play's `rules`. */
  breaks: z.array(RuleIdSchema).optional(),
  /** Why this was right or wrong, citing the rule; shown in the debrief (the story shows the consequence). */
  feedback: TextSchema,
  /**
   * `true` marks a choice that quotes a 禁忌用语 verbatim on purpose, because spotting it is the point of the
   * decision (it must break `s5-f`; at most one such choice per decision). Every other choice stays free of them.
   */
  spotting: z.literal(true).optional(),
});
export type RoleplayChoice = z.infer<typeof RoleplayChoiceSchema>;

export const RoleplayEndingSchema = z.strictObject({
  /** good = handled by the standard; bad = standard broken; mixed = partly. */
  kind: z.enum(['good', 'bad', 'mixed']),
  /** The closing summary shown at this ending (zh-CN). Paths that recovered reach it too: describe the outcome,
   *  never credit a step the learner may not have taken (the debrief lists what this path kept and broke). */
  summary: TextSchema,
  /**
   * `true`: a deliberately severe, unrecoverable outcome (a complaint, an applicant sent away, a safety risk). Its
   * kind is `bad` whatever the path, and it may come before the third decision (engine `roleplayDesignProblems`).
   */
  severe: z.literal(true).optional(),
});
export type RoleplayEnding = z.infer<typeof RoleplayEndingSchema>;

export const RoleplayNodeSchema = z
  .strictObject({
    /** Who speaks in this node, e.g. “服务对象”, “旁白”. */
    speaker: TextSchema,
    /** What happens or is said (zh-CN). */
    text: TextSchema,
    /** The learner's options (≥ 2) — omit on an ending node. */
    choices: z.array(RoleplayChoiceSchema).optional(),
    /** Makes this node an ending — omit on a node with choices. */
    ending: RoleplayEndingSchema.optional(),
  })
  .superRefine((node, ctx) => {
    if (node.ending !== undefined && node.choices !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['choices'],
        message: 'an ending node has no choices (remove choices or ending)',
      });
    } else if (node.ending === undefined && (node.choices === undefined || node.choices.length < 2)) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'a node without an ending needs at least 2 choices' });
    }
    if (node.choices !== undefined) {
      if (node.choices.filter((c) => c.spotting).length > 1) {
        ctx.addIssue({ code: 'custom', path: ['choices'], message: 'at most one spotting (禁忌用语) choice per decision' });
      }
      checkMaxOptions(ctx, node.choices.length, ['choices'], 'choices');
      checkDistinct(
        ctx,
        node.choices.map((c, i) => ({ text: c.text, path: ['choices', i, 'text'], label: `choices[${i}]` })),
        'choice text',
      );
    }
  });
export type RoleplayNode = z.infer<typeof RoleplayNodeSchema>;

/** A branching role-play: one file in `src/quizzes/roleplays/`. Always terminates (no cycles). */
export const RoleplaySchema = z
  .strictObject({
    /** Stable ASCII id, unique across role-plays, e.g. `rp03-angry-caller`. */
    id: ItemIdSchema,
    /** Title shown to the learner (zh-CN). */
    title: TextSchema,
    /** The module the role-play belongs to; its lesson links to it. */
    module: ModuleIdSchema,
    /** `true`: the module counts as completed only once this role-play has reached an ending (any kind). */
    required: z.literal(true).optional(),
    /** Every rule the role-play trains; each must be cited by some choice's keeps/breaks. */
    rules: z.array(RuleIdSchema).min(1, 'cite at least one rule'),
    /** The situation before the first node (zh-CN). */
    intro: TextSchema,
    /** Id of the first node. */
    start: NodeIdSchema,
    /** The nodes by id. */
    nodes: z.record(NodeIdSchema, RoleplayNodeSchema),
  })
  .superRefine((rp, ctx) => checkRoleplayGraph(rp, ctx));
export type Roleplay = z.infer<typeof RoleplaySchema>;

/** Graph checks: every `next` exists, everything is reachable, both kinds of ending are reachable, no cycles. */
function checkRoleplayGraph(
  rp: { start: string; rules: string[]; nodes: Record<string, RoleplayNode> },
  ctx: IssueSink,
): void {
  const { nodes } = rp;
  const ruleSet = new Set(rp.rules);
  const used = new Set<string>();
  if (!Object.hasOwn(nodes, rp.start)) {
    ctx.addIssue({ code: 'custom', path: ['start'], message: `no node "${rp.start}"` });
    return;
  }
  for (const [nodeId, node] of Object.entries(nodes)) {
    (node.choices ?? []).forEach((choice, i) => {
      const at = ['nodes', nodeId, 'choices', i];
      if (!Object.hasOwn(nodes, choice.next)) {
        ctx.addIssue({ code: 'custom', path: [...at, 'next'], message: `no node "${choice.next}"` });
      }
      for (const field of ['keeps', 'breaks'] as const) {
        (choice[field] ?? []).forEach((ruleId, j) => {
          used.add(ruleId);
          if (!ruleSet.has(ruleId)) {
            ctx.addIssue({
              code: 'custom',
              path: [...at, field, j],
              message: `rule "${ruleId}" is not listed in the role-play's rules`,
            });
          }
        });
      }
      if (choice.spotting && !(choice.breaks ?? []).includes('s5-f')) {
        ctx.addIssue({ code: 'custom', path: [...at, 'spotting'], message: 'a spotting choice quotes a 禁忌用语, so it breaks s5-f' });
      }
      const both = (choice.keeps ?? []).filter((r) => (choice.breaks ?? []).includes(r));
      if (both.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'breaks'],
          message: `rule "${both[0]}" is both kept and broken by the same choice`,
        });
      }
    });
  }
  rp.rules.forEach((ruleId, i) => {
    if (!used.has(ruleId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules', i],
        message: `rule "${ruleId}" is not cited by any choice's keeps or breaks`,
      });
    }
  });
  // Depth-first search from start: white/grey/black colouring finds cycles (a grey node reached again). Dangling
  // `next`s are reported above and skipped here, so the other problems still show up in the same run.
  const colour = new Map<string, 'grey' | 'black'>();
  const endings = new Set<RoleplayEnding['kind']>();
  const visit = (nodeId: string, trail: string[]): void => {
    colour.set(nodeId, 'grey');
    const node = nodes[nodeId];
    if (node?.ending) endings.add(node.ending.kind);
    (node?.choices ?? []).forEach((choice, i) => {
      if (!Object.hasOwn(nodes, choice.next)) return;
      const state = colour.get(choice.next);
      if (state === 'grey') {
        ctx.addIssue({
          code: 'custom',
          path: ['nodes', nodeId, 'choices', i, 'next'],
          message: `leads back to "${choice.next}", making a cycle (${[...trail, nodeId, choice.next].join(' → ')}); role-plays must always terminate`,
        });
      } else if (state === undefined) {
        visit(choice.next, [...trail, nodeId]);
      }
    });
    colour.set(nodeId, 'black');
  };
  visit(rp.start, []);
  for (const nodeId of Object.keys(nodes)) {
    if (!colour.has(nodeId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['nodes', nodeId],
        message: `node "${nodeId}" cannot be reached from start "${rp.start}"`,
      });
    }
  }
  if (!endings.has('good')) {
    ctx.addIssue({ code: 'custom', path: ['nodes'], message: 'no reachable ending of kind "good"' });
  }
  if (!endings.has('bad') && !endings.has('mixed')) {
    ctx.addIssue({
      code: 'custom',
      path: ['nodes'],
      message: 'no reachable ending of kind "bad" or "mixed"; let a wrong path show its consequence',
    });
  }
}
