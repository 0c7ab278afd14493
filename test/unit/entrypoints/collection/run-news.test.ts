import { describe, expect, it, vi } from 'vitest';
import { newsBuffer } from '@/entrypoints/collection/run-news';

describe("a run's news, gathered before the page draws it", () => {
  it('draws once for a burst, with the latest of each key and what the first of the burst built on', () => {
    const apply = vi.fn();
    const waits: Array<() => void> = [];
    const buffer = newsBuffer(apply, (then) => void waits.push(then));
    buffer.add({ kind: 'run', id: 'default', prevRev: 4, changes: { 'collection:default': { newValue: 'head 5' }, 'collectionPart:default:0': { newValue: 'part 5' } } });
    buffer.add({ kind: 'run', id: 'default', prevRev: 5, changes: { 'collection:default': { newValue: 'head 6' }, 'collectionPart:default:1': { newValue: 'part 6' } } });
    expect(apply).not.toHaveBeenCalled();
    expect(waits).toHaveLength(1);
    waits[0]!();
    expect(apply).toHaveBeenCalledTimes(1);
    expect(apply).toHaveBeenCalledWith(
      'default',
      { 'collection:default': { newValue: 'head 6' }, 'collectionPart:default:0': { newValue: 'part 5' }, 'collectionPart:default:1': { newValue: 'part 6' } },
      4,
    );
    // Nothing more comes: nothing more is drawn, and nothing waits.
    expect(waits).toHaveLength(1);
  });

  it("draws one collection's news before another's", () => {
    const apply = vi.fn();
    const buffer = newsBuffer(apply, () => undefined);
    buffer.add({ kind: 'run', id: 'a', prevRev: 1, changes: { 'collection:a': { newValue: 1 } } });
    buffer.add({ kind: 'run', id: 'b', prevRev: 1, changes: { 'collection:b': { newValue: 1 } } });
    expect(apply.mock.calls.map(([id]) => id)).toEqual(['a']);
  });
});
