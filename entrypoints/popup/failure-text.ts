import { explainError, type ErrorExplanation } from '@/utils/errors/error-explanation';
import { text } from '@/utils/i18n';
import type { Handle } from '@/utils/profile-url';
import type { Problem } from './state';

/**
 * What the popup says about a failure. Loaded (App.tsx) only once there is a
 * failure to show: the explanations of every kind are not in what the popup
 * loads to open.
 */
export function explainProblem(problem: Problem, handle: Handle | null): ErrorExplanation {
  if (problem.kind !== 'extension') return explainError(problem, handle);
  // Only what is known: once a lookup was asked for, a request may have left.
  return {
    title: text('extensionNoAnswerTitle'),
    detail: text(problem.duringLookup ? 'extensionNoAnswerAfterLookup' : 'extensionNoAnswerNoCost'),
    action: 'retry',
  };
}
