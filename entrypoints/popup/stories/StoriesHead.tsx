import type { ComponentChildren, RefObject } from 'preact';
import type { Translate } from '@/utils/i18n';

/** Escape goes back, as Back does, and no further: unhandled, it would close the popup. */
export function backOnEscape(onBack: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onBack();
  };
}

interface Props {
  backRef: RefObject<HTMLButtonElement | null>;
  onBack: () => void;
  title: string;
  t: Translate;
  /** What follows the title (a highlight's id). */
  children?: ComponentChildren;
}

/** The head of a stories view: Back, then what the view shows. */
export function StoriesHead({ backRef, onBack, title, t, children }: Props) {
  return (
    <div class="stories-head">
      <button ref={backRef} type="button" class="button" data-testid="stories-back" onClick={onBack}>
        <span aria-hidden="true">{t.dir === 'rtl' ? '→' : '←'}</span> {t('storiesBack')}
      </button>
      <h2 class="stories-title" dir="auto">
        {title}
      </h2>
      {children}
    </div>
  );
}
