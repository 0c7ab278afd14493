// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProfileTable, ROW_HEIGHT } from '@/entrypoints/collection/components/ProfileTable';
import { newRun, runReducer } from '@/entrypoints/background/collections/run-machine';
import { DEFAULT_COLLECTION_ID, type CollectionView } from '@/utils/collections/run-record';
import { translatorFor } from '@/test/support/locales';
import { cleanup, click, find, mount } from '@/test/unit/helpers/dom';
import { h } from '@/test/unit/helpers/handles';

const en = translatorFor('en');

afterEach(cleanup);

function viewOf(count: number, cached: string[] = []): CollectionView {
  let run = newRun(Array.from({ length: count }, (_, i) => h(`p${i}`)));
  run = runReducer(run, { type: 'start', now: 0, concurrency: 3 });
  run = runReducer(run, { type: 'items-started', handles: [h('p0')] });
  run = runReducer(run, { type: 'pause' });
  return { id: DEFAULT_COLLECTION_ID, name: null, cached, run: { head: run.head, parts: run.parts } };
}

function table(view: CollectionView) {
  const onRemove = vi.fn();
  const { root } = mount(<ProfileTable view={view} name="My collection" asking={false} busy={false} onRemove={onRemove} onAskClear={vi.fn()} onClear={vi.fn()} t={en} />);
  const rows = () => [...root.querySelectorAll<HTMLTableRowElement>('tr[data-handle]')];
  return { root, rows, onRemove };
}

describe('the table of profiles', () => {
  it('draws the rows in view only, however many profiles there are, and says how many there are', () => {
    const { root, rows } = table(viewOf(10_000));
    expect(find(root, '#profiles-heading .count').textContent).toBe('10000 profiles');
    expect(find(root, 'table').getAttribute('aria-rowcount')).toBe('10001');
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(80);
    expect(rows()[0]!.dataset).toMatchObject({ handle: 'p0', status: 'running' });
    expect(rows()[1]!.getAttribute('aria-rowindex')).toBe('3');
    // The room of the rows not drawn is kept, so the box scrolls over all of them.
    const spacer = root.querySelector<HTMLTableCellElement>('tr.spacer td');
    expect(Number.parseInt(spacer!.style.blockSize, 10)).toBe((10_000 - rows().length) * ROW_HEIGHT);
  });

  it('scrolled down, draws the rows there', async () => {
    const { root, rows } = table(viewOf(10_000));
    const box = find(root, '.table-scroll');
    act(() => {
      box.scrollTop = 5_000 * ROW_HEIGHT;
      box.dispatchEvent(new Event('scroll'));
    });
    await vi.waitFor(() => expect(rows().map((row) => row.dataset.handle)).toContain('p5000'));
    expect(rows().map((row) => row.dataset.handle)).not.toContain('p0');
  });

  it('a profile whose answer is cached shows as such; one whose lookup is out cannot be removed', () => {
    const view = viewOf(5, ['p3']);
    const { rows, onRemove } = table({ ...view, run: { ...view.run, head: { ...view.run.head, phase: 'idle' } } });
    expect(rows().map((row) => row.dataset.status)).toEqual(['running', 'queued', 'queued', 'queued', 'queued']);
    const removeFirst = rows()[0]!.querySelector('button')!;
    expect(removeFirst.disabled).toBe(true);
    click(rows()[2]!.querySelector('button')!);
    expect(onRemove).toHaveBeenCalledWith('p2');
  });
});
