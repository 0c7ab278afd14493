// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoriesEstimateBox, StoriesRunProgress, storiesRunFile } from '@/components/StoriesRunParts';
import type { PageMessage, Send } from '@/utils/protocol';
import type { StoriesRunView } from '@/utils/stories/stories-run-view';
import type { StoriesOfHighlight } from '@/utils/stories/story-files';
import { translatorFor } from '@/test/support/locales';
import { buttonLabels, cleanup, click, find, mount } from '@/test/unit/helpers/dom';

const en = translatorFor('en');
const pt = translatorFor('pt_BR');

afterEach(cleanup);

const view = (patch: Partial<StoriesRunView> = {}): StoriesRunView => ({
  phase: 'running',
  done: 5,
  failed: 0,
  total: 12,
  spent: 3,
  stopReason: null,
  failures: [],
  ...patch,
});

describe('the estimate', () => {
  it('says what is cached and what it costs, and confirms exactly that number of credits', () => {
    const onConfirm = vi.fn();
    const { root } = mount(<StoriesEstimateBox estimate={{ highlights: 12, cached: 3, credits: 9 }} changed={false} starting={false} onConfirm={onConfirm} t={en} />);
    expect(find(root, '[data-testid="all-stories-estimate"]').textContent).toBe('12 highlights: 3 cached, 9 credits');
    expect(root.querySelector('[data-testid="all-stories-changed"]')).toBeNull();
    click(find(root, '[data-testid="all-stories-confirm"]'));
    expect(onConfirm).toHaveBeenCalledWith(9);
    expect(buttonLabels(root)).toEqual(['Get the stories · 9 credits']);
  });

  it('says when the estimate changed since, and waits while starting', () => {
    const { root } = mount(<StoriesEstimateBox estimate={{ highlights: 1, cached: 0, credits: 1 }} changed starting onConfirm={vi.fn()} t={pt} />);
    expect(find(root, '[data-testid="all-stories-changed"]').textContent).toBe('O cache mudou desde a estimativa. Esta é a nova.');
    expect(find(root, '[data-testid="all-stories-estimate"]').textContent).toBe('1 destaque: 0 em cache e 1 crédito');
    expect(find<HTMLButtonElement>(root, '[data-testid="all-stories-confirm"]').disabled).toBe(true);
  });
});

describe('the run', () => {
  const progress = (shown: StoriesRunView, t = en) => {
    const onControl = vi.fn();
    const onStartAgain = vi.fn();
    const onDownload = vi.fn();
    const { root } = mount(<StoriesRunProgress view={shown} onControl={onControl} onStartAgain={onStartAgain} onDownload={onDownload} t={t} />);
    return { root, onControl, onStartAgain, onDownload, text: root.textContent ?? '' };
  };

  it('running: how far, what it spent, Pause and Cancel, and the files of what is done', () => {
    const { root, onControl, onDownload, text } = progress(view({ done: 4, failed: 1 }));
    expect(text).toContain('5 of 12 highlights · 3 credits spent');
    expect(find<HTMLProgressElement>(root, 'progress').value).toBe(5);
    expect(buttonLabels(root)).toEqual(['Pause', 'Cancel', 'Download stories CSV', 'Download stories JSON']);
    click(find(root, '[data-testid="all-stories-pause"]'));
    click(find(root, '[data-testid="all-stories-cancel"]'));
    click(find(root, '[data-testid="all-stories-json"]'));
    expect(onControl.mock.calls).toEqual([['pause'], ['cancel']]);
    expect(onDownload).toHaveBeenCalledWith('json');
    expect(find(root, '[data-testid="all-stories-failed"]').textContent).toBe('1 highlight failed.');
  });

  it('paused: Resume and Cancel; nothing done yet: no files', () => {
    const { root, onControl } = progress(view({ phase: 'paused', done: 0 }));
    expect(buttonLabels(root)).toEqual(['Resume', 'Cancel']);
    click(find(root, '[data-testid="all-stories-resume"]'));
    expect(onControl).toHaveBeenCalledWith('resume');
  });

  it.each([
    ['out-of-credits', /out of credits/],
    ['key-rejected', /rejected your API key/],
    ['no-key', /no API key is saved/],
    ['rate-limited', /asked to wait/],
    ['timeout', /^Stopped\. Press Resume to go on/],
  ] as const)('stopped for %s: says why, and offers Resume', (reason, words) => {
    const { root, text } = progress(view({ phase: 'stopped', stopReason: reason }));
    expect(find(root, '[data-testid="all-stories-run"] > p:nth-of-type(2)').textContent).toMatch(words);
    expect(text).toContain('Resume');
    expect(buttonLabels(root)).toContain('Resume');
  });

  it('over: Start again, and the lost request said as such', () => {
    const { root, onStartAgain, text } = progress(view({ phase: 'finished', done: 11, failed: 1, failures: [['interrupted', 1]] }));
    expect(buttonLabels(root)).toEqual(['Start again', 'Download stories CSV', 'Download stories JSON']);
    expect(text).toContain('Finished.');
    expect(find(root, '[data-testid="all-stories-interrupted"]').textContent).toMatch(/may have cost a credit/);
    click(find(root, '[data-testid="all-stories-again"]'));
    expect(onStartAgain).toHaveBeenCalled();
  });
});

describe('the files', () => {
  it('asks for every page of the run and writes them in order, named after the label', async () => {
    const story = (id: string) => ({ id, mediaType: 'photo' as const, takenAt: 0, mediaUrl: null, thumbnailUrl: null, videoDuration: null, linksExpireAt: null });
    const all: StoriesOfHighlight[] = Array.from({ length: 250 }, (_, i) => ({ handle: 'nasa', highlightId: `${1000 + i}`, highlightTitle: 'T', stories: [story(`9${i}`)] }));
    const send = vi.fn(async (_type: 'stories-run-results', { offset, limit }: { offset: number; limit: number }) => ({ highlights: all.slice(offset, offset + limit), total: all.length }));
    const { name, blob } = await storiesRunFile(send as unknown as Send<PageMessage>, { collection: 'default' }, 'csv', 'My list');
    expect(send.mock.calls.map(([, request]) => request)).toEqual([
      { of: { collection: 'default' }, offset: 0, limit: 200 },
      { of: { collection: 'default' }, offset: 200, limit: 200 },
    ]);
    expect(name).toMatch(/^My-list-stories-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = (await blob.text()).trimEnd().split('\r\n').slice(1);
    expect(rows.map((row) => row.split(',')[3])).toEqual(all.map((_, i) => `9${i}`));
  });
});
