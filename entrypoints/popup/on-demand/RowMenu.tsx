import { Component, createRef } from 'preact';
import { detailCurl, highlightRef, highlightStoryUrl } from '@/utils/highlights/highlight-links';
import type { Translate } from '@/utils/i18n';
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
  t: Translate;
}

/**
 * More actions for one highlight: copy it as `highlight:<id>`, copy a ready
 * request for its stories, open it on Instagram. One menu for the whole list,
 * placed under the row it was opened from; arrow keys move, Escape closes.
 */
export class RowMenu extends Component<Props> {
  private menu = createRef<HTMLDivElement>();

  override componentDidMount(): void {
    this.focusFirst();
  }

  override componentDidUpdate(previous: Props): void {
    if (previous.target.id !== this.props.target.id) this.focusFirst();
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

  render({ target, onClose, t }: Props) {
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
