import { Component, createRef, type ComponentChildren } from 'preact';
import type { Highlight, HighlightList as HighlightListData } from '@/utils/highlights/highlight';
import { FILTER_FROM } from '@/utils/limits';
import { plural, type MessageKey, type Translate } from '@/utils/i18n';
import type { PageMessage, Send } from '@/utils/protocol';
import type { CopyFormat } from '@/utils/settings';
import { CopyStatus, type CopyNotice } from './CopyStatus';
import { covers, HighlightList } from './HighlightList';
import { afterPaint, lazyModule } from '../on-demand/lazy-module';
import type { Copier } from '../on-demand/copying';
import type { ListMenuActions } from '../on-demand/ListMenu';
import type { RowMenuTarget } from '../on-demand/RowMenu';

/** A row's menu of more actions, loaded when one is first opened. */
const rowMenu = lazyModule(() => import('../on-demand/RowMenu'));
/** The filter, loaded with the first list long enough to offer it. */
const filtering = lazyModule(() => import('../on-demand/HighlightFilter'));
/** A highlight's stories (from a row's menu) or all of the profile's (from the list's menu), loaded when first opened. */
const storiesView = lazyModule(() => import('../stories/StoriesView'));
/** The list's menu (downloads, the collection), loaded when it is first opened. */
const listMenu = lazyModule(() => import('../on-demand/ListMenu'));
/** When the list was fetched ("fetched 3 min ago"), loaded after the list's first paint. */
const fetchedAgo = lazyModule(() => import('./FetchedAgo'));

interface Props {
  list: HighlightListData;
  fromCache: boolean;
  /** Where the answer is kept, and how to make room when that is not the cache. */
  cacheNotice: ComponentChildren;
  /** What the list's menu needs besides the list: the collection's way to the background. */
  menu: ListMenuActions;
  onRefresh: () => void;
  refreshing: boolean;
  /** Why the last Refresh failed (failure-text.tsx); the list shown is the earlier one. */
  refreshProblem: ComponentChildren;
  copyFormat: CopyFormat;
  /** Copies text and says so (on-demand/copying.ts). */
  copy: (text: string, done: string) => Promise<void>;
  /** The copying code, for Copy all. */
  copying: () => Promise<Copier>;
  notice: CopyNotice | null;
  /** For stories (a highlight's, all of the profile's); without it the rows and the menu offer none. */
  send?: Send<PageMessage>;
  t: Translate;
}

const COPY_ALL_LABEL: Record<CopyFormat, MessageKey> = {
  lines: 'copyAllLines',
  csv: 'copyAllCsv',
  json: 'copyAllJson',
};

/** The id of the list menu's panel, for its button's aria-controls. */
const MENU_ID = 'list-menu';

type Filtering = typeof import('../on-demand/HighlightFilter');

interface State {
  /** What the filter of a long list holds. */
  query: string;
  /** The row whose menu is open. */
  rowTarget: RowMenuTarget | null;
  /** Whether the list's menu is open. */
  menuOpen: boolean;
  /** The highlight whose stories are shown in place of the list, or 'all' of the profile's. */
  storiesOf: RowMenuTarget | 'all' | null;
}

/**
 * List first: one line of what the list is (count, when fetched) with the
 * menu of the rest (downloads, the collection; loaded on first use), one line
 * of actions (Copy all, Refresh with its cost), then the rows; or the empty
 * message. What is copied or saved is what the filter shows.
 */
export class HighlightsView extends Component<Props, State> {
  override state: State = { query: '', rowTarget: null, menuOpen: false, storiesOf: null };
  private menuButton = createRef<HTMLButtonElement>();
  /** The rows the filter leaves, worked out again only when the list, the query or the filter changes. */
  private filtered: { from: readonly Highlight[]; query: string; filter: unknown; shown: HighlightListData } | null = null;
  private arrived = () => this.forceUpdate();
  // Stable, so that the rows do not re-render for a copy notice or a menu.
  private copyOne = (id: string) => void this.props.copy(id, this.props.t('copied', id));
  private openRowMenu = (id: string, row: HTMLElement) => this.setState({ rowTarget: { id, row } });
  private setQuery = (query: string) => this.setState({ query });

  private shownList(filter: Filtering | null): HighlightListData {
    const { list } = this.props;
    const { query } = this.state;
    const known = this.filtered;
    if (known && known.from === list.highlights && known.query === query && known.filter === filter) return known.shown;
    // A query can only have been typed once the filter is there. An empty one leaves the list as it is: the
    // same array, so that the filter's arrival does not start a long list's rows over.
    const highlights = filter ? filter.filterHighlights(list.highlights, query) : list.highlights;
    const shown = highlights === list.highlights ? list : { ...list, highlights: [...highlights] };
    this.filtered = { from: list.highlights, query, filter, shown };
    return shown;
  }

