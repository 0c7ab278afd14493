import { useEffect, useReducer, useRef } from 'preact/hooks';
import { CollectionPicker, type PickerPanel } from './components/CollectionPicker';
import { PasteBox } from './components/PasteBox';
import { ResultFiles } from './components/ResultFiles';
import { RunProgress } from './components/RunProgress';
import { ProfileTable } from './components/ProfileTable';
import { DEFAULT_COLLECTION_ID } from '@/utils/collections/run-record';
import { parsePastedList } from '@/utils/collections/collection-input';
import { createExportWriter, exportFileName, exportFileType, type FileFormat } from '@/utils/highlights/export-files';
import type { HighlightList } from '@/utils/highlights/highlight';
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
  /** Calls back when a collection changed in storage; returns how to stop. */
  watchCollections: (onChange: () => void) => () => void;
  openOptions: () => void;
  saveFile: (name: string, blob: Blob) => void;
  writeClipboard: (text: string) => Promise<void>;
  now?: () => number;
}

/** While a run goes on, the page asks how it stands this often (which also keeps the background awake). */
export const POLL_MS = 1000;
/** A change in storage is followed after this long, so that a burst of changes makes one request. */
const CHANGE_DELAY_MS = 300;
/** Answers asked for at a time for the files (the most a `collection-results` message may ask for). */
const RESULTS_PAGE = 200;

/** The collection page: renders its state, sends what the user asks for, and keeps the run on screen current. */
export function App({ t, send, initialId, onSelected, watchCollections, openOptions, saveFile, writeClipboard, now = Date.now }: AppProps) {
  const [state, dispatch] = useReducer(pageReducer, initialId, initialPageState);
  const selected = useRef(state.selected);
  selected.current = state.selected;

  // At most one refresh of the view at a time; any refreshes asked for meanwhile become one more afterwards.
  const refreshing = useRef(false);
  const again = useRef(false);
  const timer = useRef<number | null>(null);

  async function refresh(): Promise<void> {
    if (refreshing.current) {
      again.current = true;
      return;
    }
    refreshing.current = true;
    const id = selected.current;
    try {
      const [{ collections }, view] = await Promise.all([send('collections', {}), send('collection', { id })]);
      dispatch({ type: 'collections-loaded', collections });
      dispatch({ type: 'view-loaded', view, id, at: now() });
    } catch {
      dispatch({ type: 'unreachable' });
    } finally {
      refreshing.current = false;
    }
    if (again.current) {
      again.current = false;
      void refresh();
    }
  }

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

  useEffect(() => watchCollections(() => refreshSoon()), []);

  // While running: every second, for the time left and the cached column, and to wake a stopped background.
  const running = isRunning(state);
  useEffect(() => {
    if (!running) return;
    const poll = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(poll);
  }, [running, state.selected]);

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

  async function add(pasted: string): Promise<boolean> {
    let emptied = false;
    await act(async () => {
      const paste = parsePastedList(pasted);
      if (paste.handles.length + paste.duplicates.length + paste.refused.length === 0) {
        say('error', text('collectionPasteEmpty'));
        return;
      }
      const result = paste.handles.length > 0 ? await send('collection-add', { id, handles: paste.handles }) : { added: 0, overLimit: 0 };
      dispatch({ type: 'pasted', paste, added: result.added, overLimit: result.overLimit });
      emptied = true;
      await refresh();
    });
    return emptied;
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

  /** Every answer of the run, a page at a time, handed to `take` and not kept here. */
  async function eachAnswer(take: (lists: HighlightList[]) => void): Promise<void> {
    let total = Infinity;
    for (let offset = 0; offset < total; offset += RESULTS_PAGE) {
      const page = await send('collection-results', { id, offset, limit: RESULTS_PAGE });
      total = page.total;
      take(page.lists);
    }
  }

  const download = (format: FileFormat) =>
    act(async () => {
      say('info', text('collectionPreparing'));
      const writer = createExportWriter(format);
      // A Blob per page of answers: its text goes to the browser's blob storage at once
      // and the page's strings can be collected, so the page never holds the whole file.
      const parts: Blob[] = [];
      await eachAnswer((lists) => parts.push(new Blob(writer.add(lists))));
      parts.push(new Blob(writer.end()));
      const file = exportFileName(name, format, new Date(now()));
      saveFile(file, new Blob(parts, { type: exportFileType(format) }));
      say('success', text('collectionSaved', file));
    });

  const copyIds = () =>
    act(async () => {
      say('info', text('collectionPreparing'));
      const ids: string[] = [];
      await eachAnswer((lists) => lists.forEach((list) => list.highlights.forEach((highlight) => ids.push(highlight.id))));
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
        say('success', text('collectionCleared', name));
        await refresh();
      }
    });

  const remove = (handle: Handle) =>
    act(async () => {
      await send('collection-remove', { id, handles: [handle] });
      await refresh();
    });

  const pickerPanel: PickerPanel = state.panel === 'clear' ? null : state.panel;
  return (
    <main class="collection-page" data-phase={view?.run.phase ?? 'loading'} data-collection={id} aria-busy={view ? undefined : 'true'}>
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
      {/* Outcomes of what the user did: calm ones read politely, failures at once. */}
      <div class="notices">
        <p role="status" data-testid="collection-notice">
          {state.notice && state.notice.tone !== 'error' ? <span class={`message message-${state.notice.tone}`}>{t(state.notice.text)}</span> : null}
        </p>
        <p role="alert" data-testid="collection-error">
          {state.notice?.tone === 'error' ? <span class="message message-error">{t(state.notice.text)}</span> : null}
          {state.unreachable && state.notice?.tone !== 'error' ? <span class="message message-error">{t('backgroundNoAnswer')}</span> : null}
        </p>
      </div>
      <PasteBox report={state.paste} busy={state.busy} onAdd={add} t={t} />
      {view ? (
        <>
          <RunProgress
            run={view.run}
            estimate={state.estimate}
            invalid={state.paste?.refused.length ?? 0}
            pace={state.pace}
            seenAt={state.seenAt}
            busy={state.busy}
            onEstimate={(confirm) => void estimate(confirm)}
            onCloseEstimate={() => dispatch({ type: 'estimate-closed' })}
            onControl={(action) => void control(action)}
            onOpenOptions={openOptions}
            t={t}
          />
          <ResultFiles run={view.run} busy={state.busy} onDownload={(format) => void download(format)} onCopyIds={() => void copyIds()} t={t} />
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
