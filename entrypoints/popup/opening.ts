/**
 * The part of the popup's state machine (state.ts) that opening reaches:
 * starting over, taking the reads of opening, starting a lookup. The popup
 * loads only this to open, and works out its first state with it before it
 * renders (tasks.ts, startEarly); the reducer of every event, which imports
 * these, is loaded after the first paint (App.tsx).
 */
import type { Handle } from '@/utils/profile-url';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import type { LookupOrigin, PopupEvent, PopupState, Task } from './state';

export const initialPopupState: PopupState = {
  view: { state: 'starting' },
  form: { value: '', error: null, open: false, focusRequest: 0 },
  settings: DEFAULT_SETTINGS,
  tabId: null,
  task: null,
  lastTaskId: 0,
  lastHandle: null,
  refreshProblem: null,
  roomMade: null,
};

/** A task is under way: the start, a lookup, or making room. */
export function isBusy(state: PopupState): boolean {
  return state.task !== null;
}

/** A Refresh is under way and the list it refreshes stays on screen meanwhile. */
export function isRefreshing(state: PopupState): boolean {
  return state.task?.kind === 'lookup' && isRefreshOfList(state, state.task.origin);
}

export function isRefreshOfList(state: PopupState, origin: LookupOrigin): boolean {
  return origin === 'refresh' && state.view.state === 'list';
}

export function isCurrent(state: PopupState, taskId: number, kind: Task['kind']): boolean {
  return state.task?.id === taskId && state.task.kind === kind;
}

/** The `opened` event: "Checking this tab…", with the start task (its reads). */
export function startOver(state: PopupState): PopupState {
  const id = state.lastTaskId + 1;
  return { ...state, view: { state: 'starting' }, task: { id, kind: 'start' }, lastTaskId: id, lastHandle: null, refreshProblem: null };
}

/** The `tab-answered` event: the reads of opening are in. */
export function tabAnswered(state: PopupState, event: Extract<PopupEvent, { type: 'tab-answered' }>): PopupState {
  if (!isCurrent(state, event.taskId, 'start')) return state;
  const settled = { ...state, task: null, settings: event.settings, tabId: event.tabId };
  if (!event.hasKey) return { ...settled, view: { state: 'no-key', handle: event.handle } };
  if (!event.handle) return { ...settled, view: { state: 'no-profile', pageSeen: event.pageSeen } };
  if (event.cached) {
    const { list, keptIn } = event.cached;
    return { ...settled, lastHandle: list.handle, view: { state: 'list', list, fromCache: true, keptIn } };
  }
  return startLookup(settled, event.handle, false, 'tab');
}

/**
 * The `lookup-answered` event with a list. Shown by this code, not the
 * reducer's (state.ts, which uses it too): a lookup answered before that
 * code loaded paints without waiting for it.
 */
export function listArrived(state: PopupState, event: Extract<PopupEvent, { type: 'lookup-answered' }>): PopupState {
  const { task } = state;
  const { response } = event;
  if (!response.ok || !isCurrent(state, event.taskId, 'lookup') || task?.kind !== 'lookup') return state;
  const form = task.origin === 'form' ? { ...state.form, value: '', open: false } : state.form;
  const { list, fromCache, keptIn } = response;
  return { ...state, task: null, form, view: { state: 'list', list, fromCache, keptIn } };
}

export function startLookup(state: PopupState, handle: Handle, refresh: boolean, origin: LookupOrigin, resend = false): PopupState {
  const id = state.lastTaskId + 1;
  const next: PopupState = {
    ...state,
    task: { id, kind: 'lookup', handle, refresh, resend, origin },
    lastTaskId: id,
    lastHandle: handle,
    refreshProblem: null,
    roomMade: null,
    form: { ...state.form, error: null },
  };
  // A Refresh keeps the list it refreshes on screen; anything else shows loading.
  return isRefreshOfList(state, origin) ? next : { ...next, view: { state: 'loading', handle } };
}
