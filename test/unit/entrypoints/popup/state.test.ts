import { describe, expect, it } from 'vitest';
import {
  initialPopupState,
  isBusy,
  isRefreshing,
  popupReducer,
  type PopupEvent,
  type PopupState,
} from '@/entrypoints/popup/state';
import { checkTypedHandle } from '@/entrypoints/popup/panels/typed-handle';
import type { HighlightList } from '@/utils/highlights/highlight';
import { LOOKUP_INPUT_MAX } from '@/utils/limits';
import type { LookupResponse } from '@/utils/protocol';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { translatorFor } from '@/test/support/locales';
import { h } from '@/test/unit/helpers/handles';

const en = translatorFor('en');

const list = (handle: string, count = 2): HighlightList => ({
  handle: h(handle),
  ownerId: '528817151',
  highlights: Array.from({ length: count }, (_, i) => ({ id: `1790000000000000${i}`, title: `t${i}`, coverUrl: null })),
  fetchedAt: 1_000,
});
const found = (handle: string, fromCache = false): LookupResponse => ({ ok: true, list: list(handle), fromCache, keptIn: 'cache' });
const failed = (handle: string, error: Extract<LookupResponse, { ok: false }>['error']): LookupResponse => ({
  ok: false,
  handle: h(handle),
  error,
});

/** Runs events from the initial state. */
function run(...events: PopupEvent[]): PopupState {
  return events.reduce(popupReducer, initialPopupState);
}

/** The state after opening on a tab: the start task, answered. */
function openedOn(handle: string | null, { hasKey = true, pageSeen = true } = {}): PopupState {
  const opened = run({ type: 'opened' });
  return popupReducer(opened, {
    type: 'tab-answered',
    taskId: opened.task!.id,
    hasKey,
    settings: { ...DEFAULT_SETTINGS, copyFormat: 'csv' },
    tabId: 7,
    handle: handle === null ? null : h(handle),
    pageSeen,
    cached: null,
  });
}

/** Answers the task under way with a lookup response. */
function answer(state: PopupState, response: LookupResponse): PopupState {
  return popupReducer(state, { type: 'lookup-answered', taskId: state.task!.id, response });
}

/** Types `value` and submits it, checked as the form checks it (panels/typed-handle.ts). */
function typed(state: PopupState, value: string): PopupState {
  return popupReducer(popupReducer(state, { type: 'form-input', value }), { type: 'form-submitted', checked: checkTypedHandle(value) });
}

describe('opening', () => {
  it('starts by asking about the tab', () => {
    const state = run({ type: 'opened' });
    expect(state.view).toEqual({ state: 'starting' });
    expect(state.task).toEqual({ id: 1, kind: 'start' });
    expect(isBusy(state)).toBe(true);
  });

  it('a tab on a profile, with a key: looks it up and takes the copy format', () => {
    const state = openedOn('nasa');
    expect(state.view).toEqual({ state: 'loading', handle: 'nasa' });
    expect(state.task).toEqual({ id: 2, kind: 'lookup', handle: 'nasa', refresh: false, resend: false, origin: 'tab' });
    expect(state.settings.copyFormat).toBe('csv');
    expect(state.tabId).toBe(7);
  });

  it('without a key: says so, and sends nothing', () => {
    const state = openedOn('nasa', { hasKey: false });
    expect(state.view).toEqual({ state: 'no-key', handle: 'nasa' });
    expect(state.task).toBeNull();
  });

  it('a tab that shows no profile: offers the form; says whether the page was seen', () => {
    expect(openedOn(null).view).toEqual({ state: 'no-profile', pageSeen: true });
    expect(openedOn(null, { pageSeen: false }).view).toEqual({ state: 'no-profile', pageSeen: false });
    expect(openedOn(null).task).toBeNull();
  });

  it('the background not answering: an error that Try again starts over from', () => {
    const opened = run({ type: 'opened' });
    const state = popupReducer(opened, { type: 'task-failed', taskId: 1, message: 'gone' });
    expect(state.view).toEqual({ state: 'error', handle: null, problem: { kind: 'extension', message: 'gone', duringLookup: false } });
    expect(popupReducer(state, { type: 'retry' }).task).toEqual({ id: 2, kind: 'start' });
  });

  it('ignores an answer to a start that is no longer the current task', () => {
    const restarted = run({ type: 'opened' }, { type: 'opened' });
    const stale = popupReducer(restarted, {
      type: 'tab-answered',
      taskId: 1,
      hasKey: true,
      settings: DEFAULT_SETTINGS,
      tabId: 7,
      handle: h('nasa'),
      pageSeen: true,
      cached: null,
    });
    expect(stale).toBe(restarted);
  });
});

