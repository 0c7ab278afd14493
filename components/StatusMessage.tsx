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

export function failureText(what: string, error: unknown): string {
  const reason = error instanceof Error && error.message ? ` ${error.message}` : '';
  return `${what}.${reason}`;
}
