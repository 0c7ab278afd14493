import { describe, expect, it } from 'vitest';
import { oneReadAtATime } from '@/entrypoints/collection/one-read-at-a-time';

/** A read that finishes when the test says, recording when it started. */
function controlledReads() {
  const started: number[] = [];
  const finish: Array<() => void> = [];
  const read = () =>
    new Promise<void>((resolve) => {
      started.push(started.length);
      finish.push(resolve);
    });
  return { started, finish, read };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('oneReadAtATime', () => {
  it('reads at once when nothing is being read', async () => {
    const reads = controlledReads();
    const refresh = oneReadAtATime(reads.read);
    const done = refresh();
    expect(reads.started).toEqual([0]);
    reads.finish[0]!();
    await done;
  });

  it('asked during a read: one more read after it, which every asker waits for', async () => {
    const reads = controlledReads();
    const refresh = oneReadAtATime(reads.read);
    const first = refresh();
    let laterDone = 0;
    const later = [refresh(), refresh(), refresh()].map((p) => p.then(() => laterDone++));
    expect(reads.started).toEqual([0]);

    reads.finish[0]!();
    await first;
    await settled();
    // The read under way when they asked does not count for them: a second one starts.
    expect(laterDone).toBe(0);
    expect(reads.started).toEqual([0, 1]);

    reads.finish[1]!();
    await Promise.all(later);
    expect(laterDone).toBe(3);
    expect(reads.started).toEqual([0, 1]);
  });

  it('a read that fails frees the way for the next', async () => {
    let calls = 0;
    const refresh = oneReadAtATime(() => (++calls === 1 ? Promise.reject(new Error('no answer')) : Promise.resolve()));
    await expect(refresh()).rejects.toThrow('no answer');
    await refresh();
    expect(calls).toBe(2);
  });
});
