// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PasteBox } from '@/entrypoints/collection/components/PasteBox';
import type { PasteReport } from '@/entrypoints/collection/state';
import { translatorFor } from '@/test/support/locales';
import { cleanup, find, mount, submit, type } from '@/test/unit/helpers/dom';
import { h } from '@/test/unit/helpers/handles';
import { PATIENT } from '@/test/unit/helpers/patience';

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

function box(onAdd: (pasted: string) => Promise<string | null>, shown: PasteReport | null = null) {
  const { root, rerender } = mount(<PasteBox report={shown} busy={false} onAdd={onAdd} t={en} />);
  return {
    root,
    show: (next: PasteReport) => rerender(<PasteBox report={next} busy={false} onAdd={onAdd} t={en} />),
    field: () => find<HTMLTextAreaElement>(root, '#paste-field'),
    summary: () => find(root, '[data-testid="paste-added"]').textContent,
    paste(text: string) {
      type(this.field(), text);
      submit(find<HTMLFormElement>(root, 'form'));
    },
  };
}

describe('the paste box', () => {
  it('adds what was pasted, and empties the field once the page says it may', async () => {
    const onAdd = vi.fn(async () => '');
    const pasteBox = box(onAdd);
    pasteBox.paste('nasa\n@natgeo, https://www.instagram.com/bbc/');
    expect(onAdd).toHaveBeenCalledWith('nasa\n@natgeo, https://www.instagram.com/bbc/');
    await vi.waitFor(() => expect(pasteBox.field().value).toBe(''), PATIENT);
  });

  it('leaves in the field what the page hands back: the lines not read, the profiles that did not fit', async () => {
    const pasteBox = box(vi.fn(async () => 'late1\nlate2'));
    pasteBox.paste('a\nb\nlate1\nlate2');
    await vi.waitFor(() => expect(pasteBox.field().value).toBe('late1\nlate2'), PATIENT);
  });

  it('keeps what was pasted when it was not added (a failure)', async () => {
    const onAdd = vi.fn(async () => null);
    const pasteBox = box(onAdd);
    pasteBox.paste('nasa');
    await onAdd.mock.results[0]!.value;
    // A macrotask later the form has had the answer and done what it does with it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pasteBox.field().value).toBe('nasa');
  });

  it('sums up what became of the paste, naming only what happened', () => {
    const pasteBox = box(async () => '');
    expect(pasteBox.summary()).toBe('');
    pasteBox.show(report({ added: 3 }));
    expect(pasteBox.summary()).toBe('Added 3 profiles.');
    expect(pasteBox.root.querySelector('[data-testid="paste-duplicates"]')).toBeNull();
    expect(pasteBox.root.querySelector('[data-testid="paste-refused"]')).toBeNull();
    pasteBox.show(
      report({
        added: 1,
        alreadyIn: 2,
        overLimit: 4,
        duplicates: [{ line: 2, text: '@NASA', of: h('nasa') }],
        refused: [{ line: 3, text: 'explore', reason: 'route-word' }, { line: 4, text: 'https://x.example/', reason: 'not-instagram' }],
        textLines: [{ line: 5, text: 'Loved @nasa!', taken: [h('nasa')] }],
        linesRead: 10_000,
        linesLeft: 2_500,
      }),
    );
    expect(pasteBox.summary()).toBe(
      'Added 1 profile. 2 were already in the collection. 4 did not fit: a collection holds at most 10000 profiles. They stay in the box. 1 duplicate. 2 not added. 1 line read as text. ' +
        'Read the first 10000 lines; the 2500 lines after them stay in the box: press Add to collection again to add them.',
    );
  });
});