describe('a lookup answered', () => {
  it('shows the list', () => {
    const state = answer(openedOn('nasa'), found('nasa', true));
    expect(state.view).toEqual({ state: 'list', list: list('nasa'), fromCache: true, keptIn: 'cache' });
    expect(state.task).toBeNull();
    expect(state.lastHandle).toBe('nasa');
  });

  it('no key: the no-key view, for that handle', () => {
    expect(answer(openedOn('nasa'), failed('nasa', { kind: 'no-key' })).view).toEqual({ state: 'no-key', handle: 'nasa' });
  });

  it('an error: shows it; Try again asks for the same handle again', () => {
    const state = answer(openedOn('nasa'), failed('nasa', { kind: 'server-error', status: 500 }));
    expect(state.view).toMatchObject({ state: 'error', handle: 'nasa', problem: { kind: 'server-error' } });
    expect(state.form.open).toBe(false);
    const retried = popupReducer(state, { type: 'retry' });
    expect(retried.task).toMatchObject({ kind: 'lookup', handle: 'nasa', refresh: false, origin: 'retry' });
    expect(retried.view).toEqual({ state: 'loading', handle: 'nasa' });
  });

  it('a profile SociaVault does not know: opens the form with the handle in it, to correct', () => {
    const state = answer(openedOn('ghost'), failed('ghost', { kind: 'not-found' }));
    expect(state.form).toMatchObject({ open: true, value: 'ghost' });
  });

  it('ignores an answer to a lookup that is no longer current', () => {
    const first = openedOn('nasa');
    const staleId = first.task!.id;
    const second = typed(answer(first, failed('nasa', { kind: 'timeout', seconds: 20 })), 'natgeo');
    const stale = popupReducer(second, { type: 'lookup-answered', taskId: staleId, response: found('nasa') });
    expect(stale).toBe(second);
    expect(answer(second, found('natgeo')).view).toMatchObject({ state: 'list', list: { handle: 'natgeo' } });
  });

  it('the background not answering a lookup: an extension error for that handle', () => {
    const state = openedOn('nasa');
    const next = popupReducer(state, { type: 'task-failed', taskId: state.task!.id, message: 'no answer' });
    expect(next.view).toEqual({
      state: 'error',
      handle: 'nasa',
      problem: { kind: 'extension', message: 'no answer', duringLookup: true },
    });
  });

  it('Try again after a lookup the extension never answered may resend it; after other errors it may not', () => {
    const asked = openedOn('nasa');
    const cut = popupReducer(asked, { type: 'task-failed', taskId: asked.task!.id, message: 'port closed' });
    expect(popupReducer(cut, { type: 'retry' }).task).toMatchObject({ handle: 'nasa', refresh: false, resend: true });
    const interrupted = answer(openedOn('nasa'), failed('nasa', { kind: 'interrupted', startedAt: 5 }));
    expect(popupReducer(interrupted, { type: 'retry' }).task).toMatchObject({ resend: true });
    const serverError = answer(openedOn('nasa'), failed('nasa', { kind: 'server-error', status: 502 }));
    expect(popupReducer(serverError, { type: 'retry' }).task).toMatchObject({ resend: false });
  });
});

