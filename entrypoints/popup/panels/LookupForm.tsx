import type { Ref } from 'preact';
import type { Text, Translate } from '@/utils/i18n';
import { checkTypedHandle, type TypedHandle } from './typed-handle';

interface Props {
  value: string;
  onInput: (value: string) => void;
  /** What was typed, checked (typed-handle.ts). */
  onSubmit: (checked: TypedHandle) => void;
  /** Inline message about what was typed, e.g. "not a handle". */
  error: Text | null;
  disabled: boolean;
  inputRef: Ref<HTMLInputElement>;
  t: Translate;
}

/** "Instagram handle or profile URL" + "Look up". What was typed is checked here (typed-handle.ts), and the background checks it again. */
export function LookupForm({ value, onInput, onSubmit, error, disabled, inputRef, t }: Props) {
  return (
    <form
      class="lookup-form"
      id="lookup-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(checkTypedHandle(value));
      }}
    >
      <label class="field-label" for="lookup-input">
        {t('lookupLabel')}
      </label>
      <div class="lookup-row">
        <input
          ref={inputRef}
          id="lookup-input"
          class="input"
          type="text"
          name="handle"
          value={value}
          placeholder={t('lookupPlaceholder')}
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'lookup-error' : undefined}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
        <button type="submit" class="button button-primary" disabled={disabled}>
          {t('lookupButton')}
        </button>
      </div>
      {error ? (
        <p id="lookup-error" class="field-error" role="alert" data-testid="lookup-error">
          {t(error)}
        </p>
      ) : null}
    </form>
  );
}
