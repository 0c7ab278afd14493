import type { Ref } from 'preact';

interface Props {
  value: string;
  onInput: (value: string) => void;
  onSubmit: () => void;
  /** Inline message about what was typed, e.g. "not a handle". */
  error: string | null;
  disabled: boolean;
  inputRef: Ref<HTMLInputElement>;
}

/** "Instagram handle or profile URL" + "Look up". The background checks the input. */
export function LookupForm({ value, onInput, onSubmit, error, disabled, inputRef }: Props) {
  return (
    <form
      class="lookup-form"
      id="lookup-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <label class="field-label" for="lookup-input">
        Instagram handle or profile URL
      </label>
      <div class="lookup-row">
        <input
          ref={inputRef}
          id="lookup-input"
          class="input"
          type="text"
          name="handle"
          value={value}
          placeholder="natgeo or instagram.com/natgeo"
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'lookup-error' : undefined}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
        <button type="submit" class="button button-primary" disabled={disabled}>
          Look up
        </button>
      </div>
      {error ? (
        <p id="lookup-error" class="field-error" role="alert" data-testid="lookup-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
