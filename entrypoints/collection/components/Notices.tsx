import type { Notice } from '../state';
import type { Translate } from '@/utils/i18n';

/** Outcomes of what the user did: calm ones read politely, failures at once. */
export function Notices({ notice, unreachable, t }: { notice: Notice | null; unreachable: boolean; t: Translate }) {
  return (
    <div class="notices">
      <p role="status" data-testid="collection-notice">
        {notice && notice.tone !== 'error' ? <span class={`message message-${notice.tone}`}>{t(notice.text)}</span> : null}
      </p>
      <p role="alert" data-testid="collection-error">
        {notice?.tone === 'error' ? <span class="message message-error">{t(notice.text)}</span> : null}
        {unreachable && notice?.tone !== 'error' ? <span class="message message-error">{t('backgroundNoAnswer')}</span> : null}
      </p>
    </div>
  );
}
