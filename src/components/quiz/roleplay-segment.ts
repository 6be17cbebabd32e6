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
