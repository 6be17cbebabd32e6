/**
 * The compact, versioned learner state kept in cmi.suspend_data. SCORM 1.2 allows 4096 characters
 * (RTE 3.4.2, CMIString4096) and some LMSs cut silently, so the state is a short ASCII string, not JSON:
 *
 *   1~<courseTag>~<contentHash>~<moduleFlags>[~<key>=<value>…]
 *
 * - `1` is the format version.
 * - `courseTag` is a hash of the course identifier: data written by another course is ignored.
 * - `contentHash` identifies the built content (modules, items). When it differs (the course was updated
 *   between sessions), module progress is kept and every other segment is dropped, because an exam draw or
 *   a role-play path may no longer fit the content (as Starlight reuses saved UI state only when its hash matches).
 * - `moduleFlags` has one base-36 digit per section of the standard, in section order.
 * - further segments belong to features (exam, role-plays) and are opaque here.
 */

export const suspendFormatVersion = '1';

/** Per-module progress bits. */
export const ModuleFlag = {
  visited: 1,
  reachedEnd: 2,
  checkAnswered: 4,
  /** The module's required role-play reached an ending (src/quizzes/roleplays, `required: true`). */
  roleplayDone: 8,
} as const;

export interface SavedState {
  /** One flag set per module, in course order. */
  modules: number[];
  /** Feature segments by key (ASCII key, value without `~`). */
  segments: Record<string, string>;
}

export type DecodeStatus = 'empty' | 'ok' | 'corrupt' | 'other-course' | 'older-content';

export interface DecodeResult {
  status: DecodeStatus;
  state: SavedState;
  /** With `older-content`: the dropped segments, for features that can carry part of their state over. */
  previousSegments?: Record<string, string>;
}

/** Short, stable tags for the course and the content version (src/util/hash.ts). */
export { shortHash } from '../util/hash.ts';

export function emptyState(moduleCount: number): SavedState {
  return { modules: Array.from({ length: moduleCount }, () => 0), segments: {} };
}

export function encodeSuspendData(state: SavedState, courseTag: string, contentHash: string): string {
  const flags = state.modules.map((flag) => (flag & 0x1f).toString(36)).join('');
  const segments = Object.keys(state.segments)
    .sort()
    .map((key) => `${key}=${state.segments[key]}`);
  return [suspendFormatVersion, courseTag, contentHash, flags, ...segments].join('~');
}

export function decodeSuspendData(
  text: string,
  courseTag: string,
  contentHash: string,
  moduleCount: number,
): DecodeResult {
  const fresh = emptyState(moduleCount);
  if (!text) return { status: 'empty', state: fresh };
  const [version, tag, hash, flags = '', ...rest] = text.split('~');
  if (version !== suspendFormatVersion || !tag || !hash || !/^[0-9a-v]*$/.test(flags)) {
    return { status: 'corrupt', state: fresh };
  }
  if (tag !== courseTag) return { status: 'other-course', state: fresh };
  const modules = fresh.modules.map((_, index) => parseInt(flags[index] ?? '0', 36) || 0);
  const segments: Record<string, string> = {};
  for (const part of rest) {
    const equals = part.indexOf('=');
    if (equals <= 0) return { status: 'corrupt', state: fresh };
    segments[part.slice(0, equals)] = part.slice(equals + 1);
  }
  if (hash !== contentHash) return { status: 'older-content', state: { modules, segments: {} }, previousSegments: segments };
  return { status: 'ok', state: { modules, segments } };
}
