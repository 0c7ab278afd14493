import type { JSX } from 'preact';
import type { Translate } from '@/utils/i18n';

interface Props {
  open: boolean;
  onToggle: () => void;
  /** The lookup form, shown while open (null while its code loads). */
  form: JSX.Element | null;
  t: Translate;
}

/** The footer's "Look up another profile" disclosure; the form takes the footer's whole width. */
export function OtherLookup({ open, onToggle, form, t }: Props) {
  return (
    <div class="other-lookup">
      <button
        type="button"
        class="disclosure"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls="lookup-form"
        onClick={onToggle}
      >
        <span class="disclosure-marker" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        {t('otherLookup')}
      </button>
      {open ? form : null}
    </div>
  );
}
