import type { ComponentChildren } from 'preact';
import { useCallback } from 'preact/hooks';
import type { ErrorExplanation } from '@/utils/error-explanation';
import type { HighlightList as HighlightListData } from '@/utils/highlight';
import { plural, type MessageKey, type Translate } from '@/utils/i18n';
import { exportHighlights } from '@/utils/id-export';
import type { CopyFormat } from '@/utils/settings';
import { CopyButton } from './CopyButton';
import { CopyStatus, useCopy } from './CopyStatus';
import { FetchedAgo } from './FetchedAgo';
import { HighlightList } from './HighlightList';
import { CopyIcon, RefreshIcon } from './icons';

interface Props {
  list: HighlightListData;
  fromCache: boolean;
  /** Where the answer is kept, and how to make room when that is not the cache. */
  cacheNotice: ComponentChildren;
  /** "Add to collection" and the way to the collection. */
  collection: ComponentChildren;
  onRefresh: () => void;
  refreshing: boolean;
  /** Why the last Refresh failed; the list shown is the older one. */
  refreshProblem: ErrorExplanation | null;
  copyFormat: CopyFormat;
  t: Translate;
}

const COPY_ALL_LABEL: Record<CopyFormat, MessageKey> = {
  lines: 'copyAllLines',
  csv: 'copyAllCsv',
  json: 'copyAllJson',
};

/** Summary line, bulk actions and the rows; or the empty message. */
export function HighlightsView({ list, fromCache, cacheNotice, collection, onRefresh, refreshing, refreshProblem, copyFormat, t }: Props) {
  const { notice, copy } = useCopy(t);
  const count = list.highlights.length;
  const countText = t(plural('highlightCount', count));
  // Stable, so that the rows do not re-render for a copy notice.
  const copyOne = useCallback((id: string) => void copy(id, t('copied', id)), [copy, t]);
  const copied =
    copyFormat === 'lines' ? plural('copiedIds', count) : plural('copiedHighlightsAs', count, copyFormat.toUpperCase());
  const copyAll = () => void copy(exportHighlights(list.highlights, copyFormat), t(copied));

  const summary = (
    <div class="summary">
      <p class="summary-text">
        {count > 0 ? <strong data-testid="highlight-count">{countText}</strong> : null}
        <FetchedAgo fetchedAt={list.fetchedAt} fromCache={fromCache} t={t} />
      </p>
      {list.ownerId ? (
        // The profile's numeric id: SociaVault answers faster by user_id than by handle.
        <p class="owner-id" data-testid="owner-id">
          {t('userId')} <code class="row-id">{list.ownerId}</code>
          <CopyButton id={list.ownerId} what="user" onCopy={(id) => void copy(id, t('copiedUserId', id))} t={t} />
        </p>
      ) : null}
      <div class="summary-actions">
        {count > 0 ? (
          <button type="button" class="button" onClick={copyAll}>
            <CopyIcon size={14} />
            {t(COPY_ALL_LABEL[copyFormat])}
          </button>
        ) : null}
        <button
          type="button"
          class="button"
          onClick={onRefresh}
          disabled={refreshing}
          aria-busy={refreshing ? 'true' : undefined}
          title={t('refreshTitle')}
        >
          <RefreshIcon size={14} />
          {t(refreshing ? 'refreshing' : 'refresh')} <span class="cost">{t('refreshCost')}</span>
        </button>
      </div>
      {collection}
      {cacheNotice}
      {refreshProblem ? (
        <div class="refresh-problem" role="alert" data-testid="refresh-error">
          <strong>{t('refreshFailed', refreshProblem.title)}</strong> {t(refreshProblem.detail)} {t('refreshEarlierList')}
        </div>
      ) : null}
    </div>
  );

  if (count === 0) {
    return (
      <section class="results results-empty" aria-label={t('highlightsOf', list.handle)}>
        <p class="empty-message" data-testid="empty-message">
          {t('noHighlights', list.handle)}
        </p>
        {summary}
      </section>
    );
  }

  return (
    <section class="results" aria-label={t('highlightsOf', list.handle)}>
      {summary}
      <CopyStatus notice={notice} />
      <HighlightList highlights={list.highlights} label={countText} onCopy={copyOne} t={t} />
    </section>
  );
}
