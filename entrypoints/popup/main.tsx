import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createTranslator, type GetMessage } from '@/utils/i18n';
import { PANEL_WINDOW } from '@/utils/limits';
import { createSender, type PageMessage } from '@/utils/protocol';
import { App } from './App';
import { askTabForProfile, readCachedAnswer, readStatus } from './local-reads';
import { handleFromSearch, resolveTabId } from './popup-target';
import { readStart, type StartReads, type TaskDeps } from './tasks';
import './popup.css';

const root = document.getElementById('app');
if (root) {
  const { runtime, tabs, windows } = browser;
  // WXT types getMessage with the English catalog's names; plural forms are named at run time.
  const i18n = browser.i18n as { getMessage: GetMessage };
  const deps: TaskDeps = {
    send: createSender<PageMessage>((message) => runtime.sendMessage(message)),
    resolveTabId,
    namedHandle: () => handleFromSearch(window.location.search),
    askTab: askTabForProfile,
    readStatus,
    readCachedAnswer,
  };
  // Start what opening the popup reads (the tab's profile, storage) now, before
  // rendering: the reads then run while Preact renders, instead of waiting for
  // the first effects, which run only after a paint.
  let early: Promise<StartReads> | null = readStart(deps);
  early.catch(() => undefined); // handled by the start task that takes it
  const earlyStart = () => {
    const reads = early;
    early = null;
    return reads;
  };

  const t = createTranslator((name, substitutions) => i18n.getMessage(name, substitutions));
  document.documentElement.lang = t.lang;
  document.documentElement.dir = t.dir;
  document.title = t('extName');

  render(
    <App
      {...deps}
      earlyStart={earlyStart}
      t={t}
      openOptions={() => void runtime.openOptionsPage().catch(() => undefined)}
      openPage={(path) => void tabs.create({ url: runtime.getURL(path) }).catch(() => undefined)}
      popOut={(tabId) => {
        void windows
          .create({ url: runtime.getURL(`/popup.html?tab=${tabId}`), type: 'popup', ...PANEL_WINDOW })
          .then(() => window.close(), () => undefined);
      }}
    />,
    root,
  );
}
