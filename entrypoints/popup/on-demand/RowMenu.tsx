import { useEffect, useRef } from 'preact/hooks';
import { detailCurl, highlightRef, highlightStoryUrl } from '@/utils/highlights/highlight-links';
import type { Translate } from '@/utils/i18n';
import { useStoriesCached } from '../stories/stories-cached';
import { adoptStyle } from './adopt-style';
import style from './RowMenu.css?inline';

adoptStyle(style);

export interface RowMenuTarget {
  id: string;
  /** The row it was opened from: it gets the focus back when the menu closes. */
  row: HTMLElement;
}

interface Props {
  target: RowMenuTarget;
  /** Copies text and says what was copied. */
  onCopy: (text: string, notice: string) => void;
  onClose: () => void;
  /** Opens the highlight's stories in place of the list. */
  onStories?: (id: string) => void;
  t: Translate;
}

/**
 * More actions for one highlight: copy it as `highlight:<id>`, copy a ready
 * request for its stories, open it on Instagram. One menu for the whole list,
 * placed under the row it was opened from; arrow keys move, Escape closes.
 */
export function RowMenu({ target, onCopy, onClose, onStories, t }: Props) {
  const menu = useRef<HTMLDivElement>(null);
  const { id, row } = target;
  const storiesFree = useStoriesCached(id);

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [id]);

  const close = (returnFocus: boolean) => {
    onClose();
    if (returnFocus) row.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close(true);
    }
  };

  const choose = (text: string, notice: string) => {
    onCopy(text, notice);
    close(true);
  };

  return (
    <div
      ref={menu}
      class="row-menu"
      role="menu"
      aria-label={t('rowMoreLabel', id)}
      // Under the row, wherever the list has been scrolled to.
      style={{ top: `${row.offsetTop - (row.parentElement?.scrollTop ?? 0) + row.offsetHeight}px` }}
      onKeyDown={onKeyDown}
      onFocusOut={(event) => {
        if (!menu.current?.contains(event.relatedTarget as Node | null)) onClose();
      }}
    >
      {onStories ? (
        <button
          type="button"
          role="menuitem"
          tabIndex={-1}
          data-testid="row-menu-stories"
          data-cached={storiesFree === null ? undefined : String(storiesFree)}
          onClick={() => {
            onClose();
            onStories(id);
          }}
        >
          {t(storiesFree ? 'storiesMenuOpen' : 'storiesMenuOpenCost')}
        </button>
      ) : null}
      <button type="button" role="menuitem" tabIndex={-1} onClick={() => choose(highlightRef(id), t('copiedRef', id))}>
        {t('rowMenuCopyRef', id)}
      </button>
      <button type="button" role="menuitem" tabIndex={-1} onClick={() => choose(detailCurl(id), t('copiedCurl', id))}>
        {t('rowMenuCopyCurl')}
      </button>
      <a role="menuitem" tabIndex={-1} href={highlightStoryUrl(id)} target="_blank" rel="noopener noreferrer" onClick={() => close(false)}>
        {t('rowMenuOpen')}
      </a>
    </div>
  );
}
