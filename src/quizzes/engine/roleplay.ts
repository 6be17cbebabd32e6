/**
 * Role-play runtime. The whole state is the path of choice indexes taken from `start` — small enough for
 * suspend_data (one index per step; the schema caps choices at 36 so each fits one base-36 character) — and
 * everything else (current node, feedback, debrief) is derived from it. The schema guarantees the graph is acyclic
 * with every `next` present, so every path ends.
 */
import type { Roleplay, RoleplayChoice, RoleplayEnding, RoleplayNode } from '../schema.ts';
import { seedFrom, shuffle } from './random.ts';

export interface RoleplayState {
  readonly roleplay: Roleplay;
  /** Choice indexes taken, from `start`. Store this (and the role-play id), nothing else. */
  readonly path: readonly number[];
  /** The node the learner is at (derived from the path). */
  readonly nodeId: string;
}

export class RoleplayError extends Error {
  override name = 'RoleplayError';
}

function nodeAt(rp: Roleplay, nodeId: string): RoleplayNode {
  const node = Object.hasOwn(rp.nodes, nodeId) ? rp.nodes[nodeId] : undefined;
  if (node === undefined) throw new RoleplayError(`role-play ${rp.id} has no node "${nodeId}"`);
  return node;
}

/** Follows a path from start; throws when a step does not exist (e.g. a stored path from an older version). */
function walk(rp: Roleplay, path: readonly number[]): { nodeId: string; steps: RoleplayStep[] } {
  let nodeId = rp.start;
  const steps: RoleplayStep[] = [];
  for (const [i, index] of path.entries()) {
    const node = nodeAt(rp, nodeId);
    const choice = node.choices?.[index];
    if (choice === undefined) {
      throw new RoleplayError(
        `role-play ${rp.id}: step ${i} chooses ${index}, but node "${nodeId}" has ${node.choices?.length ?? 0} choices`,
      );
    }
    steps.push({ nodeId, choiceIndex: index, choice });
    nodeId = choice.next;
  }
  return { nodeId, steps };
}

export interface RoleplayStep {
  readonly nodeId: string;
  readonly choiceIndex: number;
  readonly choice: RoleplayChoice;
}

export function startRoleplay(rp: Roleplay): RoleplayState {
  return { roleplay: rp, path: [], nodeId: rp.start };
}

/** Restores a stored path; undefined when it no longer fits the role-play (then start again). */
export function resumeRoleplay(rp: Roleplay, path: readonly number[]): RoleplayState | undefined {
  try {
    return { roleplay: rp, path: [...path], nodeId: walk(rp, path).nodeId };
  } catch (error) {
    if (error instanceof RoleplayError) return undefined;
    throw error;
  }
}

export function currentNode(state: RoleplayState): RoleplayNode {
  return nodeAt(state.roleplay, state.nodeId);
}

/** Takes choice `choiceIndex` (authored index within the current node). Returns a new state. */
export function choose(state: RoleplayState, choiceIndex: number): RoleplayState {
  const node = currentNode(state);
  const choice = node.choices?.[choiceIndex];
  if (choice === undefined) {
    throw new RoleplayError(
      node.ending
        ? `role-play ${state.roleplay.id} has ended at "${state.nodeId}"`
        : `node "${state.nodeId}" has no choice ${choiceIndex}`,
    );
  }
  return { roleplay: state.roleplay, path: [...state.path, choiceIndex], nodeId: choice.next };
}

/** The choice just taken (for its feedback), or undefined at the start. */
export function lastChoice(state: RoleplayState): RoleplayChoice | undefined {
  return walk(state.roleplay, state.path).steps.at(-1)?.choice;
}

export function isFinished(state: RoleplayState): boolean {
  return currentNode(state).ending !== undefined;
}

/** Restarts from decision `step` (0 = the first): keeps the choices before it, so the learner chooses again there. */
export function retryFrom(state: RoleplayState, step: number): RoleplayState {
  if (!Number.isInteger(step) || step < 0 || step > state.path.length) {
    throw new RoleplayError(`role-play ${state.roleplay.id}: no decision ${step} on a path of ${state.path.length}`);
  }
  const path = state.path.slice(0, step);
  return { roleplay: state.roleplay, path, nodeId: walk(state.roleplay, path).nodeId };
}

