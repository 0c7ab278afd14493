import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
// Loaded with the file (its top level only defines the background), not inside the test's time.
import background from '@/entrypoints/background';
import { welcomeAfterInstall } from '@/entrypoints/background/account/welcome';
import { isWelcome, welcomesOn } from '@/utils/account/onboarding';

describe('the welcome after a first install', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('opens the options page with ?welcome=1 in a tab after an install', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await welcomeAfterInstall({ reason: 'install' });
    expect(create).toHaveBeenCalledTimes(1);
    const url = new URL(create.mock.calls[0]![0].url!);
    expect(url.pathname).toBe('/options.html');
    expect(isWelcome(url.search)).toBe(true);
  });

  it.each(['update', 'chrome_update', 'browser_update', 'shared_module_update'])('opens nothing after %s', async (reason) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await welcomeAfterInstall({ reason });
    expect(create).not.toHaveBeenCalled();
    expect(welcomesOn(reason)).toBe(false);
  });

  it('the page knows it is the welcome only from its query', () => {
    expect(isWelcome('?welcome=1')).toBe(true);
    expect(isWelcome('?tab=3&welcome=1')).toBe(true);
    expect(isWelcome('')).toBe(false);
    expect(isWelcome('?welcome=0')).toBe(false);
    expect(isWelcome('?welcomes=1')).toBe(false);
  });
});

describe('the background, as the browser starts it', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('welcomes after an install only: not after an update, nor when the browser starts', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(() => 'menu');
    vi.spyOn(fakeBrowser.storage.local, 'setAccessLevel').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
    background.main();

    await fakeBrowser.runtime.onStartup.trigger();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'chrome_update' });
    expect(create).not.toHaveBeenCalled();

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]![0].url).toMatch(/\/options\.html\?welcome=1$/);
  });
});
