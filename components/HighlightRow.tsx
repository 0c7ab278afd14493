import type { Highlight } from '@/utils/highlight';
import type { Translate } from '@/utils/i18n';
import { CopyButton } from './CopyButton';
import { Thumbnail } from './Thumbnail';

interface Props {
  highlight: Highlight;
  /** 1-based place in the whole list, and its length: the list may still be rendering. */
  position: number;
  total: number;
  onCopy: (id: string) => void;
  t: Translate;
}

/** One highlight: cover, title (plain text), ID and a copy button. */
export function HighlightRow({ highlight, position, total, onCopy, t }: Props) {
  const { id, title, coverUrl } = highlight;
  return (
    <li class="row" data-testid="highlight-row" data-id={id} aria-posinset={position} aria-setsize={total}>
      <Thumbnail url={coverUrl} title={title} />
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
      <CopyButton id={id} onCopy={onCopy} t={t} />
    </li>
  );
}
