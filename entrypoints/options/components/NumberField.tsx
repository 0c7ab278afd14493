import type { ComponentChildren } from 'preact';

/** A whole number within bounds from what was typed, or null. */
export function parseWholeNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,7}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

interface Props {
  id: string;
  label: string;
  value: string;
  min: number;
  max: number;
  /** Mark it invalid (the form was refused and this field is why). */
  invalid: boolean;
  onInput: (value: string) => void;
  hint: ComponentChildren;
}

/** A labelled whole-number input with its hint. */
export function NumberField({ id, label, value, min, max, invalid, onInput, hint }: Props) {
  return (
    <>
      <label class="field-label" for={id}>
        {label}
      </label>
      <input
        id={id}
        class="input input-number"
        type="number"
        name={id}
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        aria-describedby={`${id}-hint`}
        aria-invalid={invalid ? 'true' : undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <p id={`${id}-hint`} class="hint">
        {hint}
      </p>
    </>
  );
}
