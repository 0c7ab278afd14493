import { useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import { CollectionPicker, type PickerPanel } from './components/CollectionPicker';
import { Notices } from './components/Notices';
import { PasteBox } from './components/PasteBox';
import { ResultFiles } from './components/ResultFiles';
import { RunOptions } from './components/RunOptions';
import { RunProgress } from './components/RunProgress';
import { StoriesSection } from './components/StoriesSection';
import { ProfileTable } from './components/ProfileTable';
import { addPaste } from './paste-slices';
import { oneReadAtATime } from './one-read-at-a-time';
import { newsBuffer } from './run-news';
import { DEFAULT_COLLECTION_ID } from '@/utils/collections/run-record';
import type { CollectionNews } from '@/utils/collections/run-storage';
import { exportFileName, type FileFormat } from '@/utils/highlights/export-files';
import { allIds, answersFile } from './result-export';
import { plural, text, type Text, type Translate } from '@/utils/i18n';
import type { Handle } from '@/utils/profile-url';
import type { PageMessage, RunAction, Send } from '@/utils/protocol';
import { initialPageState, isRunning, pageReducer } from './state';

export interface AppProps {
  t: Translate;
  send: Send<PageMessage>;
  /** The collection to show first. */
  initialId: string;
  /** Told which collection is shown, to keep the address in step. */
  onSelected: (id: string) => void;
  /** Calls back with each piece of news from the background; returns how to stop. */
  watchNews: (onNews: (news: CollectionNews) => void) => () => void;
  /** Asks the browser for the notifications permission; call it from the user's click itself. */
  askNotifications: () => Promise<boolean>;
  /** Gives the notifications permission back. */
  dropNotifications: () => Promise<void>;
  openOptions: () => void;
  saveFile: (name: string, blob: Blob) => void;
  writeClipboard: (text: string) => Promise<void>;
  now?: () => number;
}

/** A change to the list of collections, or to the cache while no run goes on, is followed after this long: a burst makes one request. */
const CHANGE_DELAY_MS = 300;

/** The collection page: renders its state, sends what the user asks for, and keeps the run on screen current. */
export function App(props: AppProps) {
  const { t, send, initialId, onSelected, watchNews, askNotifications, dropNotifications, openOptions, saveFile, writeClipboard, now = Date.now } = props;
  const [state, dispatch] = useReducer(pageReducer, initialId, initialPageState);
  const selected = useRef(state.selected);
  selected.current = state.selected;

  const timer = useRef<number | null>(null);
  // Reads the list and the view; one at a time, and an action that awaits it sees the view after it.
  const refresh = useRef(
    oneReadAtATime(async () => {
      const id = selected.current;
      try {
        const [{ collections }, view] = await Promise.all([send('collections', {}), send('collection', { id })]);
        dispatch({ type: 'collections-loaded', collections });
        dispatch({ type: 'view-loaded', view, id, at: now() });
      } catch {
        dispatch({ type: 'unreachable' });
      }
    }),
  ).current;

  function refreshSoon(delay = CHANGE_DELAY_MS): void {
    if (timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      void refresh();
    }, delay);
  }

  useEffect(() => {
    onSelected(state.selected);
    void refresh();
  }, [state.selected]);

  // No polling: the page follows the run from the background's news (run-news.ts), each carrying
  // only what changed. With nothing happening, the page does and sends nothing.
  const running = isRunning(state);
  const heard = useRef(state.view);
  heard.current = state.view;
  const news = useRef(newsBuffer((id, changes, prevRev) => {
    // News built on a change this page has not seen (a restarted worker): it asks for the whole run.
    if (heard.current?.id === id && heard.current.run.head.rev < prevRev) refreshSoon();
    else dispatch({ type: 'run-changed', id, changes, at: now() });
  }));
  useEffect(() => {
    void send('collection-settings', {}).then((settings) => dispatch({ type: 'settings-loaded', settings }), () => undefined);
    return watchNews((heardNews) => {
      if (heardNews.kind === 'run' && heardNews.id === selected.current) news.current.add(heardNews);
      if (heardNews.kind === 'settings') dispatch({ type: 'settings-loaded', settings: heardNews.settings });
      // The list of collections changed, or the cache (which profiles show as cached, when no run is going).
      if (heardNews.kind === 'listing' || (heardNews.kind === 'cache' && heard.current?.run.head.phase !== 'running')) refreshSoon();
    });
  }, []);

  // A run that ends: the page asks once more, for the profiles that show as cached.
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) refreshSoon();
    wasRunning.current = running;
  }, [running]);

  /** Runs what the user asked for, one thing at a time; if the background does not answer, the page says so. */
  async function act(work: () => Promise<void>): Promise<void> {
    dispatch({ type: 'busy', busy: true });
    dispatch({ type: 'notice', notice: null });
    try {
      await work();
    } catch {
      dispatch({ type: 'notice', notice: { tone: 'error', text: text('backgroundNoAnswer') } });
    } finally {
      dispatch({ type: 'busy', busy: false });
    }
  }
  const say = (tone: 'info' | 'success' | 'error', what: Text) => dispatch({ type: 'notice', notice: { tone, text: what } });

  const view = state.view;
  const id = state.selected;
  const name = view?.name ?? state.collections.find((c) => c.id === id)?.name ?? t('collectionDefaultName');

  /** Reads and adds a paste; resolves with what stays in the box: the lines not read and the profiles that did not fit. */
  async function add(pasted: string): Promise<string | null> {
    let kept: string | null = null;
    await act(async () => {
      const done = await addPaste(send, id, pasted);
      if (!done) return say('error', text('collectionPasteEmpty'));
      dispatch({ type: 'pasted', paste: done.paste, added: done.added, overLimit: done.left.length, linesLeft: done.linesLeft });
      kept = done.kept;
      await refresh();
    });
    return kept;
  }

  const setConcurrency = (concurrency: number) =>
    act(async () => {
      dispatch({ type: 'settings-loaded', settings: await send('collection-save-settings', { concurrency }) });
    });

  /** Called from the checkbox's change event itself: the browser asks for a permission only in answer to the user. */
  function setNotify(notify: boolean): void {
    const allowed = notify ? askNotifications() : dropNotifications().then(() => true);
    void act(async () => {
      if (notify && !(await allowed.catch(() => false))) {
        say('error', text('collectionNotifyRefused'));
        dispatch({ type: 'settings-loaded', settings: await send('collection-settings', {}) });
        return;
      }
      dispatch({ type: 'settings-loaded', settings: await send('collection-save-settings', { notify }) });
    });
  }

  const estimate = (confirm: boolean) =>
    act(async () => {
      const [shown, balance] = await Promise.all([send('collection-estimate', { id }), send('get-balance', {}).catch(() => null)]);
      dispatch({ type: 'estimated', estimate: shown, balance, confirm });
    });

  const control = (action: RunAction) =>
    act(async () => {
      const answer = await send('collection-control', { id, action });
      dispatch({ type: 'estimate-closed' });
      dispatch({ type: 'view-loaded', view: answer, id, at: now() });
    });

  const download = (format: FileFormat) =>
    act(async () => {
      say('info', text('collectionPreparing'));
      const blob = await answersFile(send, id, format);
      const file = exportFileName(name, format, new Date(now()));
      saveFile(file, blob);
      say('success', text('collectionSaved', file));
    });

  const copyIds = () =>
    act(async () => {
      say('info', text('collectionPreparing'));
      const ids = await allIds(send, id);
      try {
        await writeClipboard(ids.join('\n'));
        say('success', plural('copiedIds', ids.length));
      } catch {
        say('error', text('collectionCopyFailed'));
      }
    });

  const select = (next: string) => dispatch({ type: 'selected', id: next });

  const create = (newName: string) =>
    act(async () => {
      const created = await send('collection-create', { name: newName });
      select(created.id);
      say('success', text('collectionCreated', newName));
    });

  const rename = (newName: string) =>
    act(async () => {
      await send('collection-rename', { id, name: newName });
      dispatch({ type: 'panel', panel: null });
      say('success', text('collectionRenamed', newName));
      await refresh();
    });

  const clear = (drop: boolean) =>
    act(async () => {
      await send('collection-clear', { id, drop });
      dispatch({ type: 'panel', panel: null });
      if (drop) {
        select(DEFAULT_COLLECTION_ID);
        say('success', text('collectionDeleted', name));
        document.getElementById('collection-picker')?.focus();
      } else {
        // The view first, then the notice: "empty now" never shows beside the rows it removed.
        await refresh();
        say('success', text('collectionCleared', name));
      }
    });

  const remove = (handle: Handle) =>
    act(async () => {
      await send('collection-remove', { id, handles: [handle] });
      await refresh();
    });

  const pickerPanel: PickerPanel = state.panel === 'clear' ? null : state.panel;
  // The same element while the paste's report stands: a run's progress does not draw a long report again.
  const pasteBox = useMemo(() => <PasteBox report={state.paste} busy={state.busy} onAdd={add} t={t} />, [state.paste, state.busy, id]);
  return (
    <main class="collection-page" data-phase={view?.run.head.phase ?? 'loading'} data-collection={id} aria-busy={view ? undefined : 'true'}>
      <header class="page-header">
        <h1>{t('collectionHeading')}</h1>
        <p class="hint">{t('collectionSubtitle')}</p>
      </header>
      <CollectionPicker
        collections={state.collections}
        selected={id}
        name={name}
        panel={pickerPanel}
        busy={state.busy}
        onSelect={select}
        onPanel={(panel) => dispatch({ type: 'panel', panel })}
        onCreate={create}
        onRename={rename}
        onDelete={() => void clear(true)}
        t={t}
      />
      <Notices notice={state.notice} unreachable={state.unreachable} t={t} />
      {pasteBox}
      {view ? (
        <>
          <RunProgress
            head={view.run.head}
            estimate={state.estimate}
            invalid={state.paste?.refused.length ?? 0}
            textLines={state.paste?.textLines ?? []}
            seenAt={state.seenAt}
            busy={state.busy}
            onEstimate={(confirm) => void estimate(confirm)}
            onCloseEstimate={() => dispatch({ type: 'estimate-closed' })}
            onControl={(action) => void control(action)}
            onOpenOptions={openOptions}
            t={t}
          >
            <RunOptions settings={state.settings} busy={state.busy} onConcurrency={(n) => void setConcurrency(n)} onNotify={setNotify} t={t} />
            <StoriesSection send={send} id={id} head={view.run.head} label={name} saveFile={saveFile} t={t} />
          </RunProgress>
          <ResultFiles head={view.run.head} busy={state.busy} onDownload={(format) => void download(format)} onCopyIds={() => void copyIds()} t={t} />
          <ProfileTable
            view={view}
            name={name}
            asking={state.panel === 'clear'}
            busy={state.busy}
            onRemove={(handle) => void remove(handle)}
            onAskClear={(asking) => dispatch({ type: 'panel', panel: asking ? 'clear' : null })}
            onClear={() => void clear(false)}
            t={t}
          />
        </>
      ) : (
        <p class="hint loading" data-testid="collection-loading">
          {t('collectionLoading')}
        </p>
      )}
      {/* The run's progress for screen readers: phase changes, and every tenth of the way. */}
      <p class="visually-hidden" role="status" aria-live="polite" data-testid="collection-announcement">
        {state.announcement ? t(state.announcement) : ''}
      </p>
    </main>
  );
}