// ─── Severity: one rule for every role-play ─────────────────────────────────────────────────────────────────────
//
// A wrong choice (one that breaks a rule) does not end the play: its consequence shows in the story, and a recovery
// choice rejoins the main path. The cost is counted instead: the *wrong decisions* on the path. The verdict of a
// finished path follows from that count alone, unless the ending is marked `severe` (a deliberately early,
// unrecoverable outcome such as a complaint or an applicant sent away): then it is always 'bad'.
//   0 wrong decisions → good · 1–2 → mixed · 3 or more → bad
// An authored ending's `kind` must equal the verdict of the cheapest path that reaches it (severe → bad), so the
// story an ending tells never contradicts the debrief (`roleplayDesignProblems` checks every file).

export type EndingKind = RoleplayEnding['kind'];

/** Wrong decisions from which a (non-severe) path counts as bad. */
export const WRONG_DECISIONS_FOR_BAD = 3;
/** Fewest decisions on any path to an ending that is not marked severe ("replayable, not over after one click"). */
export const MIN_DECISIONS = 3;

/** A choice is wrong when it breaks at least one rule (whatever else it keeps). */
export function isWrong(choice: RoleplayChoice): boolean {
  return (choice.breaks?.length ?? 0) > 0;
}

/** The verdict a path earns from its wrong decisions alone. */
export function kindForCost(wrongDecisions: number): EndingKind {
  if (wrongDecisions === 0) return 'good';
  return wrongDecisions >= WRONG_DECISIONS_FOR_BAD ? 'bad' : 'mixed';
}

/** The verdict of a finished path: a severe ending is always bad, otherwise the cost decides. */
export function verdictOf(ending: RoleplayEnding, wrongDecisions: number): EndingKind {
  return ending.severe ? 'bad' : kindForCost(wrongDecisions);
}

/** The rule-keeping choice of a node (its one choice that breaks nothing), or undefined at an ending. */
export function idealChoice(node: RoleplayNode): number | undefined {
  const index = node.choices?.findIndex((choice) => !isWrong(choice)) ?? -1;
  return index === -1 ? undefined : index;
}

/** The ideal path: the rule-keeping choice at every decision, from `start` to its ending. */
export function idealPath(rp: Roleplay): number[] {
  const path: number[] = [];
  let nodeId = rp.start;
  for (let guard = Object.keys(rp.nodes).length; guard >= 0; guard--) {
    const node = nodeAt(rp, nodeId);
    if (node.ending) return path;
    const index = idealChoice(node);
    if (index === undefined) throw new RoleplayError(`role-play ${rp.id}: node "${nodeId}" has no rule-keeping choice`);
    path.push(index);
    nodeId = node.choices![index]!.next;
  }
  throw new RoleplayError(`role-play ${rp.id}: the ideal path does not end`);
}

export interface Debrief {
  /** Rules followed on this path and never broken on it, in order of first appearance. */
  readonly kept: string[];
  /** Rules broken on this path, in order of first appearance (a rule kept once and broken later is broken). */
  readonly broken: string[];
  /** The ending reached, or null when the path has not reached one. */
  readonly ending: RoleplayEnding | null;
  /** The verdict of the path (`verdictOf`), or null before an ending. Not always the ending's authored kind: a
   *  path that recovered reaches the good ending at a cost, and its verdict says so. */
  readonly verdict: EndingKind | null;
  /** Decisions on the path that broke a rule. */
  readonly wrongDecisions: number;
  /** Every step taken, for a step-by-step review with each choice's feedback. */
  readonly steps: RoleplayStep[];
  /** The ideal path's steps, to show beside the learner's. */
  readonly ideal: RoleplayStep[];
}

export function debrief(rp: Roleplay, path: readonly number[]): Debrief {
  const { nodeId, steps } = walk(rp, path);
  const kept = new Set<string>();
  const broken = new Set<string>();
  for (const { choice } of steps) {
    for (const r of choice.keeps ?? []) kept.add(r);
    for (const r of choice.breaks ?? []) broken.add(r);
  }
  const ending = nodeAt(rp, nodeId).ending ?? null;
  const wrongDecisions = steps.filter((step) => isWrong(step.choice)).length;
  return {
    kept: [...kept].filter((r) => !broken.has(r)),
    broken: [...broken],
    ending,
    verdict: ending ? verdictOf(ending, wrongDecisions) : null,
    wrongDecisions,
    steps,
    ideal: walk(rp, idealPath(rp)).steps,
  };
}

/** Every complete path (choice indexes from start to an ending), depth first; stops after `limit` paths. */
export function allPaths(rp: Roleplay, limit = 20_000): number[][] {
  const paths: number[][] = [];
  const visit = (nodeId: string, path: number[]): void => {
    if (paths.length >= limit) return;
    const node = nodeAt(rp, nodeId);
    if (node.ending) {
      paths.push(path);
      return;
    }
    node.choices?.forEach((choice, index) => visit(choice.next, [...path, index]));
  };
  visit(rp.start, []);
  return paths;
}

