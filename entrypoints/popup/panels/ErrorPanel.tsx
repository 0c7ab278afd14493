import { SOCIAVAULT_DASHBOARD_URL, type ErrorExplanation } from '@/utils/errors/error-action';
import type { Translate } from '@/utils/i18n';
import { ExternalIcon } from '@/components/icons';

interface Props {
  explanation: ErrorExplanation;
  /** Announce it as an alert (a lookup just failed) rather than a calm notice. */
  alert: boolean;
  onRetry: () => void;
  onOpenOptions: () => void;
  onEditHandle: () => void;
  /** The lookup form is already open below, so "Edit handle" would only repeat it. */
  formOpen?: boolean;
  t: Translate;
}

/** What went wrong, why, and one button for the next step. */
export function ErrorPanel({ explanation, alert, onRetry, onOpenOptions, onEditHandle, formOpen = false, t }: Props) {
  const { title, detail, action } = explanation;
  return (
    <section class={`problem${alert ? ' problem-error' : ''}`} aria-labelledby="problem-title">
      <div role={alert ? 'alert' : undefined}>
        <h2 id="problem-title" class="problem-title">
          {t(title)}
        </h2>
        <p class="problem-detail">{t(detail)}</p>
      </div>
      {action === 'open-options' ? (
        <button type="button" class="button button-primary" onClick={onOpenOptions}>
          {t('openOptions')}
        </button>
      ) : action === 'retry' ? (
        <button type="button" class="button button-primary" onClick={onRetry}>
          {t('tryAgain')}
        </button>
      ) : action === 'buy-credits' ? (
        <a class="button button-primary" href={SOCIAVAULT_DASHBOARD_URL} target="_blank" rel="noopener noreferrer">
          {t('buyCredits')}
          <ExternalIcon size={14} />
        </a>
      ) : action === 'edit-handle' && !formOpen ? (
        <button type="button" class="button" onClick={onEditHandle}>
          {t('editHandle')}
        </button>
      ) : null}
    </section>
  );
}
