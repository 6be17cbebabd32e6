/**
 * spotting — mark the lines of a dialogue that break the standard. Authored index = line index; never shuffled
 * (a dialogue has an order). Scoring: (breaking lines marked − fine lines marked) / breaking lines, floored at 0.
 * Reported as a SCORM `choice` interaction whose correct response is the set of breaking lines.
 */
import type { SpottingItem } from '../../schema.ts';
import type { QuestionKind, SpottingResponse } from '../types.ts';
import { WEIGHTING, cleanMarks, parseIndexSet, scoreMarks } from './shared.ts';

/** Indexes of the lines that break the standard. */
export function breakingLines(item: SpottingItem): number[] {
  return item.lines.flatMap((line, i) => (line.breaks ? [i] : []));
}

const marks = (item: SpottingItem, response: SpottingResponse) =>
  scoreMarks(response, item.lines.length, (i) => item.lines[i]?.breaks === true, breakingLines(item).length);

export const spotting: QuestionKind<SpottingItem, SpottingResponse> = {
  type: 'spotting',
  interactionType: 'choice',
  shuffle: 'none',
  optionCount: (item) => item.lines.length,
  emptyResponse: () => [],
  parseResponse: (item, raw) => parseIndexSet(raw, item.lines.length),
  isAnswered: (item, response) => cleanMarks(response, item.lines.length).length > 0,
  score(item, response) {
    const { score, max } = marks(item, response);
    return { score, max };
  },
  isCorrect: (item, response) => marks(item, response).full,
  interaction(item, response) {
    return {
      type: 'choice',
      learner: cleanMarks(response, item.lines.length),
      correct: breakingLines(item),
      result: marks(item, response).full ? 'correct' : 'incorrect',
      weighting: WEIGHTING,
    };
  },
};
