/**
 * The role-play schema: a branching dialogue in `src/quizzes/roleplays/*.yaml`, one per file, checked as a graph
 * (every `next` exists, everything reachable, no cycle, both kinds of ending reachable). Build-time only (zod).
 */
import { z } from 'zod';
import {
  ItemIdSchema,
  ModuleIdSchema,
  RuleIdSchema,
  TextSchema,
  checkDistinct,
  checkMaxOptions,
  entriesOf,
  issue,
} from './schema-parts.ts';
import type { IssueSink } from './schema-parts.ts';

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
      issue(ctx, ['choices'], 'an ending node has no choices (remove choices or ending)');
    } else if (node.ending === undefined && (node.choices === undefined || node.choices.length < 2)) {
      issue(ctx, ['choices'], 'a node without an ending needs at least 2 choices');
    }
    if (node.choices !== undefined) {
      if (node.choices.filter((c) => c.spotting).length > 1) {
        issue(ctx, ['choices'], 'at most one spotting (禁忌用语) choice per decision');
      }
      checkMaxOptions(ctx, node.choices.length, ['choices'], 'choices');
      checkDistinct(ctx, entriesOf('choices', node.choices, 'text'), 'choice text');
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
    issue(ctx, ['start'], `no node "${rp.start}"`);
    return;
  }
  for (const [nodeId, node] of Object.entries(nodes)) {
    (node.choices ?? []).forEach((choice, i) => {
      const at = ['nodes', nodeId, 'choices', i];
      if (!Object.hasOwn(nodes, choice.next)) {
        issue(ctx, [...at, 'next'], `no node "${choice.next}"`);
      }
      for (const field of ['keeps', 'breaks'] as const) {
        (choice[field] ?? []).forEach((ruleId, j) => {
          used.add(ruleId);
          if (!ruleSet.has(ruleId)) {
            issue(ctx, [...at, field, j], `rule "${ruleId}" is not listed in the role-play's rules`);
          }
        });
      }
      if (choice.spotting && !(choice.breaks ?? []).includes('s5-f')) {
        issue(ctx, [...at, 'spotting'], 'a spotting choice quotes a 禁忌用语, so it breaks s5-f');
      }
      const both = (choice.keeps ?? []).filter((r) => (choice.breaks ?? []).includes(r));
      if (both.length > 0) {
        issue(ctx, [...at, 'breaks'], `rule "${both[0]}" is both kept and broken by the same choice`);
      }
    });
  }
  rp.rules.forEach((ruleId, i) => {
    if (!used.has(ruleId)) {
      issue(ctx, ['rules', i], `rule "${ruleId}" is not cited by any choice's keeps or breaks`);
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
        issue(
          ctx,
          ['nodes', nodeId, 'choices', i, 'next'],
          `leads back to "${choice.next}", making a cycle (${[...trail, nodeId, choice.next].join(' → ')}); role-plays must always terminate`,
        );
      } else if (state === undefined) {
        visit(choice.next, [...trail, nodeId]);
      }
    });
    colour.set(nodeId, 'black');
  };
  visit(rp.start, []);
  for (const nodeId of Object.keys(nodes)) {
    if (!colour.has(nodeId)) {
      issue(ctx, ['nodes', nodeId], `node "${nodeId}" cannot be reached from start "${rp.start}"`);
    }
  }
  if (!endings.has('good')) {
    issue(ctx, ['nodes'], 'no reachable ending of kind "good"');
  }
  if (!endings.has('bad') && !endings.has('mixed')) {
    issue(ctx, ['nodes'], 'no reachable ending of kind "bad" or "mixed"; let a wrong path show its consequence');
  }
}
