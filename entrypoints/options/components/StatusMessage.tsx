import type { MessageKey, Translate } from '@/utils/i18n';
import { NoAnswerError } from '@/utils/protocol';

export interface Message {
  tone: 'success' | 'warning' | 'error';
  text: string;
}

interface Props {
  message: Message | null;
  testId: string;
}

/**
 * Outcome of an action. Success and warnings are polite (role="status"),
 * refusals and failures interrupt (role="alert").
 */
export function StatusMessage({ message, testId }: Props) {
  if (!message) return null;
  return (
    <p
      class={`message message-${message.tone}`}
      role={message.tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
      data-tone={message.tone}
    >
      {message.text}
    </p>
  );
}

/** "Could not save the key." and, when known, why (the browser's own words, or that the background did not answer). */
export function failureText(t: Translate, what: MessageKey, error: unknown): string {
  const reason =
    error instanceof NoAnswerError ? t('backgroundNoAnswer') : error instanceof Error && error.message ? error.message : '';
  return reason ? `${t(what)} ${reason}` : t(what);
}
