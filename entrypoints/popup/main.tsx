import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createTranslator, type GetMessage } from '@/utils/i18n';
import { createSender, type PageMessage } from '@/utils/protocol';
import { PANEL_WINDOW } from '@/utils/limits';
import { App } from './App';
import { askTabForProfile, readCachedAnswer, readStatus } from './local-reads';
import { handleFromSearch, resolveTabId } from './tab';
import './style.css';

// WXT types getMessage with the English catalog's names; plural forms are named at run time.
const i18n = browser.i18n as { getMessage: GetMessage };
const t = createTranslator((name, substitutions) => i18n.getMessage(name, substitutions));
document.documentElement.lang = t.lang;
document.documentElement.dir = t.dir;
document.title = t('extName');

const root = document.getElementById('app');
if (root) {
  render(
    <App
      t={t}
      send={createSender<PageMessage>((message) => browser.runtime.sendMessage(message))}
      resolveTabId={resolveTabId}
      namedHandle={() => handleFromSearch(window.location.search)}
      askTab={askTabForProfile}
      readStatus={readStatus}
      readCachedAnswer={readCachedAnswer}
      openOptions={() => void browser.runtime.openOptionsPage().catch(() => undefined)}
      openPage={(path) => void browser.tabs.create({ url: new URL(path, browser.runtime.getURL('/')).href }).catch(() => undefined)}
      popOut={(tabId) => {
        void browser.windows
          .create({ url: browser.runtime.getURL(`/popup.html?tab=${tabId}`), type: 'popup', ...PANEL_WINDOW })
          .then(() => window.close(), () => undefined);
      }}
    />,
    root,
  );
}
