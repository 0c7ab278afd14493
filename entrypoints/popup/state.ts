/**
 * The popup as a pure state machine: `popupReducer(state, event)` is the only
 * place its state changes. The view renders a state and sends events. The App
 * does the work a state asks for (`state.task`); the outcome comes back as an
 * event that names the task it answers, so that an outcome for an older task
 * is ignored.
 *
 * What opening does (start over, take the reads of opening, start a lookup)
 * is in opening.ts, which the popup loads to open; this file, the events that
 * come after the first paint, is loaded after it (App.tsx).
 */
import { errorAction } from '@/utils/errors/next-step';
import type { HighlightList } from '@/utils/highlights/highlight';
import type { Text } from '@/utils/i18n';
import type { LookupError } from '@/utils/errors/lookup-error';
import type { Handle } from '@/utils/profile-url';
import type { TypedHandle } from './panels/typed-handle';
import type { KeptIn, LookupResponse } from '@/utils/protocol';
import type { Settings } from '@/utils/settings';
import { isBusy, isCurrent, isRefreshOfList, listArrived, startLookup, startOver, tabAnswered } from './opening';

export { initialPopupState, isBusy, isRefreshing } from './opening';

/**
 * A lookup failure, or the extension's own background not answering.
 * `duringLookup`: it was asked for a lookup, so a request may have left.
 */
export type Problem = LookupError | { kind: 'extension'; message: string; duringLookup: boolean };

export type View =
  /** Reading, without the background, which profile the tab shows and what storage holds. */
  | { state: 'starting' }
  | { state: 'no-key'; handle: Handle | null }
  /** `pageSeen` false: no content script answered in that tab. */
  | { state: 'no-profile'; pageSeen: boolean }
  | { state: 'loading'; handle: Handle }
  /**
   * `keptIn` 'session' or 'memory': storage.local was full, the answer is kept
   * for a while only; null: a paid answer still being stored (its place is asked after the paint).
   */
  | { state: 'list'; list: HighlightList; fromCache: boolean; keptIn: KeptIn | null }
  | { state: 'error'; handle: Handle | null; problem: Problem };

/** Where a lookup came from: it decides what the popup shows meanwhile and afterwards. */
export type LookupOrigin = 'tab' | 'form' | 'retry' | 'refresh';

/** Work for the App to do; each has an id that its answer names. */
export type Task =
  | { id: number; kind: 'start' }
  | { id: number; kind: 'lookup'; handle: Handle; refresh: boolean; resend: boolean; origin: LookupOrigin }
  /** Clear every other cached answer, so this one fits in the cache. */
  | { id: number; kind: 'make-room'; keep: Handle };

export interface LookupFormState {
  value: string;
  /** What is wrong with the typed text, shown under the field. */
  error: Text | null;
  open: boolean;
  /** Bumped whenever the field should take the focus. */
  focusRequest: number;
}

export interface PopupState {
  view: View;
  form: LookupFormState;
  settings: Settings;
  /** The tab the popup is about, when there is one (for "pop out"). */
  tabId: number | null;
  /** The work under way, if any. */
  task: Task | null;
  /** Ids are never reused, so an answer to an older task is recognised. */
  lastTaskId: number;
  /** What "Try again" asks for again; null: start over. */
  lastHandle: Handle | null;
  /** Why the last Refresh failed; the list on screen is the earlier answer. */
  refreshProblem: Problem | null;
  /** How many other cached answers were cleared to make room, once that was done. */
  roomMade: number | null;
}

export type PopupEvent =
  | { type: 'opened' }
  | {
      type: 'tab-answered';
      taskId: number;
      hasKey: boolean;
      settings: Settings;
      tabId: number | null;
      handle: Handle | null;
      pageSeen: boolean;
      /** The tab's profile's answer, read from storage: shown without asking the background. */
      cached: { list: HighlightList; keptIn: KeptIn } | null;
    }
  | { type: 'lookup-answered'; taskId: number; response: LookupResponse }
  | { type: 'room-made'; taskId: number; cleared: number; keptIn: KeptIn | null }
  /** Where a paid answer shown before it was stored went (the list's handle and time name it). */
  | { type: 'answer-kept'; handle: Handle; fetchedAt: number; keptIn: KeptIn }
  /** A task's work failed: the background did not answer (a lookup, making room), or the reads at start failed. */
  | { type: 'task-failed'; taskId: number; message: string }
  | { type: 'form-input'; value: string }
  /** The form's text, checked where it was typed (panels/typed-handle.ts). */
  | { type: 'form-submitted'; checked: TypedHandle }
  | { type: 'form-opened' }
  | { type: 'form-closed' }
  | { type: 'retry' }
  | { type: 'refresh' }
  | { type: 'make-room' };

