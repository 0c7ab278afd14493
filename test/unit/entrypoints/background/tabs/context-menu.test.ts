import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PANEL_WINDOW } from '@/utils/limits';
import {
  createProfileLinkMenu,
  openPanelForLink,
  panelUrlForLink,
  PROFILE_LINK_MENU_ID,
} from '@/entrypoints/background/tabs/context-menu';

const pageUrl = (path: string) => `chrome-extension://id${path}`;

describe('the context menu on profile links', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['https://www.instagram.com/nasa/', 'chrome-extension://id/popup.html?handle=nasa'],
    ['https://www.instagram.com/NatGeo/tagged/', 'chrome-extension://id/popup.html?handle=natgeo'],
    ['https://www.instagram.com/_u/samjones/', 'chrome-extension://id/popup.html?handle=samjones'],
    ['https://www.instagram.com/accounts/login/?next=%2Fnasa%2F', 'chrome-extension://id/popup.html?handle=nasa'],
    ['https://www.instagram.com/p/C9xYz12AbCd/', null],
    ['https://www.instagram.com/explore/', null],
    ['https://www.instagram.com/stories/highlights/18154582366360931/', null],
    ['https://evil.example/nasa/', null],
    [undefined, null],
  ])('a link to %s opens %s', (link, url) => {
    expect(panelUrlForLink(link, pageUrl)).toBe(url);
  });

  it('opens the panel in a small window of its own, and nothing for a link that is no profile', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    expect(await openPanelForLink('https://www.instagram.com/nasa/')).toBe(true);
    expect(create).toHaveBeenCalledWith({
      url: expect.stringMatching(/\/popup\.html\?handle=nasa$/),
      type: 'popup',
      ...PANEL_WINDOW,
    });
    expect(await openPanelForLink('https://www.instagram.com/reels/')).toBe(false);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('is offered on links on instagram.com only, to Instagram addresses only', () => {
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(() => PROFILE_LINK_MENU_ID);
    createProfileLinkMenu();
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({
        id: PROFILE_LINK_MENU_ID,
        contexts: ['link'],
        documentUrlPatterns: ['https://www.instagram.com/*'],
        targetUrlPatterns: ['https://www.instagram.com/*', 'https://instagram.com/*'],
      }),
      expect.any(Function),
    );
  });
});
