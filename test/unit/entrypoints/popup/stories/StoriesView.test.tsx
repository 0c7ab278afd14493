// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoriesView } from '@/entrypoints/popup/stories/StoriesView';
import { CopyStatus } from '@/entrypoints/popup/list/CopyStatus';
import { createCopier } from '@/entrypoints/popup/on-demand/copying';
import { Thumbnail } from '@/entrypoints/popup/list/Thumbnail';
import type { HighlightList } from '@/utils/highlights/highlight';
import type { PageMessage, RequestOf, Send, StoriesResponse } from '@/utils/protocol';
import type { CachedStories } from '@/utils/stories/cached-stories';
import type { Story } from '@/utils/stories/story';
import { translatorFor } from '@/test/support/locales';
import { button, cleanup, click, find, mount } from '@/test/unit/helpers/dom';
import { h } from '@/test/unit/helpers/handles';
import { PATIENT } from '@/test/unit/helpers/patience';

const en = translatorFor('en');
const ID = '17900000000000001';
const NOW = Date.now();

const list: HighlightList = { handle: h('nasa'), ownerId: '528817151', fetchedAt: NOW, highlights: [{ id: ID, title: 'Mars', coverUrl: null }] };

const story = (n: number, expiresAt: number | null = NOW + 86_400_000): Story => ({
  id: `3123456789012345678${n}`,
  mediaType: n % 2 ? 'video' : 'photo',
  takenAt: Date.UTC(2026, 0, 1, n),
  mediaUrl: `https://scontent.cdninstagram.com/v/${n}.jpg?oe=1`,
  thumbnailUrl: `https://scontent.cdninstagram.com/t/${n}.jpg`,
  videoDuration: n % 2 ? 5.25 : null,
  linksExpireAt: expiresAt,
});

const read = (stories: Story[]): CachedStories => ({
  highlightId: ID,
  fetchedAt: NOW,
  content: { kind: 'read', shape: 'reels', stories: { highlightId: ID, title: 'Mars', ownerId: null, ownerUsername: null, mediaCount: null, stories } },
});

let clipboard: ReturnType<typeof vi.fn<(text: string) => Promise<void>>>;