export function popupReducer(state: PopupState, event: PopupEvent): PopupState {
  switch (event.type) {
    case 'opened':
      return startOver(state);

    case 'tab-answered':
      return tabAnswered(state, event);

    case 'lookup-answered': {
      const task = state.task;
      if (event.response.ok) return listArrived(state, event);
      if (!isCurrent(state, event.taskId, 'lookup') || task?.kind !== 'lookup') return state;
      return lookupFailed({ ...state, task: null }, task.origin, event.response);
    }

    case 'answer-kept': {
      const { view } = state;
      const same = view.state === 'list' && view.keptIn === null && view.list.handle === event.handle && view.list.fetchedAt === event.fetchedAt;
      return same ? { ...state, view: { ...view, keptIn: event.keptIn } } : state;
    }

    case 'room-made': {
      if (!isCurrent(state, event.taskId, 'make-room')) return state;
      if (state.view.state !== 'list') return { ...state, task: null };
      const keptIn = event.keptIn ?? state.view.keptIn;
      return { ...state, task: null, roomMade: event.cleared, view: { ...state.view, keptIn } };
    }

    case 'task-failed': {
      const task = state.task;
      if (task?.id !== event.taskId) return state;
      const problem: Problem = { kind: 'extension', message: event.message, duringLookup: task.kind === 'lookup' };
      const done = { ...state, task: null };
      if (task.kind === 'make-room') return done;
      if (task.kind === 'lookup' && isRefreshOfList(state, task.origin)) return { ...done, refreshProblem: problem };
      return { ...done, view: { state: 'error', handle: task.kind === 'lookup' ? task.handle : null, problem } };
    }

    case 'form-input':
      return { ...state, form: { ...state.form, value: event.value, error: null } };

    case 'form-submitted':
      return submitForm(state, event.checked);

    case 'form-opened':
      return { ...state, form: focused({ ...state.form, open: true }) };

    case 'form-closed':
      return { ...state, form: { ...state.form, open: false } };

    case 'retry':
      // After an interruption the user has been told a request may have cost a credit;
      // Try again is their go-ahead to send it once more (`resend`).
      return state.lastHandle
        ? startLookup(state, state.lastHandle, false, 'retry', wasInterrupted(state.view))
        : startOver(state);

    case 'refresh':
      return state.view.state === 'list' && !isBusy(state) ? startLookup(state, state.view.list.handle, true, 'refresh') : state;

    case 'make-room': {
      if (state.view.state !== 'list' || isBusy(state)) return state;
      const id = state.lastTaskId + 1;
      return { ...state, task: { id, kind: 'make-room', keep: state.view.list.handle }, lastTaskId: id };
    }
  }
}

function focused(form: LookupFormState): LookupFormState {
  return { ...form, focusRequest: form.focusRequest + 1 };
}

/** The lookup on screen was cut off: its request may have left, and nobody knows its answer. */
function wasInterrupted(view: View): boolean {
  if (view.state !== 'error') return false;
  const { problem } = view;
  return problem.kind === 'interrupted' || (problem.kind === 'extension' && problem.duringLookup);
}

/** Only a checked handle is looked up; what is not one stays in the field, with why. */
function submitForm(state: PopupState, checked: TypedHandle): PopupState {
  if (isBusy(state)) return state;
  if (!checked.ok) return { ...state, form: focused({ ...state.form, open: true, error: checked.error }) };
  return startLookup(state, checked.handle, false, 'form');
}

function lookupFailed(state: PopupState, origin: LookupOrigin, response: Extract<LookupResponse, { ok: false }>): PopupState {
  // The paid-for answer on screen is still right; say why it was not renewed.
  if (isRefreshOfList(state, origin)) return { ...state, refreshProblem: response.error };

  const { error, handle } = response;
  if (error.kind === 'no-key') return { ...state, view: { state: 'no-key', handle } };
  const failed: PopupState = { ...state, view: { state: 'error', handle, problem: error } };
  if (errorAction(error) !== 'edit-handle') return failed;
  // The handle needs correcting (SociaVault does not know it, or refused it): open the form with it.
  return { ...failed, form: { ...state.form, open: true, value: state.form.value || handle } };
}
