import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tellRunEnded } from '@/entrypoints/background/collections/run-notice';
import { newRun, runReducer } from '@/entrypoints/background/collections/run-machine';
import { h } from '@/test/unit/helpers/handles';

const finished = () => {
  let run = runReducer(newRun([h('a1')]), { type: 'start', now: 0, concurrency: 1 });
  run = runReducer(run, { type: 'item-done', handle: h('a1'), count: 2, paid: true, now: 1 });
  return run.head;
};

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

/** The browser's answer to "has the extension this permission?" (fakeBrowser does not know permissions). */
function allow(granted: boolean) {
  return vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((() => Promise.resolve(granted)) as unknown as typeof fakeBrowser.permissions.contains);
}

describe('told when a run ends', () => {
  it('shows a notification naming the collection and how it ended, when asked and allowed', async () => {
    allow(true);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await tellRunEnded({ id: 'c-1', name: 'Research', head: finished(), notify: true });
    expect(create).toHaveBeenCalledWith('collection-run:c-1', {
      type: 'basic',
      iconUrl: expect.stringMatching(/\/icons\/128\.png$/),
      title: '“Research” finished',
      message: '1 of 1 profile, 1 credit spent.',
    });
  });

  it('says nothing when the user did not ask, and asks the browser nothing then', async () => {
    const contains = allow(true);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await tellRunEnded({ id: 'default', name: null, head: finished(), notify: false });
    expect(contains).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
  });

  it('says nothing when the permission was taken back in the browser', async () => {
    allow(false);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await tellRunEnded({ id: 'default', name: null, head: finished(), notify: true });
    expect(create).not.toHaveBeenCalled();
  });
});
