import type { Translate } from '@/utils/i18n';

interface Props {
  id: string;
  onCopy: (id: string) => void;
  /** Which ID it is, for the button's name: a highlight's (default) or the profile's user ID. */
  what?: 'highlight' | 'user';
  /** -1 inside a list row, which the keyboard reaches as a whole. */
  tabIndex?: number;
  t: Translate;
}

/** Icon button that copies one ID. Its name is "Copy ID <id>" (or "Copy user ID <id>"). */
export function CopyButton({ id, onCopy, what = 'highlight', tabIndex, t }: Props) {
  const user = what === 'user';
  return (
    <button
      type="button"
      class="icon-button copy-button"
      tabIndex={tabIndex}
      aria-label={t(user ? 'copyUserIdLabel' : 'copyIdLabel', id)}
      title={t(user ? 'copyUserIdTitle' : 'copyIdTitle')}
      onClick={() => onCopy(id)}
    >
      <span class="icon-copy" aria-hidden="true" />
    </button>
  );
}
