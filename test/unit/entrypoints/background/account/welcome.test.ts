import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { welcomeAfterInstall } from '@/entrypoints/background/account/welcome';
import { isWelcome } from '@/utils/account/onboarding';

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
  });
});