describe('typed input', () => {
  const noProfile = openedOn(null);

  it.each([
    ['', 'Enter a handle or a profile URL.'],
    ['   ', 'Enter a handle or a profile URL.'],
    ['x'.repeat(LOOKUP_INPUT_MAX + 1), 'That is too long for a handle or a profile URL.'],
    ['na sa', /is not a handle or a profile link/],
    ['explore', /is not a handle or a profile link/],
    ['https://example.com/nasa', /is not a handle or a profile link/],
  ])('refuses %j without sending anything, keeping what was typed', (value, message) => {
    const state = typed(noProfile, value);
    expect(state.task).toBeNull();
    expect(state.view).toBe(noProfile.view);
    expect(state.form.value).toBe(value);
    expect(en(state.form.error!)).toMatch(message);
    expect(state.form.focusRequest).toBe(noProfile.form.focusRequest + 1);
  });

  it.each(['nasa', '@NASA', ' nasa ', 'instagram.com/nasa', 'https://www.instagram.com/nasa/tagged/'])(
    'looks up %j as @nasa',
    (value) => {
      const state = typed(noProfile, value);
      expect(state.task).toMatchObject({ kind: 'lookup', handle: 'nasa', refresh: false, origin: 'form' });
      expect(state.view).toEqual({ state: 'loading', handle: 'nasa' });
    },
  );

  it('typing clears the error', () => {
    const refused = typed(noProfile, 'na sa');
    expect(popupReducer(refused, { type: 'form-input', value: 'nasa' }).form.error).toBeNull();
  });

  it('a typed lookup that succeeds empties and closes the form', () => {
    const opened = popupReducer(answer(openedOn('nasa'), found('nasa')), { type: 'form-opened' });
    const done = answer(typed(opened, 'natgeo'), found('natgeo'));
    expect(done.form).toMatchObject({ value: '', open: false });
    expect(done.view).toMatchObject({ state: 'list', list: { handle: 'natgeo' } });
  });

  it('is not submitted while a lookup is under way', () => {
    const busy = openedOn('nasa');
    expect(typed(busy, 'natgeo').task).toBe(busy.task);
  });
});

describe('the form disclosure', () => {
  it('opens with the focus, and closes', () => {
    const state = answer(openedOn('nasa'), found('nasa'));
    const opened = popupReducer(state, { type: 'form-opened' });
    expect(opened.form).toMatchObject({ open: true, focusRequest: state.form.focusRequest + 1 });
    expect(popupReducer(opened, { type: 'form-closed' }).form.open).toBe(false);
  });
});

describe('refresh', () => {
  const listed = answer(openedOn('nasa'), found('nasa', true));

  it('asks again with refresh, keeping the list on screen', () => {
    const state = popupReducer(listed, { type: 'refresh' });
    expect(state.task).toMatchObject({ kind: 'lookup', handle: 'nasa', refresh: true, origin: 'refresh' });
    expect(state.view).toBe(listed.view);
    expect(isRefreshing(state)).toBe(true);
  });

  it('a new answer replaces the list', () => {
    const state = answer(popupReducer(listed, { type: 'refresh' }), found('nasa', false));
    expect(state.view).toMatchObject({ state: 'list', fromCache: false });
    expect(isRefreshing(state)).toBe(false);
  });

  it('a failed refresh keeps the earlier list and says why; the next one clears that', () => {
    const state = answer(popupReducer(listed, { type: 'refresh' }), failed('nasa', { kind: 'out-of-credits', required: 1, available: 0 }));
    expect(state.view).toBe(listed.view);
    expect(state.refreshProblem).toEqual({ kind: 'out-of-credits', required: 1, available: 0 });
    expect(popupReducer(state, { type: 'refresh' }).refreshProblem).toBeNull();
  });

  it('the background not answering a refresh keeps the list too', () => {
    const refreshing = popupReducer(listed, { type: 'refresh' });
    const state = popupReducer(refreshing, { type: 'task-failed', taskId: refreshing.task!.id, message: 'gone' });
    expect(state.view).toBe(listed.view);
    expect(state.refreshProblem).toEqual({ kind: 'extension', message: 'gone', duringLookup: true });
  });

  it('does nothing without a list, or while a refresh is under way', () => {
    const noProfile = openedOn(null);
    expect(popupReducer(noProfile, { type: 'refresh' })).toBe(noProfile);
    const refreshing = popupReducer(listed, { type: 'refresh' });
    expect(popupReducer(refreshing, { type: 'refresh' })).toBe(refreshing);
  });
});

