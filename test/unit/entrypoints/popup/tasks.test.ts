import { describe, expect, it, vi } from 'vitest';
import { initialPopupState, popupReducer } from '@/entrypoints/popup/state';
import { readStart, runTask, settledWithin, startEarly, type TaskDeps } from '@/entrypoints/popup/tasks';
import type { HighlightList } from '@/utils/highlights/highlight';
import type { Handle } from '@/utils/profile-url';
import type { KeptIn, LookupResponse, PageMessage, Send } from '@/utils/protocol';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { h } from '@/test/unit/helpers/handles';

const list = (handle: string, count = 2): HighlightList => ({
  handle: h(handle),
  ownerId: '528817151',
  highlights: Array.from({ length: count }, (_, i) => ({ id: `1790000000000000${i}`, title: `t${i}`, coverUrl: null })),
  fetchedAt: 1_000,
});
const found = (handle: string, fromCache = false): LookupResponse => ({ ok: true, list: list(handle), fromCache, keptIn: 'cache' });

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
    const state = popupReducer(popupReducer(initialPopupState, { type: 'opened' }), event);
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

  it('a task begun before the first render (startEarly) is answered by its own promise, once', async () => {
    const d = deps({ send: sendWith({ lookup: found('nasa') }) });
    const early = { id: 2, answer: Promise.resolve({ type: 'lookup-answered' as const, taskId: 2, response: found('natgeo') }) };
    let given: typeof early | null = early;
    const withEarly: TaskDeps = {
      ...d,
      earlyTask: (id) => {
        if (given?.id !== id) return null;
        const { answer } = given;
        given = null;
        return answer;
      },
    };
    const task = { id: 2, kind: 'lookup' as const, handle: h('nasa'), refresh: false, resend: false, origin: 'tab' as const };
    expect(await runTask(task, withEarly)).toMatchObject({ response: found('natgeo') });
    expect(d.send).not.toHaveBeenCalled();
    // A later task with the same work (Try again) sends anew.
    expect(await runTask({ ...task, id: 3 }, withEarly)).toMatchObject({ taskId: 3, response: found('nasa') });
    expect(d.send).toHaveBeenCalledTimes(1);
  });
});

describe('startEarly: what the popup opens in, worked out before it renders', () => {
  const reads = (cached: { list: HighlightList; keptIn: KeptIn } | null, handle: string | null = 'nasa', hasKey = true) => ({
    hasKey,
    settings: DEFAULT_SETTINGS,
    tabId: 7,
    handle: handle === null ? null : h(handle),
    pageSeen: true,
    cached,
  });

  it('a cached answer: the list, and nothing to do', () => {
    const send = vi.fn();
    const started = startEarly(reads({ list: list('nasa'), keptIn: 'cache' }), { send } as unknown as TaskDeps);
    expect(started.state.view).toEqual({ state: 'list', list: list('nasa'), fromCache: true, keptIn: 'cache' });
    expect(started.task).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });

  it('nothing cached: "Looking up", with the lookup sent at once, the same the reducer would ask for', async () => {
    const send = vi.fn(async () => found('nasa'));
    const started = startEarly(reads(null), { send } as unknown as TaskDeps);
    expect(started.state.view).toEqual({ state: 'loading', handle: 'nasa' });
    expect(started.state.task).toMatchObject({ kind: 'lookup', handle: 'nasa', refresh: false, resend: false });
    expect(send).toHaveBeenCalledWith('lookup', { handle: 'nasa', refresh: false, resend: false });
    expect(started.task?.id).toBe(started.state.task!.id);
    expect(await started.task!.answer).toEqual({ type: 'lookup-answered', taskId: started.state.task!.id, response: found('nasa') });
  });

  it('no key, or no profile: that view, and nothing sent', () => {
    const send = vi.fn();
    expect(startEarly(reads(null, 'nasa', false), { send } as unknown as TaskDeps).state.view).toEqual({ state: 'no-key', handle: 'nasa' });
    expect(startEarly(reads(null, null), { send } as unknown as TaskDeps).state.view).toEqual({ state: 'no-profile', pageSeen: true });
    expect(send).not.toHaveBeenCalled();
  });
});

describe('settledWithin', () => {
  it('gives the value of a promise that settles in time, and null for one that is late or fails', async () => {
    expect(await settledWithin(Promise.resolve(4), 50)).toBe(4);
    expect(await settledWithin(new Promise(() => undefined), 5)).toBeNull();
    expect(await settledWithin(Promise.reject(new Error('gone')), 50)).toBeNull();
  });
});