beforeEach(() => {
  clipboard = vi.fn(async (_text: string) => undefined);
  vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(clipboard);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The popup's copier (on-demand/copying.ts), as the list gives it to the view; its notices are the list's to show. */
const copier = () => createCopier(en, () => undefined);

/** The view over a `send` that answers `answers` in turn, recording what it was asked. */
function view(...answers: StoriesResponse[]) {
  const asked: Array<RequestOf<'highlight-stories'>> = [];
  const send = vi.fn(async (_type: 'highlight-stories', request: RequestOf<'highlight-stories'>) => {
    asked.push(request);
    return answers[Math.min(asked.length - 1, answers.length - 1)]!;
  });
  const row = document.createElement('li');
  row.tabIndex = -1;
  document.body.append(row);
  const onClose = vi.fn();
  const { root } = mount(
    <StoriesView target={{ id: ID, row }} list={list} parts={{ Thumbnail, CopyStatus }} copy={copier().copy} notice={null} send={send as unknown as Send<PageMessage>} onClose={onClose} t={en} />,
  );
  const state = () => find(root, '[data-testid="stories-view"]').getAttribute('data-state');
  return { root, asked, onClose, row, state };
}

describe('the stories view', () => {
  it('asks once without paying again, then lists the stories in order with their exact ids', async () => {
    const { root, asked, state } = view({ ok: true, answer: read([story(0), story(1)]), fromCache: false, keptIn: 'cache' });
    await vi.waitFor(() => expect(state()).toBe('answer'), PATIENT);
    expect(asked).toEqual([{ highlightId: ID, refresh: false }]);
    expect([...root.querySelectorAll('[data-testid="story-id"]')].map((e) => e.textContent)).toEqual([story(0).id, story(1).id]);
    expect([...root.querySelectorAll('[data-testid="story-type"]')].map((e) => e.textContent)).toEqual(['Photo', 'Video']);
    expect(find(root, '[data-testid="story-count"]').textContent).toBe('2 stories');
  });

  it('Refresh · 1 credit is the one way to pay again', async () => {
    const answer: StoriesResponse = { ok: true, answer: read([story(0)]), fromCache: true, keptIn: 'cache' };
    const { root, asked, state } = view(answer, answer);
    await vi.waitFor(() => expect(state()).toBe('answer'), PATIENT);
    click(button(root, 'Refresh · 1 credit'));
    await vi.waitFor(() => expect(asked).toHaveLength(2), PATIENT);
    expect(asked[1]).toEqual({ highlightId: ID, refresh: true });
  });

  it('marks expired links, copies none of them, and says since when', async () => {
    const { root, state } = view({ ok: true, answer: read([story(0, NOW - 1000)]), fromCache: true, keptIn: 'cache' });
    await vi.waitFor(() => expect(state()).toBe('answer'), PATIENT);
    expect(root.querySelectorAll('[data-testid="story-expired"]')).toHaveLength(1);
    expect(find(root, '[data-testid="links-expired"]').textContent).toMatch(/^The media links expired at /);
    expect(button(root, 'Copy all media URLs').disabled).toBe(true);
    expect(button(root, 'Copy URL').disabled).toBe(true);
  });

  it('Copy all media URLs copies the links that still work, one per line, in order', async () => {
    const { root, state } = view({ ok: true, answer: read([story(0), story(1, NOW - 1000), story(2)]), fromCache: true, keptIn: 'cache' });
    await vi.waitFor(() => expect(state()).toBe('answer'), PATIENT);
    click(button(root, 'Copy all media URLs'));
    await vi.waitFor(() => expect(clipboard).toHaveBeenCalledWith(`${story(0).mediaUrl}\n${story(2).mediaUrl}`), PATIENT);
  });

  it('copies a story’s media id exactly', async () => {
    const { root, state } = view({ ok: true, answer: read([story(0)]), fromCache: true, keptIn: 'cache' });
    await vi.waitFor(() => expect(state()).toBe('answer'), PATIENT);
    click(find(root, `button[aria-label="Copy media ID ${story(0).id}"]`));
    await vi.waitFor(() => expect(clipboard).toHaveBeenCalledWith(story(0).id), PATIENT);
  });

  it('offers an answer in no known shape as it came', async () => {
    const raw: CachedStories = { highlightId: ID, fetchedAt: NOW, content: { kind: 'raw', raw: '{"odd":true}', detail: 'no reel items in any known shape' } };
    const { root, state } = view({ ok: true, answer: raw, fromCache: false, keptIn: 'cache' });
    await vi.waitFor(() => expect(state()).toBe('answer'), PATIENT);
    expect(find(root, '[data-testid="stories-raw"]').textContent).toMatch(/cannot read.*\(no reel items in any known shape\)/);
    click(button(root, 'Copy the answer'));
    await vi.waitFor(() => expect(clipboard).toHaveBeenCalledWith('{"odd":true}'), PATIENT);
  });

  it('after an interrupted request, Try again sends it again on purpose', async () => {
    const { root, asked, state } = view(
      { ok: false, highlightId: ID, error: { kind: 'interrupted', startedAt: NOW } },
      { ok: true, answer: read([story(0)]), fromCache: false, keptIn: 'cache' },
    );
    await vi.waitFor(() => expect(state()).toBe('error'), PATIENT);
    click(button(root, 'Try again · 1 credit'));
    await vi.waitFor(() => expect(state()).toBe('answer'), PATIENT);
    expect(asked[1]).toEqual({ highlightId: ID, refresh: false, resend: true });
  });

  it('a background that does not answer is said as a lost request', async () => {
    const row = document.createElement('li');
    const send = vi.fn(async () => Promise.reject(new Error('no answer')));
    const { root } = mount(
      <StoriesView target={{ id: ID, row }} list={list} parts={{ Thumbnail, CopyStatus }} copy={copier().copy} notice={null} send={send} onClose={() => undefined} t={en} />,
    );
    await vi.waitFor(() => expect(find(root, '[data-testid="stories-error"]').getAttribute('data-kind')).toBe('interrupted'), PATIENT);
  });

  it('Escape and Back return to the list, with the focus on the row', async () => {
    const { root, onClose, row, state } = view({ ok: true, answer: read([story(0)]), fromCache: true, keptIn: 'cache' });
    await vi.waitFor(() => expect(state()).toBe('answer'), PATIENT);
    find(root, '[data-testid="stories-view"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(row);
    click(find(root, '[data-testid="stories-back"]'));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
