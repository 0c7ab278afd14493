// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COLLECTION_NAME_MAX, CollectionPicker, type PickerPanel } from '@/entrypoints/collection/components/CollectionPicker';
import { DEFAULT_COLLECTION_ID } from '@/utils/collections/run-record';
import type { CollectionSummary } from '@/utils/protocol';
import { translatorFor } from '@/test/support/locales';
import { button, buttonLabels, cleanup, click, find, key, mount, submit, type } from '@/test/unit/helpers/dom';

const en = translatorFor('en');

afterEach(cleanup);

const COLLECTIONS: CollectionSummary[] = [
  { id: DEFAULT_COLLECTION_ID, name: null, size: 3, phase: 'idle' },
  { id: 'c2', name: 'Travel', size: 10, phase: 'running' },
];

/** The picker with its panel held as the page holds it, and every callback recorded. */
function picker(selected: string, panel: PickerPanel = null) {
  const calls = { onSelect: vi.fn(), onPanel: vi.fn(), onCreate: vi.fn(), onRename: vi.fn(), onDelete: vi.fn() };
  const name = selected === DEFAULT_COLLECTION_ID ? 'My collection' : 'Travel';
  const ui = (open: PickerPanel) => (
    <CollectionPicker collections={COLLECTIONS} selected={selected} name={name} panel={open} busy={false} t={en} {...calls} />
  );
  const { root, rerender } = mount(ui(panel));
  calls.onPanel.mockImplementation((next: PickerPanel) => rerender(ui(next)));
  return { root, ...calls };
}

describe('the collection picker', () => {
  it('names the default collection in the page’s language, and selects by id', () => {
    const { root, onSelect } = picker(DEFAULT_COLLECTION_ID);
    const select = find<HTMLSelectElement>(root, '#collection-picker');
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      [DEFAULT_COLLECTION_ID, en('collectionDefaultName')],
      ['c2', 'Travel'],
    ]);
    select.value = 'c2';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onSelect).toHaveBeenCalledWith('c2');
  });

  it('never offers to delete the default collection; another one can be', () => {
    expect(buttonLabels(picker(DEFAULT_COLLECTION_ID).root)).toEqual(['New collection', 'Rename']);
    expect(buttonLabels(picker('c2').root)).toEqual(['New collection', 'Rename', 'Delete collection']);
    // Even with the question asked for, the default collection shows none.
    expect(picker(DEFAULT_COLLECTION_ID, 'delete').root.querySelector('.question')).toBeNull();
  });

  it('opens and closes a panel with the same button', () => {
    const { root, onPanel } = picker('c2');
    click(button(root, 'New collection'));
    expect(onPanel).toHaveBeenLastCalledWith('create');
    expect(button(root, 'New collection').getAttribute('aria-expanded')).toBe('true');
    click(button(root, 'New collection'));
    expect(onPanel).toHaveBeenLastCalledWith(null);
  });

  it('creates a collection with the name trimmed', () => {
    const { root, onCreate } = picker('c2', 'create');
    type(find<HTMLInputElement>(root, '#collection-name'), '  Cats  ');
    submit(find<HTMLFormElement>(root, 'form'));
    expect(onCreate).toHaveBeenCalledWith('Cats');
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['too long', 'x'.repeat(COLLECTION_NAME_MAX + 1)],
  ])('refuses a name that is %s, says why, and sends nothing', (_what, typed) => {
    const { root, onCreate } = picker('c2', 'create');
    const input = find<HTMLInputElement>(root, '#collection-name');
    type(input, typed);
    submit(find<HTMLFormElement>(root, 'form'));
    expect(onCreate).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(find(root, '#collection-name-error').textContent).toBe(`Give it a name of 1 to ${COLLECTION_NAME_MAX} characters.`);
    // Typing again takes the complaint away.
    type(input, 'Cats');
    expect(root.querySelector('#collection-name-error')).toBeNull();
  });

  it('takes a name of exactly the longest length', () => {
    const { root, onCreate } = picker('c2', 'create');
    type(find<HTMLInputElement>(root, '#collection-name'), 'x'.repeat(COLLECTION_NAME_MAX));
    submit(find<HTMLFormElement>(root, 'form'));
    expect(onCreate).toHaveBeenCalledWith('x'.repeat(COLLECTION_NAME_MAX));
  });

  it('renames starting from the current name', () => {
    const { root, onRename } = picker('c2', 'rename');
    const input = find<HTMLInputElement>(root, '#collection-name');
    expect(input.value).toBe('Travel');
    type(input, 'Trips');
    submit(find<HTMLFormElement>(root, 'form'));
    expect(onRename).toHaveBeenCalledWith('Trips');
  });

  it('asks before deleting, with the focus on Cancel; only Delete deletes', () => {
    const { root, onDelete, onPanel } = picker('c2', 'delete');
    expect(find(root, '.question').textContent).toContain('Delete “Travel”?');
    expect(document.activeElement).toBe(button(find(root, '.question'), 'Cancel'));
    click(button(find(root, '.question'), 'Cancel'));
    expect(onDelete).not.toHaveBeenCalled();
    expect(onPanel).toHaveBeenLastCalledWith(null);
    click(button(root, 'Delete collection'));
    click(button(find(root, '.question'), 'Delete'));
    expect(onDelete).toHaveBeenCalledTimes(1);
  });

  it('Escape closes a form and gives the focus back to the button that opened it', () => {
    const { root, onPanel } = picker('c2');
    click(button(root, 'Rename'));
    const input = find<HTMLInputElement>(root, '#collection-name');
    expect(document.activeElement).toBe(input);
    key(input, 'Escape');
    expect(onPanel).toHaveBeenLastCalledWith(null);
    expect(root.querySelector('#collection-name')).toBeNull();
    expect(document.activeElement).toBe(button(root, 'Rename'));
  });
});
