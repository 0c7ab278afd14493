import { Component, createRef } from 'preact';
import type { Highlight } from '@/utils/highlights/highlight';
import type { Translate } from '@/utils/i18n';
import { HighlightRow, ROW_KEYS_HINT_ID, type Cover } from './HighlightRow';
import { afterPaint, lazyModule } from '../on-demand/lazy-module';
import type { Growth } from '../on-demand/list-growth';

/**
 * More rows than the popup shows at once (8 whole rows at 600 px), so that
 * the first paint fills the list with two pages of scrolling to spare. Not
 * more: the first render is one task, and with 40 rows it was the longest of
 * a 5,000-highlight opening on a busy machine (66 ms in 1 run of 15).
 */
export const FIRST_ROWS = 24;

/** How a longer list grows after its first paint (on-demand/list-growth.ts), loaded with the first such list. */
const growing = lazyModule(() => import('../on-demand/list-growth'));
/**
 * The covers (each address checked against Instagram's image hosts, or the
 * title's first letter in a tile): loaded after the list's first paint, which
 * shows blank tiles. An image is never ready for that paint anyway.
 */
export const covers = lazyModule(() => import('./Thumbnail'));

interface Props {
  highlights: readonly Highlight[];
  label: string;
  onCopy: (id: string) => void;
  onMore: (id: string, row: HTMLElement) => void;
  t: Translate;
}

/** Rows a Page Up / Page Down jumps. */
const PAGE_ROWS = 8;

/**
 * Rows whose covers are shown from the start. Further down, a row gets its
 * cover once the list is scrolled to within this many rows of it. A cover
 * (an <img>, lazily loaded) costs the popup far more than the rest of its
 * row, when it is rendered and in every frame after; thousands of them far
 * below the visible part would make every rendering step long.
 */
export const COVERS_AHEAD = 40;
/** A row's height in the list (.row in popup.css), for a chunk not yet laid out. */
const ROW_HEIGHT = 52;

interface State {
  /** Where each step's rows end: the last is the number of rows in the page. */
  stepEnds: number[];
  /** Rows, from the top, that show their cover. */
  covered: number;
  /** What draws a cover, once loaded. */
  Cover: Cover | null;
}

const initialState = (highlights: readonly Highlight[]) => ({
  stepEnds: [Math.min(highlights.length, FIRST_ROWS)],
  covered: COVERS_AHEAD,
});

/**
 * The highlight rows. A long list is rendered in steps: the visible rows
 * first, the rest in idle moments. Each step adds as many rows as fit in a
 * short task, judged by how long the last step took (row-steps.ts), so that
 * no single task blocks the popup, on a fast machine or a loaded one. Every
 * row ends up in the page, for find-in-page and the keyboard, and screen
 * readers hear the full count from the start (aria-setsize). Each step's
 * rows form one chunk (RowChunk below) that renders once. The list re-renders
 * only when its own props change, not for a copy notice or the Refresh
 * button's state.
 *
 * The list is one tab stop (roving focus): Tab reaches the row in focus,
 * arrow keys, Page Up/Down, Home and End move, Enter copies the row's ID,
 * Shift+F10 or the menu key opens its other actions.
 */
export class HighlightList extends Component<Props, State> {
  override state: State = { ...initialState(this.props.highlights), Cover: covers.now()?.Thumbnail ?? null };
  readonly list = createRef<HTMLDivElement>();
  /**
   * When the step being built began (0 while none is), and how many rows it
   * adds. The first step begins when this component is created.
   */
  stepAt = performance.now();
  stepRows = this.state.stepEnds[0]!;
  /** Once loaded, for a list longer than FIRST_ROWS. */
  private growth: Growth | null = null;
  /** End was pressed while rows were still to come: the last row takes the focus once they are in. */
  private focusLast = false;

  override shouldComponentUpdate(next: Props, nextState: State): boolean {
    const { highlights, label, onCopy, onMore, t } = this.props;
    return (
      next.highlights !== highlights ||
      next.label !== label ||
      next.onCopy !== onCopy ||
      next.onMore !== onMore ||
      next.t !== t ||
      nextState.stepEnds !== this.state.stepEnds ||
      nextState.covered !== this.state.covered ||
      nextState.Cover !== this.state.Cover
    );
  }

  override componentDidMount(): void {
    if (!this.state.Cover) afterPaint(() => void covers.get().then(({ Thumbnail }) => this.setState({ Cover: Thumbnail }), () => undefined));
    this.grow();
  }

  override componentDidUpdate(previous: Props, previousState: State): void {
    if (previous.highlights !== this.props.highlights) {
      this.growth?.restart();
      this.stepAt = 0;
      this.focusLast = false;
      this.setState(initialState(this.props.highlights));
    } else if (previousState.stepEnds !== this.state.stepEnds) {
      this.growth?.measured();
      if (this.focusLast && this.state.stepEnds.at(-1)! >= this.props.highlights.length) {
        this.focusLast = false;
        const rows = this.list.current?.querySelectorAll<HTMLElement>('.row');
        rows?.[rows.length - 1]?.focus();
      }
    }
    this.grow();
  }

  override componentWillUnmount(): void {
    this.growth?.stop();
  }