  override componentDidMount(): void {
    if (!fetchedAgo.now()) afterPaint(() => void fetchedAgo.get().then(this.arrived, () => undefined));
  }

  private allStories = () => this.setState({ storiesOf: 'all', menuOpen: false });

  private toggleMenu = () => {
    this.setState({ menuOpen: !this.state.menuOpen });
  };

  private closeMenu = (returnFocus: boolean) => {
    this.setState({ menuOpen: false });
    if (returnFocus) this.menuButton.current?.focus();
  };

  render() {
    const { list, fromCache, cacheNotice, menu, onRefresh, refreshing, refreshProblem, copyFormat, copy, copying, notice, send, t } = this.props;
    const { query, rowTarget, menuOpen, storiesOf } = this.state;
    const total = list.highlights.length;
    const filter = total > FILTER_FROM ? filtering.need(this.arrived) : null;
    const rowMenuCode = rowTarget ? rowMenu.need(this.arrived) : null;
    const listMenuCode = menuOpen ? listMenu.need(this.arrived) : null;
    const storiesCode = storiesOf ? storiesView.need(this.arrived) : null;
    const coverCode = storiesOf ? covers.need(this.arrived) : null;
    const ago = fetchedAgo.now();
    const shownList = this.shownList(filter);
    const shown = shownList.highlights;
    const count = shown.length;
    const copied = copyFormat === 'lines' ? plural('copiedIds', count) : plural('copiedHighlightsAs', count, copyFormat.toUpperCase());
    const copyAll = () => void copying().then((copier) => copier.copyAll(shown, copyFormat, t(copied)));

    const summary = (
      <div class="summary">
        <div class="summary-head">
          <p class="summary-text">
            {total > 0 ? <strong data-testid="highlight-count">{t(plural('highlightCount', total))}</strong> : null}
            {ago ? <ago.FetchedAgo key={list.fetchedAt} fetchedAt={list.fetchedAt} fromCache={fromCache} t={t} /> : null}
          </p>
          <div class="menu-anchor">
            <button
              ref={this.menuButton}
              type="button"
              class="icon-button menu-button"
              aria-label={t('listMenuLabel')}
              title={t('listMenuLabel')}
              aria-expanded={menuOpen ? 'true' : 'false'}
              aria-controls={menuOpen ? MENU_ID : undefined}
              onClick={this.toggleMenu}
            >
              <span class="icon-more" aria-hidden="true" />
            </button>
            {listMenuCode ? <listMenuCode.ListMenu id={MENU_ID} list={shownList} actions={menu} onAllStories={send && this.allStories} onClose={this.closeMenu} t={t} /> : null}
          </div>
        </div>
        <div class="summary-actions">
          {total > 0 ? (
            <button type="button" class="button" onClick={copyAll} disabled={count === 0}>
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
            {t(refreshing ? 'refreshing' : 'refresh')} <span class="cost">{t('refreshCost')}</span>
          </button>
        </div>
        {cacheNotice}
        {refreshProblem}
        {filter ? <filter.HighlightFilter query={query} onQuery={this.setQuery} count={count} total={total} t={t} /> : null}
      </div>
    );

    if (total === 0) {
      return (
        <section class="results results-empty" aria-label={t('highlightsOf', list.handle)}>
          <p class="empty-message" data-testid="empty-message">
            {t('noHighlights', list.handle)}
          </p>
          {summary}
          <CopyStatus notice={notice} />
        </section>
      );
    }

    const stories =
      send && storiesOf && storiesCode && coverCode ? (
        <storiesCode.StoriesView
          target={storiesOf}
          list={list}
          parts={{ Thumbnail: coverCode.Thumbnail, CopyStatus }}
          copy={copy}
          notice={notice}
          send={send}
          onClose={() => this.setState({ storiesOf: null })}
          t={t}
        />
      ) : null;

    return (
      <>
        {stories}
        <section class="results" aria-label={t('highlightsOf', list.handle)} hidden={stories !== null}>
          {summary}
          <CopyStatus notice={notice} />
          <div class="list-area">
            <HighlightList highlights={shown} label={t(plural('highlightCount', count))} onCopy={this.copyOne} onMore={this.openRowMenu} t={t} />
            {rowTarget && rowMenuCode ? (
              <rowMenuCode.RowMenu
                target={rowTarget}
                onCopy={(text, done) => void copy(text, done)}
                onClose={() => this.setState({ rowTarget: null })}
                onStories={send && ((id) => this.setState({ storiesOf: id === rowTarget.id ? rowTarget : null }))}
                t={t}
              />
            ) : null}
          </div>
        </section>
      </>
    );
  }
}
