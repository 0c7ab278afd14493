import { useState } from 'preact/hooks';
import { plural, type Translate } from '@/utils/i18n';
import type { OptionsMessage, Send } from '@/utils/protocol';
import { failureText, StatusMessage, type Message } from './StatusMessage';

/** Forget every cached answer. */
export function CacheSection({ send, t }: { send: Send<OptionsMessage>; t: Translate }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  const clear = async () => {
    setBusy(true);
    try {
      const { cleared } = await send('clear-cache', {});
      setMessage({ tone: 'success', text: t(plural('clearedProfiles', cleared)) });
    } catch (error) {
      setMessage({ tone: 'error', text: failureText(t, 'failClearCache', error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card">
      <h2 id="cache-heading">{t('cacheHeading')}</h2>
      <p class="hint">{t('cacheHint')}</p>
      <div class="actions">
        <button type="button" class="button" disabled={busy} onClick={() => void clear()}>
          {t('clearCache')}
        </button>
      </div>
      <StatusMessage message={message} testId="cache-message" />
    </section>
  );
}
