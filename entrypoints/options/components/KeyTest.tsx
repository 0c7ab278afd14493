import { useRef, useState } from 'preact/hooks';
import { validateApiKey } from '@/utils/account/api-key-validation';
import type { Translate } from '@/utils/i18n';
import { keyTestOutcome, shownKeyTest, type KeyTestOutcome } from '@/utils/account/key-test';
import type { OptionsMessage, Send } from '@/utils/protocol';
import { failureText } from './StatusMessage';

/** The id of the live region, for the key field's aria-describedby. */
export const KEY_TEST_ID = 'key-test';

/** A "Test key" result in words, and the key (trimmed) it was for. */
export interface KeyTestResult {
  key: string;
  tone: KeyTestOutcome['tone'];
  text: string;
}

/**
 * "Test key": asks the background for a key's balance (`/v1/credits`, no
 * credit spent) and keeps the latest result with the key it was for.
 */
export function useKeyTest(send: Send<OptionsMessage>, t: Translate) {
  /** The key being tested now, if any. */
  const [pending, setPending] = useState<string | null>(null);
  const [result, setResult] = useState<KeyTestResult | null>(null);
  /** Only the latest test's answer counts: an earlier one arriving late is dropped. */
  const latest = useRef(0);

  const test = async (typed: string) => {
    const asked = ++latest.current;
    const key = typed.trim();
    const checked = validateApiKey(typed);
    if (!checked.ok) {
      // Nothing to send: the text cannot be a key.
      setPending(null);
      setResult({ key, tone: 'error', text: t(checked.message) });
      return;
    }
    setPending(key);
    let shown: KeyTestResult;
    try {
      const outcome = keyTestOutcome(await send('test-key', { apiKey: checked.key }));
      shown = { key, tone: outcome.tone, text: t(outcome.text) };
    } catch (error) {
      shown = { key, tone: 'error', text: failureText(t, 'keyTestFailed', error) };
    }
    if (asked !== latest.current) return;
    setPending(null);
    setResult(shown);
  };

  return { pending, result, test };
}

/** Whether the key the field shows is being tested right now. */
export function isTesting(pending: string | null, field: string): boolean {
  return pending !== null && pending === field.trim();
}

interface Props {
  pending: string | null;
  result: KeyTestResult | null;
  /** What the key field shows now: a result for another key is not shown. */
  field: string;
  t: Translate;
}

/**
 * The outcome of "Test key", in a live region that is always in the page so
 * that screen readers announce what appears in it.
 */
export function KeyTestStatus({ pending, result, field, t }: Props) {
  const testing = isTesting(pending, field);
  const shown = testing ? null : shownKeyTest(result, field);
  return (
    <p
      id={KEY_TEST_ID}
      class={shown ? `message message-${shown.tone}` : 'key-test-empty'}
      role="status"
      aria-live="polite"
      aria-busy={testing ? 'true' : 'false'}
      data-testid="key-test"
      data-tone={shown?.tone}
    >
      {testing ? t('keyTesting') : (shown?.text ?? '')}
    </p>
  );
}
