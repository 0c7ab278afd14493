import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tabProfilesItem } from '@/entrypoints/background/storage-items';
import { actionIconFor, actionTitleFor, badgeTextFor, createTabState } from '@/entrypoints/background/tabs/tab-state';
import type { Handle } from '@/utils/profile-url';
import { h } from '@/test/unit/helpers/handles';

/** WXT's fakeBrowser has no action.setIcon (it throws "not mocked"): a spy stands in, recording what the toolbar was told. */
let setIcon: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  setIcon = vi.fn(async (_details: unknown) => undefined);
  vi.spyOn(fakeBrowser.action, 'setIcon').mockImplementation(setIcon as never);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const NORMAL = { 16: 'icons/16.png', 32: 'icons/32.png' };
const GREY = { 16: 'icons/16-grey.png', 32: 'icons/32-grey.png' };

describe('the toolbar icon follows the tab', () => {
  it('is the mark in colour on a profile and grey on a page without one', () => {
    expect(actionIconFor('nasa' as Handle)).toEqual(NORMAL);
    expect(actionIconFor(null)).toEqual(GREY);
  });

  it('is set per tab with the title whenever the tab reports', async () => {
    const tabs = createTabState();
    await tabs.set(7, 'nasa' as Handle);
    expect(setIcon).toHaveBeenLastCalledWith({ tabId: 7, path: NORMAL });
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe('Highlights of @nasa');

    await tabs.set(7, null);
    expect(setIcon).toHaveBeenLastCalledWith({ tabId: 7, path: GREY });
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toContain('no Instagram profile');

    await tabs.set(8, 'natgeo' as Handle);
    expect(setIcon).toHaveBeenLastCalledWith({ tabId: 8, path: NORMAL });
    expect(setIcon).toHaveBeenCalledTimes(3);
  });

  it('a tab that closed meanwhile throws nothing, and its profile is still recorded', async () => {
    setIcon.mockRejectedValue(new Error('No tab with id: 7.'));
    const tabs = createTabState();
    await expect(tabs.set(7, 'nasa' as Handle)).resolves.toBeUndefined();
    expect(setIcon).toHaveBeenCalledTimes(1);
    expect(await tabProfilesItem.getValue()).toEqual({ '7': 'nasa' });
    expect(await tabs.showing('nasa' as Handle)).toEqual([7]);
  });
});

describe('what each tab shows, in storage.session', () => {
  it('thirty tabs reporting at once are recorded in at most two writes, each tab with its own title', async () => {
    const tabs = createTabState();
    const writes = vi.spyOn(tabProfilesItem, 'setValue');
    const handles = Array.from({ length: 30 }, (_, i) => h(`crowd${i}`));
    await Promise.all(handles.map((handle, i) => tabs.set(100 + i, handle)));
    expect(writes.mock.calls.length).toBeLessThanOrEqual(2);
    expect(await tabProfilesItem.getValue()).toEqual(Object.fromEntries(handles.map((handle, i) => [String(100 + i), handle])));
    for (const [i, handle] of handles.entries()) expect(await fakeBrowser.action.getTitle({ tabId: 100 + i })).toBe(`Highlights of @${handle}`);
  });

  it('a closed tab that showed no profile, and a report of what is already recorded, write nothing', async () => {
    const tabs = createTabState();
    await tabs.set(7, h('nasa'));
    const writes = vi.spyOn(tabProfilesItem, 'setValue');
    await tabs.forget(8);
    await tabs.set(7, h('nasa'));
    expect(writes).not.toHaveBeenCalled();
    await tabs.forget(7);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(await tabProfilesItem.getValue()).toEqual({});
  });

  it('a write that fails fails every edit it carried, and the next edit starts afresh', async () => {
    const tabs = createTabState();
    const writes = vi.spyOn(tabProfilesItem, 'setValue').mockRejectedValueOnce(new Error('storage is gone'));
    const first = tabs.set(1, h('nasa'));
    const joined = tabs.set(2, h('natgeo'));
    await expect(first).rejects.toThrow('storage is gone');
    await expect(joined).rejects.toThrow('storage is gone');
    await tabs.set(3, h('cern'));
    expect(writes).toHaveBeenCalledTimes(2);
    expect(await tabProfilesItem.getValue()).toEqual({ '3': 'cern' });
  });
});

describe('actionTitleFor', () => {
  it('names the profile', () => {
    expect(actionTitleFor(h('nasa'))).toBe('Highlights of @nasa');
    expect(actionTitleFor(null)).toContain('no Instagram profile');
  });
});

describe('badgeTextFor', () => {
  it.each([
    [null, ''],
    [0, '0'],
    [12, '12'],
    [999, '999'],
    [1000, '999+'],
  ])('%j → %j', (count, text) => {
    expect(badgeTextFor(count)).toBe(text);
  });
});
