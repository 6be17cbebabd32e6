/**
 * The pure quiz engine: no DOM, no Astro, no stores, no zod at run time (types only). Safe to ship to the browser.
 */
export type * from './types.ts';
export { kinds, kindOf, responseOf, scoreOf, isCorrectOf, isAnsweredOf, interactionOf } from './registry.ts';
export { singleOptions } from './kinds/single.ts';
export { multipleOptions } from './kinds/multiple.ts';
export { trueFalseFeedback } from './kinds/truefalse.ts';
export { matchingTargets } from './kinds/matching.ts';
export { breakingLines } from './kinds/spotting.ts';
export { seedFrom, mulberry32, shuffle, subSeed } from './random.ts';
export { optionOrder, drawExam, proportionalQuotas, isEligible, DrawError } from './draw.ts';
export type { DrawOptions } from './draw.ts';
export { scoreAttempt } from './attempt.ts';
export type { AttemptScore } from './attempt.ts';
export {
  startRoleplay,
  resumeRoleplay,
  choose,
  currentNode,
  lastChoice,
  isFinished,
  debrief,
  choiceOrder,
  retryFrom,
  isWrong,
  kindForCost,
  verdictOf,
  idealChoice,
  idealPath,
  allPaths,
  roleplayDesignProblems,
  WRONG_DECISIONS_FOR_BAD,
  MIN_DECISIONS,
  RoleplayError,
} from './roleplay.ts';
export type { RoleplayState, RoleplayStep, Debrief, DesignProblem, EndingKind } from './roleplay.ts';
