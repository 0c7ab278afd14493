import type { ComponentChildren } from 'preact';
import { useCallback } from 'preact/hooks';
import type { ErrorExplanation } from '@/utils/error-explanation';
import type { HighlightList as HighlightListData } from '@/utils/highlight';
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
  onRefresh: () => void;
  refreshing: boolean;
  /** Why the last Refresh failed; the list shown is the older one. */
  refreshProblem: ErrorExplanation | null;
  copyFormat: CopyFormat;
}

const COPY_ALL_LABEL: Record<CopyFormat, string> = {
  lines: 'Copy all IDs',
  csv: 'Copy all as CSV',
  json: 'Copy all as JSON',
};

function countText(n: number): string {
  return `${n} ${n === 1 ? 'highlight' : 'highlights'}`;
}

/** Summary line, bulk actions and the rows; or the empty message. */
export function HighlightsView({ list, fromCache, cacheNotice, onRefresh, refreshing, refreshProblem, copyFormat }: Props) {
  const { notice, copy } = useCopy();
  const count = list.highlights.length;
  // Stable, so that the rows do not re-render for a copy notice.
  const copyOne = useCallback((id: string) => void copy(id, `Copied ${id}`), [copy]);
  const copied = copyFormat === 'lines' ? `${count} ${count === 1 ? 'ID' : 'IDs'}` : `${countText(count)} as ${copyFormat.toUpperCase()}`;
  const copyAll = () => void copy(exportHighlights(list.highlights, copyFormat), `Copied ${copied}`);

  const summary = (
    <div class="summary">
      <p class="summary-text">
        {count > 0 ? <strong data-testid="highlight-count">{countText(count)}</strong> : null}
        <FetchedAgo fetchedAt={list.fetchedAt} fromCache={fromCache} />
      </p>
      {list.ownerId ? (
        // The profile's numeric id: SociaVault answers faster by user_id than by handle.
        <p class="owner-id" data-testid="owner-id">
          User ID <code class="row-id">{list.ownerId}</code>
          <CopyButton id={list.ownerId} what="user ID" onCopy={(id) => void copy(id, `Copied user ID ${id}`)} />
        </p>
      ) : null}
      <div class="summary-actions">
        {count > 0 ? (
          <button type="button" class="button" onClick={copyAll}>
            <CopyIcon size={14} />
            {COPY_ALL_LABEL[copyFormat]}
          </button>
        ) : null}
        <button
          type="button"
          class="button"
          onClick={onRefresh}
          disabled={refreshing}
          aria-busy={refreshing ? 'true' : undefined}
          title="Ask SociaVault again now. This uses 1 credit."
        >
          <RefreshIcon size={14} />
          {refreshing ? 'Refreshing…' : 'Refresh'} <span class="cost">uses 1 credit</span>
        </button>
      </div>
      {cacheNotice}
      {refreshProblem ? (
        <div class="refresh-problem" role="alert" data-testid="refresh-error">
          <strong>Refresh failed: {refreshProblem.title}.</strong> {refreshProblem.detail} The list below is the
          earlier answer.
        </div>
      ) : null}
    </div>
  );

  if (count === 0) {
    return (
      <section class="results results-empty" aria-label={`Highlights of @${list.handle}`}>
        <p class="empty-message" data-testid="empty-message">
          {`@${list.handle} has no highlights`}
        </p>
        {summary}
      </section>
    );
  }

  return (
    <section class="results" aria-label={`Highlights of @${list.handle}`}>
      {summary}
      <CopyStatus notice={notice} />
      <HighlightList highlights={list.highlights} label={countText(count)} onCopy={copyOne} />
    </section>
  );
}
