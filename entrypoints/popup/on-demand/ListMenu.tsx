import { Component, createRef } from 'preact';
import { DEFAULT_COLLECTION_ID } from '@/utils/collections/run-record';
import { exportFile, type FileFormat } from '@/utils/highlights/export-files';
import type { HighlightList } from '@/utils/highlights/highlight';
import { plural, type Translate } from '@/utils/i18n';
import type { Handle } from '@/utils/handle';
import type { PageMessage, Send } from '@/utils/protocol';
import { saveFile } from '@/components/save-file';
import { DownloadIcon } from '@/components/icons';
import { adoptStyle } from './adopt-style';
import style from './ListMenu.css?inline';

adoptStyle(style);

/** What the menu needs of the popup besides the list: the background, for the collection. */
export interface ListMenuActions {
  /** The profile shown, which Add to collection adds. */
  handle: Handle;
  send: Send<PageMessage>;
  /** Opens the collection page in a tab. */
  openCollection: () => void;
}

/** Opens the estimate for the stories of every highlight of the profile, in place of the list. */
export type OpenAllStories = () => void;

interface Props {
  id: string;
  /** The list shown (what the filter leaves): what the downloads save. */
  list: HighlightList;
  actions: ListMenuActions;
  /** All stories of the profile; without it the menu offers none. */
  onAllStories?: OpenAllStories;
  /** Closes the menu; `returnFocus`: back to the button that opened it (Escape, a chosen action). */
  onClose: (returnFocus: boolean) => void;
  t: Translate;
}

interface State {
  /** Profiles in the collection, once the background has said. */
  size: number | null;
  /** What the last "Add to collection" did. */
  added: 'added' | 'already' | 'full' | null;
  adding: boolean;
  /** A run of all this profile's stories going on or paused: how far it is. */
  storiesRun: { done: number; total: number } | null;
}

/**
 * The list's menu, loaded on first use: the downloads of the list shown, and
 * the collection (add this profile, open the collection page; its size is
 * asked for as the menu opens, not before the list paints). A panel of
 * ordinary buttons under the menu button (a disclosure): Tab and Shift+Tab
 * move through it, Escape or a click elsewhere closes it. Add to collection
 * keeps it open, to say what it did; the other actions close it.
 */
export class ListMenu extends Component<Props, State> {
  override state: State = { size: null, added: null, adding: false, storiesRun: null };
  private panel = createRef<HTMLDivElement>();

  override componentDidMount(): void {
    this.panel.current?.querySelector<HTMLElement>('button:not(:disabled)')?.focus();
    document.addEventListener('pointerdown', this.outside);
    this.props.actions.send('collections', {}).then(
      ({ collections }) => this.setState({ size: collections.find((c) => c.id === DEFAULT_COLLECTION_ID)?.size ?? 0 }),
      () => undefined,
    );
    // A run of all stories that a closed popup left going shows how far it is, here where it is opened again.
    if (this.props.onAllStories) {
      this.props.actions.send('stories-run', { of: { profile: this.props.actions.handle } }).then(({ view }) => {
        const going = view && (view.phase === 'running' || view.phase === 'paused' || view.phase === 'stopped');
        if (going) this.setState({ storiesRun: { done: view.done + view.failed, total: view.total } });
      }, () => undefined);
    }
  }

  override componentWillUnmount(): void {
    document.removeEventListener('pointerdown', this.outside);
  }

  /** A click outside the menu (and outside its own button, which toggles it) closes it. */
  private outside = (event: PointerEvent) => {
    const target = event.target as Element | null;
    if (!this.panel.current?.contains(target) && !target?.closest('.menu-button')) this.props.onClose(false);
  };

  private download(format: FileFormat): void {
    const { list, onClose } = this.props;
    const file = exportFile([list], list.handle, format);
    saveFile(file.name, new Blob([...file.chunks], { type: file.type }));
    onClose(true);
  }

  private add = () => {
    this.setState({ adding: true, added: null });
    this.props.actions.send('collection-add', { handles: [this.props.actions.handle] }).then(
      ({ added, size, overLimit }) => this.setState({ adding: false, size, added: added > 0 ? 'added' : overLimit > 0 ? 'full' : 'already' }),
      () => this.setState({ adding: false }),
    );
  };

  /** What the menu says of the collection: what the last Add did, else how many profiles it holds. */
  private said(): string {
    const { t } = this.props;
    const { added, size } = this.state;
    if (added === 'added' && size !== null) return t(plural('addedToCollection', size));
    if (added === 'already') return t('alreadyInCollection');
    if (added === 'full') return t('collectionFull');
    return size ? t(plural('inCollection', size)) : '';
  }

  render({ id, list, actions, onAllStories, onClose, t }: Props, { added, adding, storiesRun }: State) {
    return (
      <div
        ref={this.panel}
        id={id}
        class="list-menu"
        role="group"
        aria-label={t('listMenuLabel')}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          onClose(true);
        }}
      >
        {list.highlights.length === 0 ? null : (
          <>
            <button type="button" class="menu-item" onClick={() => this.download('csv')}>
              <DownloadIcon size={14} />
              {t('downloadCsv')}
            </button>
            <button type="button" class="menu-item" onClick={() => this.download('json')}>
              <DownloadIcon size={14} />
              {t('downloadJson')}
            </button>
            {onAllStories ? (
              <button
                type="button"
                class="menu-item"
                data-testid="all-stories-open"
                onClick={() => {
                  onAllStories();
                  onClose(false);
                }}
              >
                {storiesRun ? t('allStoriesMenuRunning', storiesRun.done, storiesRun.total) : t('allStoriesMenu')}
              </button>
            ) : null}
          </>
        )}
        <button type="button" class="menu-item" onClick={this.add} disabled={adding || added === 'added' || added === 'already'}>
          {t('addToCollection')}
        </button>
        <p class="menu-said" role="status" data-testid="collection-status">
          {this.said()}
        </p>
        <button
          type="button"
          class="menu-item"
          onClick={() => {
            actions.openCollection();
            onClose(false);
          }}
        >
          {t('openCollectionPage')}
        </button>
      </div>
    );
  }
}
