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

export interface Debrief {
  /** Rules followed on this path and never broken on it, in order of first appearance. */
  readonly kept: string[];
  /** Rules broken on this path, in order of first appearance (a rule kept once and broken later is broken). */
  readonly broken: string[];
  /** The ending reached, or null when the path has not reached one. */
  readonly ending: RoleplayEnding | null;
  /** Every step taken, for a step-by-step review with each choice's feedback. */
  readonly steps: RoleplayStep[];
}

export function debrief(rp: Roleplay, path: readonly number[]): Debrief {
  const { nodeId, steps } = walk(rp, path);
  const kept = new Set<string>();
  const broken = new Set<string>();
  for (const { choice } of steps) {
    for (const r of choice.keeps ?? []) kept.add(r);
    for (const r of choice.breaks ?? []) broken.add(r);
  }
  return {
    kept: [...kept].filter((r) => !broken.has(r)),
    broken: [...broken],
    ending: nodeAt(rp, nodeId).ending ?? null,
    steps,
  };
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
