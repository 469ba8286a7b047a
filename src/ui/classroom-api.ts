/**
 * What the classroom needs on top of the lab's core — exercises, tutorials, checks, completion codes, share
 * links, the teacher's verification — in a chunk of its own, loaded when a page or an exercise needs it, so the
 * home page of a running lab stays within its budget.
 */
export { EXERCISES, findExercise } from '../content/exercises';
export { evaluateGoals, exerciseFaults, exerciseText, hintLadder, isSolved, solutionSteps, textFacts } from '../content/exercises/run';
export { writeCompletionCode, writeShareLink, readShareLink, readCompletionCode } from '../content/lab-document';
export { verifyCompletionCode } from '../content/verify';
export { classSeed } from '../content/variants';
export { runCheck } from '../content/checks';
export { FAULT_FIXED, fixedChecks, isFaultFixed } from '../content/fault-fixed';
export { TUTORIALS, findTutorial } from '../content/tutorial';
export { tutorialProgress } from '../content/tutorial/run';
