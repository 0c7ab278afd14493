import { useState } from 'preact/hooks';
import type { OptionsMessage, Send } from '@/utils/protocol';
import { failureText, StatusMessage, type Message } from './StatusMessage';

/** Forget every cached answer. */
export function CacheSection({ send }: { send: Send<OptionsMessage> }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  const clear = async () => {
    setBusy(true);
    try {
      const { cleared } = await send('clear-cache', {});
      setMessage({
        tone: 'success',
        text: `Cleared ${cleared} cached ${cleared === 1 ? 'profile' : 'profiles'}`,
      });
    } catch (error) {
      setMessage({ tone: 'error', text: failureText('Could not clear the cache', error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card">
      <h2 id="cache-heading">Cached answers</h2>
      <p class="hint">
        Answers are kept for the cache lifetime so that opening the same profile again costs nothing. Clearing them
        means the next lookup of each profile uses a credit.
      </p>
      <div class="actions">
        <button type="button" class="button" disabled={busy} onClick={() => void clear()}>
          Clear cached answers
        </button>
      </div>
      <StatusMessage message={message} testId="cache-message" />
    </section>
  );
}
