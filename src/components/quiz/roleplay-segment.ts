/**
 * The `rp` feature segment: the role-play in progress, saved through the shell (src/scorm/suspend-data.ts) so a
 * reload mid-role-play resumes at the same node.
 *
 *   <role-play index, base 36>.<one base-36 digit per choice taken>      e.g. `1.021` = role-play 1, choices 0, 2, 1
 *
 * The index is the role-play's position in bank-data `getRoleplays()` (file-name order). ASCII `[0-9a-z.]` only (no
 * `~`, no `=`); the schema caps a node at 36 choices, so one digit per step is enough. A path that no longer fits the
 * role-play is dropped by the engine's `resumeRoleplay`, and a content change drops every segment anyway.
 */
export const roleplaySegmentKey = 'rp';

export function encodeRoleplaySegment(index: number, path: readonly number[]): string {
  return `${index.toString(36)}.${path.map((choice) => choice.toString(36)).join('')}`;
}

export function decodeRoleplaySegment(value: string | undefined): { index: number; path: number[] } | undefined {
  const match = /^([0-9a-z]{1,4})\.([0-9a-z]*)$/.exec(value ?? '');
  if (!match) return undefined;
  return { index: parseInt(match[1]!, 36), path: [...match[2]!].map((digit) => parseInt(digit, 36)) };
}

/**
 * The `rs` feature segment: where the learner stands in every role-play, for the home screen. One character per
 * role-play, by its index in `getRoleplays()`:
 *
 *   `0` not started · `1` in progress · `b` / `m` / `g` finished, with the best verdict reached so far
 *
 * e.g. `g10m` = role-play 0 finished well, 1 in progress, 2 not started, 3 finished in part. Eight role-plays cost
 * eight characters. Trailing `0`s are dropped.
 */
export const roleplayStatusKey = 'rs';

export type RoleplayStatus = 'not-started' | 'in-progress' | 'good' | 'mixed' | 'bad';

const statusCodes: Record<RoleplayStatus, string> = {
  'not-started': '0',
  'in-progress': '1',
  bad: 'b',
  mixed: 'm',
  good: 'g',
};
/** Later wins only when it ranks higher: a finished role-play stays finished, and keeps its best verdict. */
const rank: Record<RoleplayStatus, number> = { 'not-started': 0, 'in-progress': 1, bad: 2, mixed: 3, good: 4 };

export function decodeRoleplayStatuses(value: string | undefined, count: number): RoleplayStatus[] {
  const byCode = new Map(Object.entries(statusCodes).map(([status, code]) => [code, status as RoleplayStatus]));
  const text = /^[01bmg]*$/.test(value ?? '') ? (value ?? '') : '';
  return Array.from({ length: count }, (_, index) => byCode.get(text[index] ?? '0') ?? 'not-started');
}

export function isFinishedStatus(status: RoleplayStatus): status is 'good' | 'mixed' | 'bad' {
  return rank[status] >= rank.bad;
}

/** The segment after role-play `index` reached `status` (never a step back). */
export function withRoleplayStatus(value: string | undefined, index: number, status: RoleplayStatus): string {
  const statuses = decodeRoleplayStatuses(value, Math.max(index + 1, (value ?? '').length));
  if (rank[status] > rank[statuses[index]!]) statuses[index] = status;
  return statuses.map((s) => statusCodes[s]).join('').replace(/0+$/, '');
}
