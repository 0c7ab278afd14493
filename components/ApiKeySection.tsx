import { useEffect, useState } from 'preact/hooks';
import { validateApiKey } from '@/utils/api-key-validation';
import { SOCIAVAULT_DASHBOARD_URL } from '@/utils/error-explanation';
import type { OptionsMessage, Send } from '@/utils/protocol';
import { failureText, StatusMessage, type Message } from './StatusMessage';

/** Enter, reveal, save and remove the SociaVault API key. */
export function ApiKeySection({ send }: { send: Send<OptionsMessage> }) {
  const [value, setValue] = useState('');
  /** Whether the background holds a key; null until it has told us. */
  const [hasKey, setHasKey] = useState<boolean | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  useEffect(() => {
    send('get-api-key', {})
      .then(({ apiKey }) => {
        // Do not overwrite anything typed while the key was loading.
        setValue((typed) => (typed === '' ? (apiKey ?? '') : typed));
        setHasKey(apiKey !== null);
      })
      .catch((error: unknown) => {
        setMessage({ tone: 'error', text: failureText('Could not load the saved key', error) });
      });
  }, []);

  const save = async () => {
    setConfirmingRemove(false);
    const checked = validateApiKey(value);
    if (!checked.ok) {
      // What was typed stays in the field.
      setMessage({ tone: 'error', text: checked.message });
      return;
    }
    setBusy(true);
    try {
      const response = await send('save-api-key', { apiKey: checked.key });
      if (response.ok) {
        setValue(checked.key);
        setHasKey(true);
        const warning = response.warning ?? checked.warning;
        setMessage(
          warning ? { tone: 'warning', text: `Key saved. ${warning}` } : { tone: 'success', text: 'Key saved.' },
        );
      } else {
        setMessage({ tone: 'error', text: response.message });
      }
    } catch (error) {
      setMessage({ tone: 'error', text: failureText('Could not save the key', error) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!confirmingRemove) {
      setConfirmingRemove(true);
      setMessage(null);
      return;
    }
    setBusy(true);
    try {
      const response = await send('remove-api-key', {});
      if (!response.ok) {
        setMessage({ tone: 'error', text: response.message });
        return;
      }
      setValue('');
      setHasKey(false);
      setRevealed(false);
      setMessage({ tone: 'success', text: 'Key removed. Lookups stop until you add a key again.' });
    } catch (error) {
      setMessage({ tone: 'error', text: failureText('Could not remove the key', error) });
    } finally {
      setBusy(false);
      setConfirmingRemove(false);
    }
  };

  // Same element either way (Preact only swaps the type), so focus and caret stay.
  const keyInput = {
    id: 'api-key',
    class: 'input input-key',
    name: 'api-key',
    value,
    placeholder: 'sk_live_…',
    autocomplete: 'off',
    autocapitalize: 'off' as const,
    spellcheck: false,
    'aria-describedby': 'key-state',
    'aria-invalid': message?.tone === 'error' ? ('true' as const) : undefined,
    onInput: (event: { currentTarget: HTMLInputElement }) => {
      setValue(event.currentTarget.value);
      setConfirmingRemove(false);
    },
  };

  return (
    <section class="card">
      <h2 id="key-heading">SociaVault API key</h2>
      <p class="hint">
        Lookups go through SociaVault and use 1 credit each. Get a key on your{' '}
        <a href={SOCIAVAULT_DASHBOARD_URL} target="_blank" rel="noopener noreferrer">
          SociaVault dashboard
        </a>
        .
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label class="field-label" for="api-key">
          API key
        </label>
        <div class="field-row">
          {revealed ? <input type="text" {...keyInput} /> : <input type="password" {...keyInput} />}
          <button
            type="button"
            class="button"
            aria-pressed={revealed ? 'true' : 'false'}
            aria-controls="api-key"
            onClick={() => setRevealed((shown) => !shown)}
          >
            {revealed ? 'Hide' : 'Show'}
          </button>
        </div>
        <p id="key-state" class="hint" data-testid="key-state">
          {hasKey === null ? 'Checking for a saved key…' : hasKey ? 'A key is saved in this browser.' : 'No key saved yet.'}
        </p>
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            Save
          </button>
          <button
            type="button"
            class={`button${confirmingRemove ? ' button-danger' : ''}`}
            disabled={busy || hasKey !== true}
            onClick={() => void remove()}
          >
            {confirmingRemove ? 'Confirm remove' : 'Remove key'}
          </button>
          {confirmingRemove ? (
            <button type="button" class="button" onClick={() => setConfirmingRemove(false)}>
              Cancel
            </button>
          ) : null}
        </div>
        {confirmingRemove ? (
          <p class="hint" data-testid="remove-confirm-hint">
            Click “Confirm remove” to delete the key from this browser.
          </p>
        ) : null}
        <StatusMessage message={message} testId="key-message" />
      </form>
    </section>
  );
}
