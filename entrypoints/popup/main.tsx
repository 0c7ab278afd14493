import { render } from 'preact';
import { createSender, type PageMessage } from '@/utils/protocol';
import { App } from './App';
import { extensionApi, messageReply } from './extension-api';
import { askTabForProfile, readCachedAnswer, readStatus } from './local-reads';
import { resolveTabId } from './tab';
import './style.css';

const root = document.getElementById('app');
if (root) {
  const { runtime } = extensionApi();
  render(
    <App
      send={createSender<PageMessage>((message) => messageReply(() => runtime.sendMessage(message)))}
      resolveTabId={resolveTabId}
      askTab={askTabForProfile}
      readStatus={readStatus}
      readCachedAnswer={readCachedAnswer}
      openOptions={() => void runtime.openOptionsPage().catch(() => undefined)}
    />,
    root,
  );
}