  /** A list with rows not yet in the page: its growth goes on (its code loaded first, once). */
  private grow(): void {
    if (this.state.stepEnds.at(-1)! >= this.props.highlights.length) return;
    if (this.growth) return this.growth.schedule();
    growing.get().then(
      ({ createGrowth }) => {
        this.growth ??= createGrowth(this, COVERS_AHEAD, FIRST_ROWS);
        this.growth.measured();
        this.growth.schedule();
      },
      () => undefined,
    );
  }

  /** The row in focus becomes the list's tab stop; set on the DOM, so moving re-renders no row. */
  private onFocusIn = (event: FocusEvent) => {
    const row = event.target as HTMLElement;
    if (!row.matches('.row')) return;
    for (const other of (event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('.row[tabindex="0"]')) {
      if (other !== row) other.tabIndex = -1;
    }
    row.tabIndex = 0;
  };

  private onKeyDown = (event: KeyboardEvent) => {
    const row = event.target as HTMLElement;
    if (!row.matches('.row')) return;
    const rows = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('.row')];
    const at = rows.indexOf(row);
    const go = (to: number) => rows[Math.max(0, Math.min(rows.length - 1, to))]?.focus();
    const id = row.dataset.id ?? '';
    const moves: Record<string, () => void> = {
      ArrowDown: () => go(at + 1),
      ArrowUp: () => go(at - 1),
      PageDown: () => go(at + PAGE_ROWS),
      PageUp: () => go(at - PAGE_ROWS),
      Home: () => go(0),
      // The last highlight, not the last row in the page so far: a long list still growing gets its other rows now.
      End: () => {
        const { stepEnds } = this.state;
        if (stepEnds.at(-1)! >= this.props.highlights.length) return go(rows.length - 1);
        this.focusLast = true;
        this.setState({ stepEnds: [...stepEnds, this.props.highlights.length] });
      },
      Enter: () => this.props.onCopy(id),
      ContextMenu: () => this.props.onMore(id, row),
    };
    const action = event.key === 'F10' && event.shiftKey ? () => this.props.onMore(id, row) : moves[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  private onScroll = (): void => this.growth?.onScroll();

  render() {
    const { highlights, label, onCopy, onMore, t } = this.props;
    const { covered, stepEnds, Cover } = this.state;
    // A new, shorter list (a filter) renders before componentDidUpdate starts its steps over.
    const shown = Math.min(stepEnds.at(-1)!, highlights.length);
    const chunks = [];
    let from = 0;
    for (const end of stepEnds) {
      const to = Math.min(shown, end);
      if (to <= from) break;
      // Clamped to the chunk, so that a chunk wholly above or below the covered rows does not re-render.
      const coveredTo = Math.min(Math.max(covered, from), to);
      chunks.push(
        <RowChunk key={from} highlights={highlights} from={from} to={to} coveredTo={coveredTo} Cover={Cover} onCopy={onCopy} onMore={onMore} t={t} />,
      );
      from = to;
    }
    return (
      <>
        <div
          class="highlights"
          role="list"
          aria-label={label}
          data-rendered={shown === highlights.length ? 'all' : 'partial'}
          onFocusIn={this.onFocusIn}
          onKeyDown={this.onKeyDown}
          onScroll={this.onScroll}
          ref={this.list}
        >
          {chunks}
        </div>
        <p id={ROW_KEYS_HINT_ID} hidden>
          {t('rowKeysHint')}
        </p>
      </>
    );
  }
}

interface ChunkProps {
  highlights: readonly Highlight[];
  from: number;
  to: number;
  /** Rows before this index show their cover; the others a blank tile until scrolled near. */
  coveredTo: number;
  Cover: Cover | null;
  onCopy: (id: string) => void;
  onMore: (id: string, row: HTMLElement) => void;
  t: Translate;
}

/** A chunk of rows (one rendering step) that renders once: adding the next chunk leaves the ones before untouched. */
class RowChunk extends Component<ChunkProps> {
  override shouldComponentUpdate(next: ChunkProps): boolean {
    const { highlights, from, to, coveredTo, Cover, onCopy, onMore, t } = this.props;
    return (
      next.highlights !== highlights ||
      next.from !== from ||
      next.to !== to ||
      next.coveredTo !== coveredTo ||
      next.Cover !== Cover ||
      next.onCopy !== onCopy ||
      next.onMore !== onMore ||
      next.t !== t
    );
  }

  render() {
    const { highlights, from, to, coveredTo, Cover, onCopy, onMore, t } = this.props;
    const total = highlights.length;
    const rows = [];
    for (let index = from; index < to; index++) {
      const highlight = highlights[index]!;
      // IDs should be unique, but the index keeps keys unique if the API repeats one.
      rows.push(
        <HighlightRow
          key={`${index}:${highlight.id}`}
          highlight={highlight}
          position={index + 1}
          total={total}
          Cover={index < coveredTo ? Cover : null}
          onCopy={onCopy}
          onMore={onMore}
          t={t}
        />,
      );
    }
    // The chunk gets a box of its own (div.run), so that the browser lays out and checks
    // visibility once per chunk rather than once per row; without it, every step took
    // time in proportion to the rows already in the list. A plain div is no part of the
    // list for assistive technology, so the rows stay the list's items (an <li> there
    // with role="none" inside a <ul> was what axe-core found wrong). The intrinsic size
    // holds the chunk's place until it is first shown.
    return (
      <div class="run" style={{ containIntrinsicSize: `auto ${(to - from) * ROW_HEIGHT}px` }}>
        {rows}
      </div>
    );
  }
}
