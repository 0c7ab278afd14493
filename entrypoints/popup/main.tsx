import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createSender, type PageMessage } from '@/utils/protocol';
import { App } from './App';
import { askTabForProfile, readCachedAnswer, readStatus } from './local-reads';
import { resolveTabId } from './tab';
import './style.css';

const root = document.getElementById('app');
if (root) {
  render(
    <App
      send={createSender<PageMessage>((message) => browser.runtime.sendMessage(message))}
      resolveTabId={resolveTabId}
      askTab={askTabForProfile}
      readStatus={readStatus}
      readCachedAnswer={readCachedAnswer}
      openOptions={() => void browser.runtime.openOptionsPage().catch(() => undefined)}
    />,
    root,
  );
}
