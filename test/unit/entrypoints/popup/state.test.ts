import { describe, expect, it, vi } from 'vitest';
import {
  initialPopupState,
  isBusy,
  isRefreshing,
  popupReducer,
  type PopupEvent,
  type PopupState,
} from '@/entrypoints/popup/state';
import { handleFromSearch, tabIdFromSearch } from '@/entrypoints/popup/popup-target';
import { readStart, runTask, type TaskDeps } from '@/entrypoints/popup/tasks';
import type { HighlightList } from '@/utils/highlights/highlight';
import { LOOKUP_INPUT_MAX } from '@/utils/limits';
import type { Handle } from '@/utils/profile-url';
import type { KeptIn, LookupResponse, PageMessage, Send } from '@/utils/protocol';
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

function typed(state: PopupState, value: string): PopupState {
  return popupReducer(popupReducer(state, { type: 'form-input', value }), { type: 'form-submitted' });
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

  it('the background not answering leaves the notice as it was', () => {
    const asked = popupReducer(listed, { type: 'make-room' });
    const failedRoom = popupReducer(asked, { type: 'task-failed', taskId: asked.task!.id, message: 'gone' });
    expect(failedRoom.view).toBe(listed.view);
    expect(failedRoom.task).toBeNull();
  });
});

describe('runTask', () => {
  const sendWith = (answers: Partial<Record<PageMessage, unknown>>) =>
    vi.fn(async (type: PageMessage) => {
      if (!(type in answers)) throw new Error(`no answer for ${type}`);
      return answers[type];
    }) as unknown as Send<PageMessage> & ReturnType<typeof vi.fn>;

  /** Deps for a popup on tab 7 showing `profile`, with `cached` in storage; the background answers nothing. */
  function deps({
    tabId = 7 as number | null,
    profile = h('nasa') as Handle | null | undefined,
    hasKey = true,
    cached = null as { list: HighlightList; keptIn: KeptIn } | null,
    send = sendWith({}),
    named = null as Handle | null,
  } = {}): TaskDeps & { send: ReturnType<typeof sendWith> } {
    return {
      send,
      resolveTabId: async () => tabId,
      namedHandle: () => named,
      askTab: vi.fn(async () => profile),
      readStatus: async () => ({ hasKey, settings: { ...DEFAULT_SETTINGS, copyFormat: 'json' as const } }),
      readCachedAnswer: vi.fn(async () => cached),
    };
  }

  it('start: asks the tab’s content script and storage, not the background', async () => {
    const d = deps();
    const event = await runTask({ id: 3, kind: 'start' }, d);
    expect(event).toEqual({
      type: 'tab-answered',
      taskId: 3,
      hasKey: true,
      settings: { ...DEFAULT_SETTINGS, copyFormat: 'json' },
      tabId: 7,
      handle: 'nasa',
      pageSeen: true,
      cached: null,
    });
    expect(d.askTab).toHaveBeenCalledWith(7);
    expect(d.readCachedAnswer).toHaveBeenCalledWith('nasa', 24);
    expect(d.send).not.toHaveBeenCalled();
  });

  it('start with a cached answer: carries it, to paint without the background', async () => {
    const cached = { list: list('nasa'), keptIn: 'cache' as const };
    const event = await runTask({ id: 1, kind: 'start' }, deps({ cached }));
    expect(event).toMatchObject({ type: 'tab-answered', handle: 'nasa', cached });
    const state = popupReducer(run({ type: 'opened' }), event);
    expect(state.view).toEqual({ state: 'list', list: list('nasa'), fromCache: true, keptIn: 'cache' });
    expect(state.task).toBeNull();
  });

  it('start with a profile named in the address (the context menu): no tab is asked', async () => {
    const d = deps({ named: h('natgeo') });
    expect(await runTask({ id: 1, kind: 'start' }, d)).toMatchObject({ type: 'tab-answered', handle: 'natgeo', tabId: null, pageSeen: true });
    expect(d.askTab).not.toHaveBeenCalled();
  });

  it('start without a key: reads no answer', async () => {
    const d = deps({ hasKey: false, cached: { list: list('nasa'), keptIn: 'cache' } });
    expect(await runTask({ id: 1, kind: 'start' }, d)).toMatchObject({ hasKey: false, cached: null });
    expect(d.readCachedAnswer).not.toHaveBeenCalled();
  });

  it('start without a tab: no profile, page seen, nothing asked of a tab', async () => {
    const d = deps({ tabId: null });
    expect(await runTask({ id: 1, kind: 'start' }, d)).toMatchObject({ type: 'tab-answered', handle: null, pageSeen: true });
    expect(d.askTab).not.toHaveBeenCalled();
  });

  it('start when the tab does not answer: no profile, page not seen', async () => {
    const silent = { ...deps(), askTab: async () => undefined };
    expect(await runTask({ id: 1, kind: 'start' }, silent)).toMatchObject({
      type: 'tab-answered',
      handle: null,
      pageSeen: false,
    });
  });

  it('start takes the reads begun before the first render once; a later start (Try again) reads anew', async () => {
    const d = deps();
    let early: ReturnType<typeof readStart> | null = readStart(d);
    const earlyStart = () => {
      const reads = early;
      early = null;
      return reads;
    };
    const withEarly: TaskDeps = { ...d, earlyStart };
    await early;
    expect(d.askTab).toHaveBeenCalledTimes(1);
    expect(await runTask({ id: 1, kind: 'start' }, withEarly)).toMatchObject({ type: 'tab-answered', taskId: 1, handle: 'nasa' });
    expect(d.askTab).toHaveBeenCalledTimes(1);
    expect(await runTask({ id: 2, kind: 'start' }, withEarly)).toMatchObject({ type: 'tab-answered', taskId: 2, handle: 'nasa' });
    expect(d.askTab).toHaveBeenCalledTimes(2);
  });

  it('start whose early reads failed: task-failed, as any start', async () => {
    const d = { ...deps(), readStatus: () => Promise.reject(new Error('storage gone')) };
    const early = readStart(d);
    early.catch(() => undefined);
    const event = await runTask({ id: 1, kind: 'start' }, { ...d, earlyStart: () => early });
    expect(event).toEqual({ type: 'task-failed', taskId: 1, message: 'storage gone' });
  });

  it('lookup: sends the handle and refresh flag, answers with the response', async () => {
    const d = deps({ send: sendWith({ lookup: found('nasa') }) });
    const event = await runTask({ id: 5, kind: 'lookup', handle: h('nasa'), refresh: true, resend: false, origin: 'refresh' }, d);
    expect(event).toEqual({ type: 'lookup-answered', taskId: 5, response: found('nasa') });
    expect(d.send).toHaveBeenCalledWith('lookup', { handle: 'nasa', refresh: true, resend: false });
  });

  it('make-room: clears the cache but the answer on screen', async () => {
    const d = deps({ send: sendWith({ 'clear-cache': { cleared: 4, keptIn: 'cache' } }) });
    expect(await runTask({ id: 6, kind: 'make-room', keep: h('nasa') }, d)).toEqual({ type: 'room-made', taskId: 6, cleared: 4, keptIn: 'cache' });
    expect(d.send).toHaveBeenCalledWith('clear-cache', { keep: 'nasa' });
  });

  it('a background that does not answer: task-failed with its message', async () => {
    const event = await runTask({ id: 2, kind: 'lookup', handle: h('nasa'), refresh: false, resend: false, origin: 'tab' }, deps());
    expect(event).toEqual({ type: 'task-failed', taskId: 2, message: 'no answer for lookup' });
  });
});

describe('tabIdFromSearch', () => {
  it.each([
    ['?tab=7', 7],
    ['?tab=0', 0],
    ['', null],
    ['?tab=', null],
    ['?tab=-1', null],
    ['?tab=1.5', null],
    ['?tab=12abc', null],
    ['?tab=9999999999999999', null],
    ['?other=1&tab=42', 42],
  ])('%j → %j', (search, id) => {
    expect(tabIdFromSearch(search)).toBe(id);
  });
});

describe('handleFromSearch', () => {
  it.each([
    ['?handle=nasa', 'nasa'],
    ['?handle=NatGeo', 'natgeo'],
    ['?handle=%40nasa', 'nasa'],
    ['?handle=explore', null],
    ['?handle=', null],
    ['?tab=3', null],
  ])('%j → %j', (search, handle) => {
    expect(handleFromSearch(search)).toBe(handle);
  });
});
