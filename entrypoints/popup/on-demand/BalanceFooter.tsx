import { subscriptionStatusText } from '@/utils/account/balance';
import { plural, type Translate } from '@/utils/i18n';
import { SOCIAVAULT_DASHBOARD_URL } from '@/utils/errors/error-action';
import type { BalanceAnswer } from '@/utils/protocol';
import { adoptStyle } from './adopt-style';
import style from './BalanceFooter.css?inline';

adoptStyle(style);

interface Props {
  answer: BalanceAnswer | null;
  /** Warn under this many credits; 0: never. */
  lowBalanceWarning: number;
  t: Translate;
}

/**
 * The account's credits where the user works: "950 credits · active", and a
 * warning when they run low, at the end of the popup's footer. The popup
 * loads it once the background has answered with a balance, after its first
 * paint.
 */
export function BalanceFooter({ answer, lowBalanceWarning, t }: Props) {
  if (!answer?.ok) return null;
  const { credits, status } = answer.balance;
  const said = subscriptionStatusText(status);
  const statusLabel = typeof said === 'string' || said === null ? said : t(said);
  const low = lowBalanceWarning > 0 && credits < lowBalanceWarning;
  return (
    <p class={`balance${low ? ' balance-low' : ''}`} title={t('balanceLabel')} data-testid="balance">
      <span>
        {t(plural('credits', credits))}
        {statusLabel ? ` · ${statusLabel}` : ''}
      </span>
      {low ? (
        <span role="status" data-testid="balance-low">
          {t(plural('balanceLow', credits))}{' '}
          <a href={SOCIAVAULT_DASHBOARD_URL} target="_blank" rel="noopener noreferrer">
            {t('buyCredits')}
          </a>
        </span>
      ) : null}
    </p>
  );
}
