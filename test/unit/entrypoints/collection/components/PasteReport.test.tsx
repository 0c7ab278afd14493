// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_SHOWN, PasteReportView } from '@/entrypoints/collection/components/PasteReport';
import type { PasteReport } from '@/entrypoints/collection/state';
import type { RefusalReason } from '@/utils/collections/collection-input';
import { translatorFor } from '@/test/support/locales';
import { button, cleanup, click, find, mount } from '@/test/unit/helpers/dom';
import { h } from '@/test/unit/helpers/handles';

const en = translatorFor('en');

afterEach(cleanup);

const report = (parts: Partial<PasteReport>): PasteReport => ({
  added: 0,
  alreadyIn: 0,
  overLimit: 0,
  duplicates: [],
  refused: [],
  textLines: [],
  linesRead: 1,
  linesLeft: 0,
  ...parts,
});

const refused = (count: number, reason: RefusalReason, from = 1) =>
  Array.from({ length: count }, (_, i) => ({ line: from + i, text: `bad!${from + i}`, reason }));

describe('what a paste did', () => {
  it('groups refused entries by reason, in the order each came up, each with its count; repeats apart, closed', () => {
    const { root } = mount(
      <PasteReportView
        report={report({
          duplicates: [{ line: 2, text: '@NASA', of: h('nasa') }],
          refused: [...refused(2, 'not-a-handle', 10), { line: 3, text: 'explore', reason: 'route-word' }, ...refused(1, 'not-a-handle', 20)],
        })}
        t={en}
      />,
    );
    const duplicates = find<HTMLDetailsElement>(root, '[data-testid="paste-duplicates"]');
    expect(duplicates.open).toBe(false);
    expect(duplicates.querySelector('li')?.textContent).toBe('Line 2: “@NASA” is @nasa again');
    const groups = [...find(root, '[data-testid="paste-refused"]').querySelectorAll<HTMLDetailsElement>('details')];
    expect(groups.map((group) => [group.dataset.group, group.open, group.querySelector('summary')?.textContent])).toEqual([
      ['not-a-handle', true, '3 entries: not a handle (1–30 letters, digits, dots or underscores)'],
      ['route-word', true, '1 entry: a page of Instagram itself, not a profile'],
    ]);
    expect([...groups[0]!.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Line 10: “bad!10” — not a handle (1–30 letters, digits, dots or underscores)',
      'Line 11: “bad!11” — not a handle (1–30 letters, digits, dots or underscores)',
      'Line 20: “bad!20” — not a handle (1–30 letters, digits, dots or underscores)',
    ]);
  });

  it(`lists the first ${FIRST_SHOWN} of a kind, then all of them on demand without drawing them all`, () => {
    const { root } = mount(<PasteReportView report={report({ refused: refused(9_000, 'not-a-handle') })} t={en} />);
    const group = find(root, 'details[data-group="not-a-handle"]');
    expect(group.querySelectorAll('li')).toHaveLength(FIRST_SHOWN);
    click(button(group, 'Show all 9000'));
    const entries = group.querySelectorAll<HTMLElement>('li');
    expect(entries.length).toBeGreaterThan(FIRST_SHOWN);
    expect(entries.length).toBeLessThan(100);
    expect(entries[0]!.textContent).toMatch(/^Line 1: /);
    // Each entry sits where it would in the whole list, so the box scrolls over all 9,000.
    expect(find(group, '.windowed-list ul').style.blockSize).toBe(`${9_000 * 24}px`);
    expect(entries[5]!.style.insetBlockStart).toBe(`${5 * 24}px`);
  });

  it('lists the lines read as text with what was taken from each, open', () => {
    const { root } = mount(<PasteReportView report={report({ textLines: [{ line: 4, text: 'Loved @nasa and @natgeo!', taken: [h('nasa'), h('natgeo')] }] })} t={en} />);
    const lines = find<HTMLDetailsElement>(root, '[data-testid="paste-text-lines"]');
    expect(lines.open).toBe(true);
    expect(lines.querySelector('summary')?.textContent).toBe('1 line read as text');
    expect(lines.querySelector('li')?.textContent).toBe('Line 4: “Loved @nasa and @natgeo!” → @nasa, @natgeo');
  });
});