export interface DesignProblem {
  /** Where, as in the YAML: `['nodes', 'arrive', 'choices', 1]`. */
  readonly path: (string | number)[];
  readonly message: string;
}

/**
 * The design rules of a replayable role-play (docs/item-writing.md, "Role-plays"), on a graph the schema has already found
 * sound (every `next` exists, no cycle):
 * - every decision has exactly one rule-keeping choice (keeps ≥ 1 rule, breaks none); every other choice breaks a rule;
 * - no path ends before its MIN_DECISIONS-th decision unless its ending is marked `severe`;
 * - severity is consistent: a severe ending is `bad` and only reached after a wrong decision; every other ending's
 *   `kind` is the verdict of the cheapest path to it (so the ideal path ends `good`, and a clean path never ends
 *   worse than good).
 */
export function roleplayDesignProblems(rp: Roleplay): DesignProblem[] {
  const problems: DesignProblem[] = [];
  for (const [nodeId, node] of Object.entries(rp.nodes)) {
    if (!node.choices) continue;
    const clean = node.choices.flatMap((choice, index) => (isWrong(choice) ? [] : [index]));
    if (clean.length !== 1) {
      problems.push({
        path: ['nodes', nodeId, 'choices'],
        message: `${clean.length} choices break no rule; a decision has exactly one rule-keeping choice, every other choice breaks a rule`,
      });
    }
    for (const index of clean) {
      if ((node.choices[index]!.keeps?.length ?? 0) === 0) {
        problems.push({ path: ['nodes', nodeId, 'choices', index, 'keeps'], message: 'the rule-keeping choice names the rules it keeps' });
      }
    }
  }
  const limit = 20_000;
  const paths = allPaths(rp, limit);
  if (paths.length >= limit) {
    problems.push({ path: ['nodes'], message: `more than ${limit} paths; split the role-play so every path can be checked` });
  }
  const cheapest = new Map<string, { wrong: number; path: number[] }>();
  const reported = new Set<string>();
  for (const path of paths) {
    const { nodeId, steps } = walk(rp, path);
    const ending = nodeAt(rp, nodeId).ending!;
    const wrong = steps.filter((step) => isWrong(step.choice)).length;
    if (!ending.severe && path.length < MIN_DECISIONS && !reported.has(`short:${nodeId}`)) {
      reported.add(`short:${nodeId}`);
      problems.push({
        path: ['nodes', nodeId, 'ending'],
        message: `path [${path.join(',')}] ends after ${path.length} decision(s); every path has at least ${MIN_DECISIONS} unless its ending is marked severe`,
      });
    }
    const best = cheapest.get(nodeId);
    if (best === undefined || wrong < best.wrong) cheapest.set(nodeId, { wrong, path });
  }
  for (const [nodeId, { wrong, path }] of cheapest) {
    const ending = nodeAt(rp, nodeId).ending!;
    if (ending.severe) {
      if (ending.kind !== 'bad') problems.push({ path: ['nodes', nodeId, 'ending', 'kind'], message: 'a severe ending is of kind bad' });
      if (wrong === 0) {
        problems.push({ path: ['nodes', nodeId, 'ending', 'severe'], message: `path [${path.join(',')}] reaches this severe ending without a wrong decision` });
      }
    } else if (ending.kind !== kindForCost(wrong)) {
      problems.push({
        path: ['nodes', nodeId, 'ending', 'kind'],
        message: `kind ${ending.kind}, but the cheapest path to it [${path.join(',')}] has ${wrong} wrong decision(s), which makes it ${kindForCost(wrong)} (0 → good, 1–${WRONG_DECISIONS_FOR_BAD - 1} → mixed, ≥ ${WRONG_DECISIONS_FOR_BAD} → bad; or mark it severe)`,
      });
    }
  }
  return problems;
}

/**
 * The order a node's choices are shown in: fixed per role-play and node, and not the authored order (authors tend to
 * write the rule-keeping reply first). Returns authored choice indexes, which stay what a path stores.
 */
export function choiceOrder(rp: Roleplay, nodeId: string): number[] {
  const count = rp.nodes[nodeId]?.choices?.length ?? 0;
  return shuffle(
    Array.from({ length: count }, (_, index) => index),
    seedFrom(rp.id, nodeId),
  );
}
