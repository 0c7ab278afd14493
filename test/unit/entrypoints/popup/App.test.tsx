// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/entrypoints/popup/App';
import { startEarly, type TaskDeps } from '@/entrypoints/popup/tasks';
import type { HighlightList } from '@/utils/highlights/highlight';
import type { PageMessage, Send } from '@/utils/protocol';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { translatorFor } from '@/test/support/locales';
import { button, cleanup, click, find, mount } from '@/test/unit/helpers/dom';
import { deferred, fakeSend } from '@/test/unit/helpers/fake-send';
import { h } from '@/test/unit/helpers/handles';
import { PATIENT } from '@/test/unit/helpers/patience';

const en = translatorFor('en');

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const nasa: HighlightList = {
  handle: h('nasa'),
  ownerId: '528817151',
  fetchedAt: Date.now(),
  highlights: [
    { id: '17900000000000000', title: 'Mars', coverUrl: null },
    { id: '17900000000000001', title: 'Moon', coverUrl: null },
  ],
};
const balance = { ok: true as const, balance: { credits: 950, status: 'active', subscriptionId: null }, at: 0 };

function deps(send: Send<PageMessage>, cached: HighlightList | null = null, hasKey = true): TaskDeps {
  return {
    send,
    resolveTabId: async () => 7,
    namedHandle: () => null,
    askTab: async () => h('nasa'),
    readStatus: async () => ({ hasKey, settings: DEFAULT_SETTINGS }),
    readCachedAnswer: async () => (cached ? { list: cached, keptIn: 'cache' as const } : null),
  };
}

function open(d: TaskDeps, initial: ReturnType<typeof startEarly>['state'] | null) {
  const { root } = mount(<App {...d} initial={initial} t={en} openOptions={vi.fn()} openPage={vi.fn()} popOut={vi.fn()} />);
  const main = () => find(root, 'main');
  return { root, main };
}

const reads = (d: TaskDeps, cached: HighlightList | null, hasKey = true) =>
  startEarly({ hasKey, settings: DEFAULT_SETTINGS, tabId: 7, handle: h('nasa'), pageSeen: true, cached: cached ? { list: cached, keptIn: 'cache' } : null }, d);

describe('the popup, opened with what it read before rendering (main.tsx)', () => {
  // First in the file: the reducer's code (state.ts) loads once per file, and only this test acts before it has.
  it('paints without the reducer, and applies an event that comes before it has loaded once it has', async () => {
    const send = fakeSend<PageMessage>({ 'get-balance': balance, lookup: () => new Promise(() => undefined) });
    const d = deps(send, nasa);
    const { root } = open(d, reads(d, nasa).state);
    const refresh = [...root.querySelectorAll('button')].find((b) => b.title === en('refreshTitle'))!;
    click(refresh);
    expect(send).not.toHaveBeenCalledWith('lookup', expect.anything());
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith('lookup', { handle: 'nasa', refresh: true, resend: false }), PATIENT);
    expect(refresh.getAttribute('aria-busy')).toBe('true');
    expect(send.mock.calls.filter(([type]) => type === 'lookup')).toHaveLength(1);
  });

  it('renders the cached list in its first render: its rows, data-state "list", nothing busy', () => {
    const send = fakeSend<PageMessage>({ 'get-balance': balance });
    const d = deps(send, nasa);
    const { root, main } = open(d, reads(d, nasa).state);
    expect(main().dataset.state).toBe('list');
    expect(main().getAttribute('aria-busy')).toBeNull();
    expect([...root.querySelectorAll<HTMLElement>('.row')].map((row) => row.dataset.id)).toEqual(nasa.highlights.map((x) => x.id));
    expect(find(root, '[data-testid="profile-handle"]').textContent).toBe('@nasa');
    expect(find(root, '[data-testid="owner-id"]').textContent).toContain('528817151');
    // Nothing asked of the background to paint it.
    expect(send).not.toHaveBeenCalledWith('lookup', expect.anything());
  });

  it('asks for the balance only after the paint, and shows it at the foot', async () => {
    const send = fakeSend<PageMessage>({ 'get-balance': balance });
    const d = deps(send, nasa);
    const { root } = open(d, reads(d, nasa).state);
    expect(send).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(find(root, '[data-testid="balance"]').textContent).toBe('950 credits · active'), PATIENT);
    expect(send.mock.calls.map(([type]) => type)).toEqual(['get-balance']);
  });

  it('nothing cached: "Looking up" while the lookup sent before rendering is out, then the list', async () => {
    const answer = deferred<{ ok: true; list: HighlightList; fromCache: false; keptIn: 'cache' }>();
    const send = fakeSend<PageMessage>({ lookup: () => answer.promise, 'get-balance': balance });
    const d = deps(send);
    const early = reads(d, null);
    let task = early.task;
    const { root, main } = open(
      {
        ...d,
        earlyTask: (id) => {
          if (task?.id !== id) return null;
          const { answer: given } = task;
          task = null;
          return given;
        },
      },
      early.state,
    );
    expect(main().dataset.state).toBe('loading');
    expect(main().getAttribute('aria-busy')).toBe('true');
    await vi.waitFor(() => expect(find(root, '[role="status"]').textContent).toContain('Looking up @nasa'), PATIENT);
    answer.resolve({ ok: true, list: nasa, fromCache: false, keptIn: 'cache' });
    await vi.waitFor(() => expect(main().dataset.state).toBe('list'), PATIENT);
    // One lookup in all: the one sent before rendering.
    expect(send.mock.calls.filter(([type]) => type === 'lookup')).toHaveLength(1);
  });

  it('no key: "loading" until the panel that says so has loaded, then "no-key" with the way to the options', async () => {
    const send = fakeSend<PageMessage>({});
    const d = deps(send, null, false);
    const { root, main } = open(d, reads(d, null, false).state);
    expect(main().dataset.state).toBe('loading');
    expect(main().getAttribute('aria-busy')).toBe('true');
    await vi.waitFor(() => expect(main().dataset.state).toBe('no-key'), PATIENT);
    expect(main().getAttribute('aria-busy')).toBeNull();
    expect(button(root, 'Open options')).toBeTruthy();
  });
});

