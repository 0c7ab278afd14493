// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'preact/hooks';
import { HighlightsView } from '@/entrypoints/popup/list/HighlightsView';
import type { CopyNotice } from '@/entrypoints/popup/list/CopyStatus';
import { createCopier } from '@/entrypoints/popup/on-demand/copying';
import { RefreshProblem } from '@/entrypoints/popup/failure-text';
import type { ErrorExplanation } from '@/utils/errors/error-action';
import type { HighlightList } from '@/utils/highlights/highlight';
import { FILTER_FROM } from '@/utils/highlights/highlight-filter';
import { text } from '@/utils/i18n';
import type { CopyFormat } from '@/utils/settings';
import { translatorFor } from '@/test/support/locales';
import { button, cleanup, click, find, key, mount, type } from '@/test/unit/helpers/dom';
import { fakeSend } from '@/test/unit/helpers/fake-send';
import { h } from '@/test/unit/helpers/handles';
import { PATIENT } from '@/test/unit/helpers/patience';

const en = translatorFor('en');

let clipboard: ReturnType<typeof vi.fn<(text: string) => Promise<void>>>;

beforeEach(() => {
  clipboard = vi.fn(async (_text: string) => undefined);
  vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(clipboard);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const listOf = (titles: string[], ownerId: string | null = '528817151'): HighlightList => ({
  handle: h('nasa'),
  ownerId,
  fetchedAt: Date.now(),
  highlights: titles.map((title, i) => ({ id: `1790000000000000${i}`, title, coverUrl: null })),
});

interface ViewOptions {
  copyFormat?: CopyFormat;
  refreshing?: boolean;
  refreshProblem?: ErrorExplanation | null;
}

/** The view as the popup gives it its copying: notices kept in state, as App.tsx keeps them. */
function Harness({ list, options, onRefresh, send }: { list: HighlightList; options: ViewOptions; onRefresh: () => void; send: ReturnType<typeof fakeSend> }) {
  const [notice, setNotice] = useState<CopyNotice | null>(null);
  const [copier] = useState(() => createCopier(en, setNotice));
  return (
    <HighlightsView
      list={list}
      fromCache={false}
      cacheNotice={null}
      menu={{ handle: list.handle, send, openCollection: () => undefined }}
      onRefresh={onRefresh}
      refreshing={options.refreshing ?? false}
      refreshProblem={options.refreshProblem ? <RefreshProblem explanation={options.refreshProblem} t={en} /> : null}
      copyFormat={options.copyFormat ?? 'lines'}
      copy={copier.copy}
      copying={async () => copier}
      notice={notice}
      t={en}
    />
  );
}

function view(list: HighlightList, options: ViewOptions = {}) {
  const onRefresh = vi.fn();
  const send = fakeSend({ collections: { collections: [{ id: 'default', name: '', size: 3 }] } } as never);
  const { root } = mount(<Harness list={list} options={options} onRefresh={onRefresh} send={send} />);
  const copyStatus = () => find(root, '[data-testid="copy-status"]').textContent;
  return { root, onRefresh, copyStatus, send };
}

const titles = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? `Travel ${i}` : `Food ${i}`));

