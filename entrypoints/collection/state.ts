/**
 * The collection page as a pure reducer: `(state, event) → state`. The page
 * sends messages and feeds their answers in as events; what it shows follows
 * from the state alone.
 */
import { DEFAULT_COLLECTION_ID, progressOf, type CollectionView, type Estimate, type RunPhase, type RunSettings } from '@/utils/collections/run-record';
import type { ParsedPaste } from '@/utils/collections/collection-input';
import { applyStoredChanges, newerRun } from '@/utils/collections/run-storage';
import { stopText } from '@/utils/collections/run-text';
import { plural, text, type Text } from '@/utils/i18n';
import type { BalanceAnswer, CollectionSummary } from '@/utils/protocol';

/**
 * What the last paste did: what went in, what was there already, what did
 * not fit, what was refused, which lines were read as text, and how many
 * lines were left unread (they stay in the box).
 */
export interface PasteReport {
  added: number;
  alreadyIn: number;
  overLimit: number;
  duplicates: ParsedPaste['duplicates'];
  refused: ParsedPaste['refused'];
  textLines: ParsedPaste['textLines'];
  linesRead: number;
  /** Lines after the ones read: they stay in the box. */
  linesLeft: number;
}

/** The estimate on screen; `confirm`: shown by Start, with the button that starts the run. */
export interface ShownEstimate {
  estimate: Estimate;
  balance: BalanceAnswer | null;
  confirm: boolean;
}

/**
 * The small form or question open above the table: `create` and `rename`
 * ask for a name; `clear` and `delete` ask "really?".
 */
export type Panel = 'create' | 'rename' | 'clear' | 'delete' | null;

export interface Notice {
  /** `info`: something under way; `success`: done; `error`: it did not work. */
  tone: 'info' | 'success' | 'error';
  text: Text;
}

export interface PageState {
  collections: CollectionSummary[];
  selected: string;
  view: CollectionView | null;
  /** The background did not answer the last time the page asked. */
  unreachable: boolean;
  paste: PasteReport | null;
  estimate: ShownEstimate | null;
  panel: Panel;
  /** When the run on screen last changed (epoch ms): the time left is counted from then. */
  seenAt: number;
  /** What the user chose for every run; null until read. */
  settings: RunSettings | null;
  /** What the live region says now: phase changes, and progress every tenth. */
  announcement: Text | null;
  announced: { phase: RunPhase | null; tenth: number };
  notice: Notice | null;
  /** An action is under way: its buttons wait. */
  busy: boolean;
}

export type PageEvent =
  | { type: 'collections-loaded'; collections: CollectionSummary[] }
  | { type: 'view-loaded'; view: CollectionView | null; id: string; at: number }
  /** storage.local changed: the keys of collection `id`'s run among `changes` are applied. */
  | { type: 'run-changed'; id: string; changes: Record<string, { newValue?: unknown }>; at: number }
  | { type: 'settings-loaded'; settings: RunSettings }
  | { type: 'unreachable' }
  | { type: 'selected'; id: string }
  /** `linesLeft`: lines after the ones read, left in the box. */
  | { type: 'pasted'; paste: ParsedPaste; added: number; overLimit: number; linesLeft: number }
  | { type: 'estimated'; estimate: Estimate; balance: BalanceAnswer | null; confirm: boolean }
  | { type: 'estimate-closed' }
  | { type: 'panel'; panel: Panel }
  | { type: 'notice'; notice: Notice | null }
  | { type: 'busy'; busy: boolean };

export function initialPageState(selected: string = DEFAULT_COLLECTION_ID): PageState {
  return {
    collections: [],
    selected,
    view: null,
    unreachable: false,
    paste: null,
    estimate: null,
    panel: null,
    seenAt: 0,
    settings: null,
    announcement: null,
    announced: { phase: null, tenth: 0 },
    notice: null,
    busy: false,
  };
}

