// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COVERS_AHEAD, FIRST_ROWS, HighlightList } from '@/entrypoints/popup/list/HighlightList';
import { MAX_STEP_ROWS, MIN_STEP_ROWS } from '@/entrypoints/popup/on-demand/row-steps';
import type { Highlight } from '@/utils/highlights/highlight';
import { translatorFor } from '@/test/support/locales';
import { cleanup, find, key, mount } from '@/test/unit/helpers/dom';
import { PATIENT } from '@/test/unit/helpers/patience';

const en = translatorFor('en');

afterEach(cleanup);

const highlights = (count: number, prefix = '17900'): Highlight[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, title: `Highlight ${i}`, coverUrl: null }));

function list(items: readonly Highlight[]) {
  const calls = { onCopy: vi.fn(), onMore: vi.fn() };
  const ui = (shown: readonly Highlight[]) => <HighlightList highlights={shown} label="Highlights" t={en} {...calls} />;
  const { root, rerender } = mount(ui(items));
  const ul = find<HTMLElement>(root, '.highlights');
  return {
    ...calls,
    ul,
    show: (next: readonly Highlight[]) => rerender(ui(next)),
    rows: () => [...ul.querySelectorAll<HTMLElement>('.row')],
    /** Rows in each run: each step of the list is a run of its own. */
    runs: () => [...ul.querySelectorAll('.run')].map((run) => run.querySelectorAll('.row').length),
    hasCover: (row: HTMLElement) => row.querySelector('.thumb-placeholder, img') !== null,
  };
}