describe('the popup, when the reads were slow', () => {
  it('starts from "Checking this tab…" and reads then', async () => {
    const send = fakeSend<PageMessage>({ 'get-balance': balance });
    const { root, main } = open(deps(send, nasa), null);
    await vi.waitFor(() => expect(main().dataset.state).toBe('list'), PATIENT);
    expect(root.querySelectorAll('.row')).toHaveLength(2);
  });
});

describe('copying from the header', () => {
  it('copies the profile’s user ID and says so', async () => {
    const clipboard = vi.fn(async (_text: string) => undefined);
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(clipboard);
    const send = fakeSend<PageMessage>({ 'get-balance': balance });
    const d = deps(send, nasa);
    const { root } = open(d, reads(d, nasa).state);
    click(find(root, '[data-testid="owner-id"] button'));
    await vi.waitFor(() => expect(find(root, '[data-testid="copy-status"]').textContent).toBe('Copied user ID 528817151'), PATIENT);
    expect(clipboard).toHaveBeenCalledWith('528817151');
  });
});

describe('a paid answer', () => {
  const paid = (keptIn: 'cache' | 'session' | null) => ({ ok: true as const, list: nasa, fromCache: false, keptIn });

  function openLookingUp(send: Send<PageMessage>) {
    const d = deps(send);
    const early = reads(d, null);
    let task = early.task;
    return open(
      {
        ...d,
        earlyTask: (id) => {
          if (task?.id !== id) return null;
          const given = task.answer;
          task = null;
          return given;
        },
      },
      early.state,
    );
  }

  it('told before it was stored: the list at once, then where it went, asked once after the paint', async () => {
    const kept = deferred<{ keptIn: 'session' }>();
    const send = fakeSend<PageMessage>({ lookup: paid(null), 'answer-kept': () => kept.promise, 'get-balance': balance });
    const { root, main } = openLookingUp(send);
    await vi.waitFor(() => expect(main().dataset.state).toBe('list'), PATIENT);
    expect(root.querySelector('[data-testid="cache-notice"]')).toBeNull();
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith('answer-kept', { handle: 'nasa' }), PATIENT);
    kept.resolve({ keptIn: 'session' });
    await vi.waitFor(() => expect(find(root, '[data-testid="cache-notice"]').textContent).toContain(en('cacheFullSession')), PATIENT);
    expect(send.mock.calls.filter(([type]) => type === 'answer-kept')).toHaveLength(1);
  });

  it('told before it was stored and then kept in the cache: no notice', async () => {
    const send = fakeSend<PageMessage>({ lookup: paid(null), 'answer-kept': { keptIn: 'cache' }, 'get-balance': balance });
    const { root, main } = openLookingUp(send);
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith('answer-kept', { handle: 'nasa' }), PATIENT);
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith('get-balance', {}), PATIENT);
    expect(main().dataset.state).toBe('list');
    expect(root.querySelector('[data-testid="cache-notice"]')).toBeNull();
  });

  it('told with where it was kept: nothing more is asked', async () => {
    const send = fakeSend<PageMessage>({ lookup: paid('cache'), 'get-balance': balance });
    const { main } = openLookingUp(send);
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith('get-balance', {}), PATIENT);
    expect(main().dataset.state).toBe('list');
    expect(send).not.toHaveBeenCalledWith('answer-kept', expect.anything());
  });

  it('paints before the reducer’s code has loaded: a list needs none of it', async () => {
    vi.resetModules();
    // The reducer's chunk never arrives.
    vi.doMock('@/entrypoints/popup/state', () => new Promise(() => undefined));
    try {
      const { App: FreshApp } = await import('@/entrypoints/popup/App');
      const send = fakeSend<PageMessage>({ lookup: paid('cache'), 'get-balance': balance });
      const d = deps(send);
      const early = reads(d, null);
      const given = early.task!;
      const { root } = mount(
        <FreshApp
          {...d}
          earlyTask={(id) => (id === given.id ? given.answer : null)}
          initial={early.state}
          t={en}
          openOptions={vi.fn()}
          openPage={vi.fn()}
          popOut={vi.fn()}
        />,
      );
      await vi.waitFor(() => expect(find(root, 'main').dataset.state).toBe('list'), PATIENT);
      expect(root.querySelectorAll('.row')).toHaveLength(2);
    } finally {
      vi.doUnmock('@/entrypoints/popup/state');
      vi.resetModules();
    }
  });
});
