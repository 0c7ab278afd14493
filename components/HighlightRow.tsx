import type { Highlight } from '@/utils/highlight';
import { CopyButton } from './CopyButton';
import { Thumbnail } from './Thumbnail';

interface Props {
  highlight: Highlight;
  /** 1-based place in the whole list, and its length: the list may still be rendering. */
  position: number;
  total: number;
  /** False: a blank tile for now instead of the cover (the row is far below the visible part of a long list). */
  cover?: boolean;
  onCopy: (id: string) => void;
}

/** One highlight: cover, title (plain text), ID and a copy button. */
export function HighlightRow({ highlight, position, total, cover = true, onCopy }: Props) {
  const { id, title, coverUrl } = highlight;
  return (
    <li class="row" data-testid="highlight-row" data-id={id} aria-posinset={position} aria-setsize={total}>
      <Thumbnail url={coverUrl} title={title} deferred={!cover} />
      <div class="row-text">
        {title ? (
          <span class="row-title" dir="auto" title={title}>
            {title}
          </span>
        ) : (
          <span class="row-title row-title-missing">Untitled</span>
        )}
        <code class="row-id">{id}</code>
      </div>
      <CopyButton id={id} onCopy={onCopy} />
    </li>
  );
}
