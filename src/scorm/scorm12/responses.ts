import type { InteractionRecord } from '../driver.ts';

/**
 * SCORM 1.2 RTE 3.4.2 response formats (cmi.interactions.n.student_response / correct_responses.n.pattern):
 * choice and sequencing are single characters `0-9a-z` separated by commas, true-false is `t`/`f`,
 * matching is `source.target` pairs separated by commas. Authored option index 0 → `a`, 1 → `b`, …
 */
const optionCharacters = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function scorm12OptionCharacter(index: number): string {
  const character = optionCharacters[index];
  if (character === undefined) throw new RangeError(`SCORM 1.2 allows 36 options per interaction, got index ${index}`);
  return character;
}

export function formatScorm12Response(type: InteractionRecord['type'], value: InteractionRecord['learner']): string {
  if (type === 'true-false') return value === null ? '' : value === true ? 't' : 'f';
  if (value === null || !Array.isArray(value)) return '';
  if (type === 'matching') {
    return (value as Array<[number, number]>)
      .map(([left, right]) => `${scorm12OptionCharacter(left)}.${scorm12OptionCharacter(right)}`)
      .join(',');
  }
  return (value as number[]).map(scorm12OptionCharacter).join(',');
}
