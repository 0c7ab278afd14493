import { explainError, type ErrorExplanation } from '@/utils/errors/error-explanation';
import { text, type Translate } from '@/utils/i18n';
import type { Handle } from '@/utils/profile-url';
import { adoptStyle } from './on-demand/adopt-style';
import type { Problem } from './state';
import style from './failure-text.css?inline';

adoptStyle(style);

/**
 * What the popup says about a failure. App.tsx loads this file only once
 * there is a failure to show (a failed lookup, or a failed Refresh under the
 * list it kept), so the explanations of every kind of failure are not part
 * of what the popup loads to open.
 */
export function explainProblem(problem: Problem, handle: Handle | null): ErrorExplanation {
  if (problem.kind !== 'extension') return explainError(problem, handle);
  // Say only what is known: once a lookup was asked for, a request may have been sent.
  return {
    title: text('extensionNoAnswerTitle'),
    detail: text(problem.duringLookup ? 'extensionNoAnswerAfterLookup' : 'extensionNoAnswerNoCost'),
    action: 'retry',
  };
}

/** Why the last Refresh failed, under the list it kept (the list is the earlier answer). */
export function RefreshProblem({ explanation, t }: { explanation: ErrorExplanation; t: Translate }) {
  return (
    <div class="refresh-problem" role="alert" data-testid="refresh-error">
      <strong>{t('refreshFailed', explanation.title)}</strong> {t(explanation.detail)} {t('refreshEarlierList')}
    </div>
  );
}
