import { useEffect, useRef, useState } from 'preact/hooks';
import { validateApiKey } from '@/utils/account/api-key-validation';
import { SOCIAVAULT_DASHBOARD_URL } from '@/utils/errors/error-action';
import { splitAround, type Translate } from '@/utils/i18n';
import type { OptionsMessage, Send } from '@/utils/protocol';
import { isTesting, KEY_TEST_ID, KeyTestStatus, useKeyTest } from './KeyTest';
import { failureText, StatusMessage, type Message } from './StatusMessage';

/** Stands for the dashboard link inside the translated hint, which is split around it. */
const LINK_SLOT = '\u{E000}';

interface Props {
  send: Send<OptionsMessage>;
  t: Translate;
  /** Put the focus in the key field when the page opens (the welcome after an install). */
  focusKey?: boolean;
}

/** Enter, reveal, test, save and remove the SociaVault API key. */
export function ApiKeySection({ send, t, focusKey = false }: Props) {
  const [value, setValue] = useState('');
  /** Whether the background holds a key; null until it has told us. */
  const [hasKey, setHasKey] = useState<boolean | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const keyTest = useKeyTest(send, t);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusKey) field.current?.focus();
  }, []);

  useEffect(() => {
    send('get-api-key', {})
      .then(({ apiKey }) => {
        // Do not overwrite anything typed while the key was loading.
        setValue((typed) => (typed === '' ? (apiKey ?? '') : typed));
        setHasKey(apiKey !== null);
      })
      .catch((error: unknown) => {
        setMessage({ tone: 'error', text: failureText(t, 'failLoadKey', error) });
      });
  }, []);

  const save = async () => {
    setConfirmingRemove(false);
    const checked = validateApiKey(value);
    if (!checked.ok) {
      // What was typed stays in the field.
      setMessage({ tone: 'error', text: t(checked.message) });
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
          warning
            ? { tone: 'warning', text: t('keySavedWithWarning', warning) }
            : { tone: 'success', text: t('keySaved') },
        );
        // A new key is tested at once (free), so a wrong one shows now rather than at the next lookup.
        void keyTest.test(checked.key);
      } else {
        setMessage({ tone: 'error', text: t(response.message) });
      }
    } catch (error) {
      setMessage({ tone: 'error', text: failureText(t, 'failSaveKey', error) });
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
        setMessage({ tone: 'error', text: t(response.message) });
        return;
      }
      setValue('');
      setHasKey(false);
      setRevealed(false);
      setMessage({ tone: 'success', text: t('keyRemoved') });
    } catch (error) {
      setMessage({ tone: 'error', text: failureText(t, 'failRemoveKey', error) });
    } finally {
      setBusy(false);
      setConfirmingRemove(false);
    }
  };

  // Same element either way (Preact only swaps the type), so focus and caret stay.
  const keyInput = {
    id: 'api-key',
    ref: field,
    class: 'input input-key',
    name: 'api-key',
    value,
    placeholder: t('keyPlaceholder'),
    autocomplete: 'off',
    autocapitalize: 'off' as const,
    spellcheck: false,
    'aria-describedby': `key-state ${KEY_TEST_ID}`,
    'aria-invalid': message?.tone === 'error' ? ('true' as const) : undefined,
    onInput: (event: { currentTarget: HTMLInputElement }) => {
      setValue(event.currentTarget.value);
      setConfirmingRemove(false);
    },
  };

  const [hintBefore, hintAfter] = splitAround(t('keyHint', LINK_SLOT), LINK_SLOT);
  return (
    <section class="card">
      <h2 id="key-heading">{t('keyHeading')}</h2>
      <p class="hint">
        {hintBefore}
        <a href={SOCIAVAULT_DASHBOARD_URL} target="_blank" rel="noopener noreferrer">
          {t('keyHintLink')}
        </a>
        {hintAfter}
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label class="field-label" for="api-key">
          {t('keyLabel')}
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
            {t(revealed ? 'keyHide' : 'keyShow')}
          </button>
        </div>
        <p id="key-state" class="hint" data-testid="key-state">
          {t(hasKey === null ? 'keyChecking' : hasKey ? 'keyIsSaved' : 'keyNoneSaved')}
        </p>
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {t('save')}
          </button>
          <button
            type="button"
            class="button"
            disabled={isTesting(keyTest.pending, value)}
            aria-controls={KEY_TEST_ID}
            onClick={() => void keyTest.test(value)}
          >
            {t('testKey')}
          </button>
          <button
            type="button"
            class={`button${confirmingRemove ? ' button-danger' : ''}`}
            disabled={busy || hasKey !== true}
            onClick={() => void remove()}
          >
            {t(confirmingRemove ? 'confirmRemove' : 'removeKey')}
          </button>
          {confirmingRemove ? (
            <button type="button" class="button" onClick={() => setConfirmingRemove(false)}>
              {t('cancel')}
            </button>
          ) : null}
        </div>
        {confirmingRemove ? (
          <p class="hint" data-testid="remove-confirm-hint">
            {t('removeConfirmHint', t('confirmRemove'))}
          </p>
        ) : null}
        <StatusMessage message={message} testId="key-message" />
        <KeyTestStatus pending={keyTest.pending} result={keyTest.result} field={value} t={t} />
      </form>
    </section>
  );
}