describe('the highlight list', () => {
  // First in the file: the covers' code loads once per file, and only this test sees the list before it has.
  it('paints blank tiles first and draws the covers after that paint, loading their code only then', async () => {
    const withCovers = highlights(3).map((h, i) => (i === 0 ? { ...h, coverUrl: 'https://scontent.cdninstagram.com/v/a.jpg' } : h));
    const view = list(withCovers);
    expect(view.rows().filter(view.hasCover)).toEqual([]);
    expect(view.rows().every((row) => row.querySelector('.thumb[aria-hidden="true"]:empty') !== null)).toBe(true);
    await vi.waitFor(() => expect(view.rows().every(view.hasCover)).toBe(true), PATIENT);
    expect(view.rows()[0]!.querySelector('img')?.getAttribute('src')).toBe('https://scontent.cdninstagram.com/v/a.jpg');
    expect(view.rows()[1]!.querySelector('.thumb-placeholder')?.textContent).toBe('H');
    // A list that comes later (a Refresh) draws its covers at once: no blank flash.
    const again = list(highlights(2, '555'));
    expect(again.rows().every(again.hasCover)).toBe(true);
  });

  it('puts a long list in the page in steps: the first rows at once, then the rest, every row in the end', async () => {
    const all = highlights(600);
    const view = list(all);
    expect(view.rows()).toHaveLength(FIRST_ROWS);
    expect(view.ul.dataset.rendered).toBe('partial');
    // Screen readers hear the whole count from the start.
    expect(view.rows().every((row) => row.getAttribute('aria-setsize') === '600')).toBe(true);
    await vi.waitFor(() => expect(view.ul.dataset.rendered).toBe('all'), PATIENT);
    expect(view.rows().map((row) => row.dataset.id)).toEqual(all.map((h) => h.id));
    const [first, ...later] = view.runs();
    expect(first).toBe(FIRST_ROWS);
    expect(later.length).toBeGreaterThan(1);
    for (const rows of later.slice(0, -1)) {
      expect(rows).toBeGreaterThanOrEqual(MIN_STEP_ROWS);
      expect(rows).toBeLessThanOrEqual(MAX_STEP_ROWS);
    }
    expect(later.at(-1)).toBeLessThanOrEqual(MAX_STEP_ROWS);
  });

  it('puts a short list in the page at once', () => {
    const view = list(highlights(FIRST_ROWS));
    expect(view.rows()).toHaveLength(FIRST_ROWS);
    expect(view.ul.dataset.rendered).toBe('all');
    expect(view.runs()).toEqual([FIRST_ROWS]);
  });

  it('starts over with a new list (the filter), showing it at once within its length', async () => {
    const view = list(highlights(200));
    await vi.waitFor(() => expect(view.ul.dataset.rendered).toBe('all'), PATIENT);
    const filtered = highlights(5, '999');
    view.show(filtered);
    expect(view.rows().map((row) => row.dataset.id)).toEqual(filtered.map((h) => h.id));
    expect(view.rows().every((row) => row.getAttribute('aria-setsize') === '5')).toBe(true);
    view.show(highlights(150, '555'));
    expect(view.rows()).toHaveLength(FIRST_ROWS);
    await vi.waitFor(() => expect(view.rows()).toHaveLength(150), PATIENT);
  });

  it('shows covers near the top only, and further down as the list is scrolled near them', async () => {
    const view = list(highlights(400));
    await vi.waitFor(() => expect(view.ul.dataset.rendered).toBe('all'), PATIENT);
    const covered = () => view.rows().filter(view.hasCover).length;
    expect(covered()).toBe(COVERS_AHEAD);
    expect(view.rows().slice(0, COVERS_AHEAD).every(view.hasCover)).toBe(true);
    // 100 rows down (52 px each until a row is measured): covers to 40 rows past the bottom, in steps of 40.
    view.ul.scrollTop = 100 * 52;
    view.ul.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(covered()).toBe(160), PATIENT);
    expect(view.rows().slice(0, 160).every(view.hasCover)).toBe(true);
  });

  it('End reaches the last highlight of a long list still growing, not the last row in the page so far', async () => {
    const all = highlights(600);
    const view = list(all);
    const rows = view.rows();
    expect(rows).toHaveLength(FIRST_ROWS);
    rows[0]!.focus();
    key(rows[0]!, 'End');
    await vi.waitFor(() => expect((document.activeElement as HTMLElement | null)?.dataset.id).toBe(all.at(-1)!.id), PATIENT);
    expect(view.rows()).toHaveLength(600);
  });

  it('is one tab stop: the arrow keys, Page Up/Down, Home and End move the focus, and it follows', () => {
    const view = list(highlights(20));
    const rows = view.rows();
    expect(rows.map((row) => row.tabIndex).filter((i) => i === 0)).toHaveLength(1);
    rows[0]!.focus();
    key(rows[0]!, 'ArrowDown');
    expect(document.activeElement).toBe(rows[1]);
    expect([rows[0]!.tabIndex, rows[1]!.tabIndex]).toEqual([-1, 0]);
    key(rows[1]!, 'PageDown');
    expect(document.activeElement).toBe(rows[9]);
    key(rows[9]!, 'End');
    expect(document.activeElement).toBe(rows[19]);
    key(rows[19]!, 'ArrowDown');
    expect(document.activeElement).toBe(rows[19]);
    key(rows[19]!, 'PageUp');
    expect(document.activeElement).toBe(rows[11]);
    key(rows[11]!, 'Home');
    expect(document.activeElement).toBe(rows[0]);
    key(rows[0]!, 'ArrowUp');
    expect(document.activeElement).toBe(rows[0]);
    expect(rows.filter((row) => row.tabIndex === 0)).toEqual([rows[0]]);
  });

  it('Enter copies the row’s ID; Shift+F10 and the menu key open its actions; other keys are left alone', () => {
    const view = list(highlights(3));
    const row = view.rows()[1]!;
    key(row, 'Enter');
    expect(view.onCopy).toHaveBeenCalledWith('179001');
    key(row, 'F10', { shiftKey: true });
    key(row, 'ContextMenu');
    expect(view.onMore.mock.calls).toEqual([['179001', row], ['179001', row]]);
    expect(key(row, 'F10').defaultPrevented).toBe(false);
    expect(key(row, 'a').defaultPrevented).toBe(false);
    expect(view.onMore).toHaveBeenCalledTimes(2);
  });
});