/** What the live region says when a run enters `phase`. */
function phaseAnnouncement(view: CollectionView): Text | null {
  switch (view.run.head.phase) {
    case 'running':
      return text('collectionPhaseRunning');
    case 'paused':
      return text('collectionPhasePaused');
    case 'finished':
      return text('collectionPhaseFinished');
    case 'cancelled':
      return text('collectionPhaseCancelled');
    case 'stopped':
      return stopText(view.run.head.stopReason, text('collectionResume'));
    case 'idle':
      return null;
  }
}

function withView(state: PageState, view: CollectionView, at: number): PageState {
  const { head } = view.run;
  const { handled, total } = progressOf(head);
  const sameCollection = state.view?.id === view.id;

  // What is announced: a change of phase the page sees happen (not the phase it finds on opening),
  // and progress in tenths while running.
  let { announcement, announced } = state;
  const tenth = total > 0 ? Math.floor((handled * 10) / total) : 0;
  if (!sameCollection) {
    announced = { phase: head.phase, tenth };
  } else if (head.phase !== announced.phase) {
    announcement = phaseAnnouncement(view);
    announced = { phase: head.phase, tenth };
  } else if (head.phase === 'running' && tenth > announced.tenth) {
    announcement = plural('collectionProgressOf', total, handled);
    announced = { phase: head.phase, tenth };
  }

  // An estimate is about the collection as it was; once a run is going, it is out of date.
  const estimate = head.phase === 'running' ? null : state.estimate;
  return { ...state, view, unreachable: false, seenAt: at, announcement, announced, estimate };
}

export function pageReducer(state: PageState, event: PageEvent): PageState {
  switch (event.type) {
    case 'collections-loaded': {
      const known = event.collections.some((c) => c.id === state.selected);
      return known || event.collections.length === 0
        ? { ...state, collections: event.collections }
        : pageReducer({ ...state, collections: event.collections }, { type: 'selected', id: DEFAULT_COLLECTION_ID });
    }
    case 'view-loaded':
      // An answer for a collection no longer on screen is old news.
      if (event.id !== state.selected) return state;
      if (!event.view) return event.id === DEFAULT_COLLECTION_ID ? state : pageReducer(state, { type: 'selected', id: DEFAULT_COLLECTION_ID });
      // Change events newer than this answer may have come first: what is newer stays.
      return withView(state, state.view?.id === event.id ? { ...event.view, run: newerRun(state.view.run, event.view.run) } : event.view, event.at);
    case 'run-changed': {
      if (event.id !== state.selected || state.view?.id !== event.id) return state;
      const run = applyStoredChanges(state.view.run, event.id, event.changes);
      return run === state.view.run ? state : withView(state, { ...state.view, run }, event.at);
    }
    case 'settings-loaded':
      return { ...state, settings: event.settings };
    case 'unreachable':
      return { ...state, unreachable: true };
    case 'selected':
      return event.id === state.selected
        ? state
        : { ...initialPageState(event.id), collections: state.collections, unreachable: state.unreachable, settings: state.settings };
    case 'pasted': {
      const { paste, added, overLimit, linesLeft } = event;
      const report: PasteReport = {
        added,
        overLimit,
        alreadyIn: Math.max(0, paste.handles.length - added - overLimit),
        duplicates: paste.duplicates,
        refused: paste.refused,
        textLines: paste.textLines,
        linesRead: paste.linesRead,
        linesLeft,
      };
      return { ...state, paste: report, estimate: null };
    }
    case 'estimated':
      return { ...state, estimate: { estimate: event.estimate, balance: event.balance, confirm: event.confirm } };
    case 'estimate-closed':
      return { ...state, estimate: null };
    case 'panel':
      return { ...state, panel: event.panel };
    case 'notice':
      return { ...state, notice: event.notice };
    case 'busy':
      return { ...state, busy: event.busy };
  }
}

/** Whether a run of this collection is under way (its buttons, and the page's polling, follow it). */
export function isRunning(state: PageState): boolean {
  return state.view?.run.head.phase === 'running';
}