describe('the highlights view', () => {
  // First in the file: "fetched … ago" loads once per file, and only this test sees the view before it has.
  it('says when the list was fetched after its first paint, and at once in a view that comes later', async () => {
    const { root } = view(listOf(titles(2)));
    const fetched = () => root.querySelector('[data-testid="fetched-at"]')?.textContent;
    expect(fetched()).toBeUndefined();
    expect(root.querySelectorAll('.row')).toHaveLength(2);
    await vi.waitFor(() => expect(fetched()).toBe('fetched just now'), PATIENT);
    const later = view(listOf(titles(1)));
    expect(later.root.querySelector('[data-testid="fetched-at"]')?.textContent).toBe('fetched just now');
  });

  it.each<[CopyFormat, string, RegExp, string]>([
    ['lines', 'Copy all IDs', /^17900000000000000\n17900000000000001$/, 'Copied 2 IDs'],
    ['csv', 'Copy all as CSV', /^id,title\r?\n.*17900000000000000.*Travel 0/s, 'Copied 2 highlights as CSV'],
    ['json', 'Copy all as JSON', /"id": ?"17900000000000001"/, 'Copied 2 highlights as JSON'],
  ])('copies every ID in the chosen format (%s) and says so', async (copyFormat, label, copied, said) => {
    const { root, copyStatus } = view(listOf(titles(2)), { copyFormat });
    click(button(root, label));
    await vi.waitFor(() => expect(copyStatus()).toBe(said), PATIENT);
    expect(clipboard).toHaveBeenCalledTimes(1);
    expect(clipboard.mock.calls[0]![0]).toMatch(copied);
  });

  it('says so when the clipboard refuses', async () => {
    clipboard.mockRejectedValue(new Error('not allowed'));
    const { root, copyStatus } = view(listOf(titles(2)));
    click(button(root, 'Copy all IDs'));
    await vi.waitFor(() => expect(copyStatus()).toBe('Could not copy — select the ID and press Ctrl+C'), PATIENT);
  });

  it('copies one row’s ID', async () => {
    const { root, copyStatus } = view(listOf(titles(2)));
    click(find(root, '.row[data-id="17900000000000001"] .copy-button'));
    await vi.waitFor(() => expect(copyStatus()).toBe('Copied 17900000000000001'), PATIENT);
    expect(clipboard.mock.calls.map(([copied]) => copied)).toEqual(['17900000000000001']);
  });

  it('filters a longer list, and copies and counts only what the filter shows', async () => {
    const { root, copyStatus } = view(listOf(titles(FILTER_FROM + 8)));
    const filter = await vi.waitFor(() => find<HTMLInputElement>(root, '#highlight-filter'), PATIENT);
    type(filter, 'food');
    const shown = root.querySelectorAll<HTMLElement>('.row');
    expect(shown).toHaveLength(10);
    expect([...shown].every((row) => row.textContent?.includes('Food'))).toBe(true);
    expect(find(root, '[data-testid="filter-shown"]').textContent).toBe(`10 of ${FILTER_FROM + 8} shown`);
    click(button(root, 'Copy all IDs'));
    await vi.waitFor(() => expect(copyStatus()).toBe('Copied 10 IDs'), PATIENT);
    expect(clipboard.mock.calls[0]![0].split('\n')).toEqual([...shown].map((row) => row.dataset.id));
    type(filter, 'nothing like it');
    expect(button(root, 'Copy all IDs').disabled).toBe(true);
  });

  it(`offers no filter to a list of ${FILTER_FROM} or fewer, even once the filter's code is there`, async () => {
    const long = view(listOf(titles(FILTER_FROM + 1)));
    await vi.waitFor(() => find(long.root, '#highlight-filter'), PATIENT);
    const { root } = view(listOf(titles(FILTER_FROM)));
    expect(root.querySelector('#highlight-filter')).toBeNull();
  });

  it('an empty list says the profile has none, offers no copy or files, and can still be refreshed', async () => {
    const { root, onRefresh } = view(listOf([], null));
    expect(find(root, '[data-testid="empty-message"]').textContent).toBe('@nasa has no highlights');
    expect(() => button(root, 'Copy all IDs')).toThrow();
    click(find(root, `button[title="${en('refreshTitle')}"]`));
    expect(onRefresh).toHaveBeenCalledTimes(1);
    // Its menu has the collection, and nothing to download.
    click(find(root, '.menu-button'));
    await vi.waitFor(() => button(root, 'Add to collection'), PATIENT);
    expect(() => button(root, 'Download CSV')).toThrow();
  });

  it('puts the rest in one menu, loaded when it is first opened; Escape closes it and gives the focus back', async () => {
    const { root, send } = view(listOf(titles(2)));
    const menuButton = find<HTMLButtonElement>(root, '.menu-button');
    expect(menuButton.getAttribute('aria-label')).toBe('More: downloads and the collection');
    expect(menuButton.getAttribute('aria-expanded')).toBe('false');
    // Nothing of the menu, nor a word to the background, before it is opened.
    expect(root.querySelector('.list-menu')).toBeNull();
    expect(send).not.toHaveBeenCalled();
    click(menuButton);
    expect(menuButton.getAttribute('aria-expanded')).toBe('true');
    const menu = await vi.waitFor(() => find(root, '#list-menu'), PATIENT);
    expect(menuButton.getAttribute('aria-controls')).toBe('list-menu');
    expect([...menu.querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual([
      'Download CSV',
      'Download JSON',
      'Add to collection',
      'Open the collection',
    ]);
    expect(document.activeElement).toBe(button(menu, 'Download CSV'));
    // The collection's size is asked for as it opens.
    await vi.waitFor(() => expect(find(menu, '[data-testid="collection-status"]').textContent).toBe('3 in the collection'), PATIENT);
    key(button(menu, 'Download JSON'), 'Escape');
    expect(root.querySelector('#list-menu')).toBeNull();
    expect(document.activeElement).toBe(menuButton);
    expect(menuButton.getAttribute('aria-expanded')).toBe('false');
  });

  it('Refresh waits while a refresh is under way, and a failed one says the list is the earlier one', () => {
    const problem: ErrorExplanation = { title: text('errNoKeyTitle'), detail: text('errNoKeyDetail'), action: 'open-options' };
    const { root } = view(listOf(titles(2)), { refreshing: true, refreshProblem: problem });
    const refresh = find<HTMLButtonElement>(root, `button[title="${en('refreshTitle')}"]`);
    expect(refresh.disabled).toBe(true);
    expect(refresh.getAttribute('aria-busy')).toBe('true');
    expect(refresh.textContent).toContain('Refreshing…');
    const alert = find(root, '[data-testid="refresh-error"]');
    expect(alert.textContent).toContain(`Refresh failed: ${en(problem.title)}.`);
    expect(alert.textContent).toContain('The list below is the earlier answer.');
  });
});