describe('a cache too full for the answer', () => {
  const keptForSession: LookupResponse = { ok: true, list: list('nasa'), fromCache: false, keptIn: 'session' };
  const listed = answer(openedOn('nasa'), keptForSession);

  it('shows the answer and where it is kept', () => {
    expect(listed.view).toMatchObject({ state: 'list', keptIn: 'session' });
  });

  it('making room clears the others, keeping this one, and says so', () => {
    const asked = popupReducer(listed, { type: 'make-room' });
    expect(asked.task).toEqual({ id: asked.lastTaskId, kind: 'make-room', keep: 'nasa' });
    expect(asked.view).toBe(listed.view);
    const done = popupReducer(asked, { type: 'room-made', taskId: asked.task!.id, cleared: 7, keptIn: 'cache' });
    expect(done.view).toMatchObject({ state: 'list', keptIn: 'cache' });
    expect(done.roomMade).toBe(7);
    expect(done.task).toBeNull();
  });

  it('is not asked for twice at once, nor without a list', () => {
    const asked = popupReducer(listed, { type: 'make-room' });
    expect(popupReducer(asked, { type: 'make-room' })).toBe(asked);
    const noProfile = openedOn(null);
    expect(popupReducer(noProfile, { type: 'make-room' })).toBe(noProfile);
  });

  it('an answer told before it was stored shows no notice until the background says where it went', () => {
    const early = answer(openedOn('nasa'), { ok: true, list: list('nasa'), fromCache: false, keptIn: null });
    expect(early.view).toMatchObject({ state: 'list', keptIn: null });
    const kept = popupReducer(early, { type: 'answer-kept', handle: h('nasa'), fetchedAt: 1_000, keptIn: 'session' });
    expect(kept.view).toMatchObject({ state: 'list', keptIn: 'session' });
    // Said once: a second word changes nothing.
    expect(popupReducer(kept, { type: 'answer-kept', handle: h('nasa'), fetchedAt: 1_000, keptIn: 'cache' })).toBe(kept);
  });

  it('where an answer went applies to that answer only: not another profile, another fetch, or a view with no list', () => {
    const early = answer(openedOn('nasa'), { ok: true, list: list('nasa'), fromCache: false, keptIn: null });
    expect(popupReducer(early, { type: 'answer-kept', handle: h('natgeo'), fetchedAt: 1_000, keptIn: 'session' })).toBe(early);
    expect(popupReducer(early, { type: 'answer-kept', handle: h('nasa'), fetchedAt: 2_000, keptIn: 'session' })).toBe(early);
    const loading = openedOn('nasa');
    expect(popupReducer(loading, { type: 'answer-kept', handle: h('nasa'), fetchedAt: 1_000, keptIn: 'session' })).toBe(loading);
    expect(popupReducer(listed, { type: 'answer-kept', handle: h('nasa'), fetchedAt: 1_000, keptIn: 'cache' })).toBe(listed);
  });

  it('the background not answering leaves the notice as it was', () => {
    const asked = popupReducer(listed, { type: 'make-room' });
    const failedRoom = popupReducer(asked, { type: 'task-failed', taskId: asked.task!.id, message: 'gone' });
    expect(failedRoom.view).toBe(listed.view);
    expect(failedRoom.task).toBeNull();
  });
});

