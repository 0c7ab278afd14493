import type { ComponentChildren } from 'preact';
import { useCallback, useMemo, useState } from 'preact/hooks';
import type { ErrorExplanation } from '@/utils/errors/error-action';
import type { HighlightList as HighlightListData } from '@/utils/highlights/highlight';
import { FILTER_FROM } from '@/utils/highlights/highlight-filter';
import { plural, type MessageKey, type Translate } from '@/utils/i18n';
import { exportHighlights } from '@/utils/highlights/id-export';
import type { Send } from '@/utils/protocol';
import type { CopyFormat } from '@/utils/settings';
import { CopyButton } from './CopyButton';
import { CopyStatus, useCopy } from './CopyStatus';
import { FetchedAgo } from './FetchedAgo';
import { FileActions } from './FileActions';
import { HighlightList } from './HighlightList';
import { Thumbnail } from './Thumbnail';
import { CopyIcon, RefreshIcon } from '@/components/icons';
import { lazyModule } from '../on-demand/lazy-module';
import type { RowMenuTarget } from '../on-demand/RowMenu';

/** A row's menu of more actions, loaded when one is first opened. */
const rowMenu = lazyModule(() => import('../on-demand/RowMenu'));
/** A highlight's stories, loaded when first opened from a row's menu. */
const storiesView = lazyModule(() => import('../stories/StoriesView'));
/** The filter, loaded with the first list long enough to offer it. */
const filtering = lazyModule(() => import('../on-demand/HighlightFilter'));

interface Props {
  list: HighlightListData;
  fromCache: boolean;
  /** Where the answer is kept, and how to make room when that is not the cache. */
  cacheNotice: ComponentChildren;
  /** "Add to collection" and the way to the collection. */
  collection: ComponentChildren;
  onRefresh: () => void;
  refreshing: boolean;
  /** Why the last Refresh failed; the list shown is the earlier one. */
  refreshProblem: ErrorExplanation | null;
  copyFormat: CopyFormat;
  /** For a highlight's stories; without it the rows offer none. */
  send?: Send<'highlight-stories'>;
  t: Translate;
}

const COPY_ALL_LABEL: Record<CopyFormat, MessageKey> = {
  lines: 'copyAllLines',
  csv: 'copyAllCsv',
  json: 'copyAllJson',
};

/**
 * Summary line, actions (copy all, refresh, files, collection), a filter for
 * long lists, and the rows; or the empty message. What is copied or saved is
 * what the filter shows.
 */
export function HighlightsView(props: Props) {
  const { list, fromCache, cacheNotice, collection, onRefresh, refreshing, refreshProblem, copyFormat, send, t } = props;
  const [storiesOf, setStoriesOf] = useState<RowMenuTarget | null>(null);
  const storiesCode = storiesView.use(storiesOf !== null);
  const { notice, copy } = useCopy(t);
  const [query, setQuery] = useState('');
  const [menu, setMenu] = useState<RowMenuTarget | null>(null);
  const menuCode = rowMenu.use(menu !== null);
  const total = list.highlights.length;
  const filter = filtering.use(total > FILTER_FROM);
  // A query can only have been typed once the filter is there.
  const shown = useMemo(() => (filter ? filter.filterHighlights(list.highlights, query) : list.highlights), [list, query, filter]);
  const count = shown.length;
  // Stable, so that the rows do not re-render for a copy notice or a menu.
  const copyOne = useCallback((id: string) => void copy(id, t('copied', id)), [copy, t]);
  const openMenu = useCallback((id: string, row: HTMLElement) => setMenu({ id, row }), []);
  const copied = copyFormat === 'lines' ? plural('copiedIds', count) : plural('copiedHighlightsAs', count, copyFormat.toUpperCase());
  const copyAll = () => void copy(exportHighlights(shown, copyFormat), t(copied));
  const shownList = useMemo(() => ({ ...list, highlights: [...shown] }), [list, shown]);

  const summary = (
    <div class="summary">
      <p class="summary-text">
        {total > 0 ? <strong data-testid="highlight-count">{t(plural('highlightCount', total))}</strong> : null}
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
        {total > 0 ? (
          <button type="button" class="button" onClick={copyAll} disabled={count === 0}>
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
      {total > 0 ? <FileActions list={shownList} t={t} /> : null}
      {collection}
      {cacheNotice}
      {refreshProblem ? (
        <div class="refresh-problem" role="alert" data-testid="refresh-error">
          <strong>{t('refreshFailed', refreshProblem.title)}</strong> {t(refreshProblem.detail)} {t('refreshEarlierList')}
        </div>
      ) : null}
      {total > FILTER_FROM && filter ? <filter.HighlightFilter query={query} onQuery={setQuery} count={count} total={total} t={t} /> : null}
    </div>
  );

  if (total === 0) {
    return (
      <section class="results results-empty" aria-label={t('highlightsOf', list.handle)}>
        <p class="empty-message" data-testid="empty-message">
          {t('noHighlights', list.handle)}
        </p>
        {summary}
      </section>
    );
  }

  const stories =
    send && storiesCode && storiesOf ? (
      <storiesCode.StoriesView target={storiesOf} list={list} parts={{ Thumbnail, CopyStatus, useCopy }} send={send} onClose={() => setStoriesOf(null)} t={t} />
    ) : null;

  return (
    <>
    {stories}
    <section class="results" aria-label={t('highlightsOf', list.handle)} hidden={stories !== null}>
      {summary}
      <CopyStatus notice={notice} />
      <div class="list-area">
        <HighlightList highlights={shown} label={t(plural('highlightCount', count))} onCopy={copyOne} onMore={openMenu} t={t} />
        {menu && menuCode ? (
          <menuCode.RowMenu
            target={menu}
            onCopy={(text, done) => void copy(text, done)}
            onClose={() => setMenu(null)}
            onStories={send && (() => setStoriesOf(menu))}
            t={t}
          />
        ) : null}
      </div>
    </section>
    </>
  );
}
