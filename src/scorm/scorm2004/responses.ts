import type { InteractionRecord } from '../driver.ts';

/**
 * SCORM 2004 4th ed. RTE 4.2.9.1 response formats: short_identifier_type values joined by the reserved
 * delimiter `[,]`; matching pairs are `source[.]target`; true-false is `true`/`false`.
 * Identifiers are derived from authored indexes (`o1`, `o2`, … / `l1` … `r1` …) so shuffling never changes them.
 */
export function formatScorm2004Response(type: InteractionRecord['type'], value: InteractionRecord['learner']): string {
  if (type === 'true-false') return value === null ? '' : value === true ? 'true' : 'false';
  if (value === null || !Array.isArray(value)) return '';
  if (type === 'matching') {
    return (value as Array<[number, number]>).map(([left, right]) => `l${left + 1}[.]r${right + 1}`).join('[,]');
  }
  const prefix = type === 'sequencing' ? 's' : 'o';
  return (value as number[]).map((index) => `${prefix}${index + 1}`).join('[,]');
}
