import { atom, computed, map } from 'nanostores';
import { ModuleFlag } from '../scorm/suspend-data.ts';
import type { ModuleStatus } from '../bridge/messages.ts';

/**
 * Learner state owned by the shell. UI code calls the actions below; only src/stores/lms-sync.ts reads the
 * stores to talk to the LMS ("changes apart from reactions", as in nanostores' own guidance).
 */

export interface OutlineModule {
  /** e.g. `03-telephone`. */
  id: string;
  title: string;
  page: string;
  /** Whether the lesson ends with a knowledge check that must be answered for completion. */
  hasCheck: boolean;
  /** Whether completion also needs the module's required role-play to reach an ending. */
  needsRoleplay?: boolean;
}

export const $outline = atom<OutlineModule[]>([]);
/** Per-module progress flags (ModuleFlag bits), in course order. */
export const $moduleFlags = atom<number[]>([]);
/** The page the learner is on, relative to the package root. */
export const $location = atom<string>('');
/** Feature segments persisted with the progress (exam, role-plays). */
export const $segments = map<Record<string, string>>({});

export function moduleStatus(flags: number, hasCheck: boolean, needsRoleplay = false): ModuleStatus {
  const done =
    (flags & ModuleFlag.reachedEnd) !== 0 &&
    (!hasCheck || (flags & ModuleFlag.checkAnswered) !== 0) &&
    (!needsRoleplay || (flags & ModuleFlag.roleplayDone) !== 0);
  if (done) return 'completed';
  return flags === 0 ? 'not-started' : 'in-progress';
}

export const $moduleStatuses = computed([$moduleFlags, $outline], (flags, outline) =>
  outline.map((module, index) => moduleStatus(flags[index] ?? 0, module.hasCheck, module.needsRoleplay)),
);

export const $completedCount = computed($moduleStatuses, (statuses) => statuses.filter((s) => s === 'completed').length);

export const $allModulesCompleted = computed(
  [$completedCount, $outline],
  // A course without modules (the refresher) has nothing left to read.
  (count, outline) => count === outline.length,
);

function addFlag(index: number, flag: number): void {
  const flags = $moduleFlags.get();
  if (index < 0 || index >= flags.length) return;
  const current = flags[index] ?? 0;
  if ((current & flag) === flag) return; // unchanged: no store update, so no LMS write
  const next = flags.slice();
  next[index] = current | flag;
  $moduleFlags.set(next);
}

export const visitModule = (index: number) => addFlag(index, ModuleFlag.visited);
export const reachModuleEnd = (index: number) => addFlag(index, ModuleFlag.visited | ModuleFlag.reachedEnd);
export const answerModuleCheck = (index: number) => addFlag(index, ModuleFlag.visited | ModuleFlag.checkAnswered);
export const finishModuleRoleplay = (index: number) => addFlag(index, ModuleFlag.roleplayDone);

export function setLocation(page: string): void {
  if (page && page !== $location.get()) $location.set(page);
}

export function setSegment(key: string, value: string): void {
  if (!/^[a-z][a-z0-9]{0,7}$/.test(key) || value.includes('~')) return;
  if ($segments.get()[key] !== value) $segments.setKey(key, value);
}
