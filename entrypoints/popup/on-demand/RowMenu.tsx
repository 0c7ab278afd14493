import { Component, createRef } from 'preact';
import { detailCurl, highlightRef, highlightStoryUrl } from '@/utils/highlights/highlight-links';
import type { Translate } from '@/utils/i18n';
import { storiesCached } from '../stories/stories-cached';
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

interface State {
  /** Whether the highlight's stories are cached and fresh (*Stories* is then free); null until known. */
  storiesFree: boolean | null;
}

/**
 * More actions for one highlight: copy it as `highlight:<id>`, copy a ready
 * request for its stories, open it on Instagram. One menu for the whole list,
 * placed under the row it was opened from; arrow keys move, Escape closes.
 */
export class RowMenu extends Component<Props, State> {
  override state: State = { storiesFree: null };
  private menu = createRef<HTMLDivElement>();

  override componentDidMount(): void {
    this.focusFirst();
    this.checkStories();
  }

  override componentDidUpdate(previous: Props): void {
    if (previous.target.id === this.props.target.id) return;
    this.focusFirst();
    this.checkStories();
  }

  private checkStories(): void {
    const { id } = this.props.target;
    this.setState({ storiesFree: null });
    // Unknown counts as not cached: the label keeps the cost, which only ever over-states it.
    const settle = (free: boolean) => {
      if (this.props.target.id === id) this.setState({ storiesFree: free });
    };
    storiesCached(id).then(settle, () => settle(false));
  }

  private focusFirst(): void {
    this.menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }

  private close(returnFocus: boolean): void {
    this.props.onClose();
    if (returnFocus) this.props.target.row.focus();
  }

  private onKeyDown = (event: KeyboardEvent) => {
    const items = [...(this.menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
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
      this.close(true);
    }
  };

  private choose(text: string, notice: string): void {
    this.props.onCopy(text, notice);
    this.close(true);
  }

  render({ target, onClose, onStories, t }: Props, { storiesFree }: State) {
    const { id, row } = target;
    return (
      <div
        ref={this.menu}
        class="row-menu"
        role="menu"
        aria-label={t('rowMoreLabel', id)}
        // Under the row, wherever the list has been scrolled to.
        style={{ top: `${row.offsetTop - (row.parentElement?.scrollTop ?? 0) + row.offsetHeight}px` }}
        onKeyDown={this.onKeyDown}
        onFocusOut={(event) => {
          if (!this.menu.current?.contains(event.relatedTarget as Node | null)) onClose();
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
        <button type="button" role="menuitem" tabIndex={-1} onClick={() => this.choose(highlightRef(id), t('copiedRef', id))}>
          {t('rowMenuCopyRef', id)}
        </button>
        <button type="button" role="menuitem" tabIndex={-1} onClick={() => this.choose(detailCurl(id), t('copiedCurl', id))}>
          {t('rowMenuCopyCurl')}
        </button>
        <a role="menuitem" tabIndex={-1} href={highlightStoryUrl(id)} target="_blank" rel="noopener noreferrer" onClick={() => this.close(false)}>
          {t('rowMenuOpen')}
        </a>
      </div>
    );
  }
}
