import type { JSX } from 'preact';
import type { Translate } from '@/utils/i18n';

interface Props {
  open: boolean;
  onToggle: () => void;
  /** The lookup form, shown while open. */
  form: JSX.Element;
  t: Translate;
}

/** The footer's "Look up another profile" disclosure. */
export function OtherLookup({ open, onToggle, form, t }: Props) {
  return (
    <footer class="other-lookup">
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
    </footer>
  );
}
