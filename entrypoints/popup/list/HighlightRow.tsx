import type { Highlight } from '@/utils/highlights/highlight';
import type { Translate } from '@/utils/i18n';
import { CopyButton } from './CopyButton';
import type { Thumbnail } from './Thumbnail';

/** What draws a cover (Thumbnail.tsx, loaded after the list's first paint). */
export type Cover = typeof Thumbnail;

/** The id of the hint every row points to: the keys that work on it. */
export const ROW_KEYS_HINT_ID = 'row-keys-hint';

interface Props {
  highlight: Highlight;
  /** 1-based place in the whole list, and its length: the list may still be rendering. */
  position: number;
  total: number;
  /** Null: a blank tile for now instead of the cover (before the covers' code has loaded, or far below the visible part of a long list). */
  Cover: Cover | null;
  onCopy: (id: string) => void;
  /** Opens the row's menu of more actions, under the row. */
  onMore: (id: string, row: HTMLElement) => void;
  t: Translate;
}

/**
 * One highlight: cover, title (plain text), ID, a copy button and more
 * actions. The row is what the keyboard reaches (the list is one tab stop:
 * the first row, then arrow keys); its buttons are for the pointer.
 */
export function HighlightRow({ highlight, position, total, Cover, onCopy, onMore, t }: Props) {
  const { id, title, coverUrl } = highlight;
  return (
    <div
      class="row"
      // A list item of the list (HighlightList: a role="list" element, its rows in chunks of their own).
      role="listitem"
      data-testid="highlight-row"
      data-id={id}
      aria-posinset={position}
      aria-setsize={total}
      aria-describedby={ROW_KEYS_HINT_ID}
      tabIndex={position === 1 ? 0 : -1}
    >
      {Cover ? <Cover url={coverUrl} title={title} /> : <span class="thumb" aria-hidden="true" />}
      <div class="row-text">
        {title ? (
          <span class="row-title" dir="auto" title={title}>
            {title}
          </span>
        ) : (
          <span class="row-title row-title-missing">{t('untitled')}</span>
        )}
        <code class="row-id">{id}</code>
      </div>
      <CopyButton id={id} onCopy={onCopy} tabIndex={-1} t={t} />
      <button
        type="button"
        class="icon-button more-button"
        tabIndex={-1}
        aria-label={t('rowMoreLabel', id)}
        aria-haspopup="menu"
        onClick={(event) => onMore(id, event.currentTarget.closest<HTMLElement>('.row')!)}
      >
        <span class="icon-more" aria-hidden="true" />
      </button>
    </div>
  );
}
