import { render } from 'preact';
import { createSender, type PageMessage } from '@/utils/protocol';
import { App } from './App';
import { extensionApi, messageReply } from './extension-api';
import { askTabForProfile, readCachedAnswer, readStatus } from './local-reads';
import { resolveTabId } from './tab';
import { readStart, type StartReads, type TaskDeps } from './tasks';
import './style.css';

const root = document.getElementById('app');
if (root) {
  const { runtime } = extensionApi();
  const deps: TaskDeps = {
    send: createSender<PageMessage>((message) => messageReply(() => runtime.sendMessage(message))),
    resolveTabId,
    askTab: askTabForProfile,
    readStatus,
    readCachedAnswer,
  };
  // What opening reads (the tab's profile, storage) is asked for now, so that
  // it travels while Preact renders and before the first effects run, after a paint.
  let early: Promise<StartReads> | null = readStart(deps);
  early.catch(() => undefined); // handled by the start task that takes it
  const earlyStart = () => {
    const reads = early;
    early = null;
    return reads;
  };
  render(<App {...deps} earlyStart={earlyStart} openOptions={() => void runtime.openOptionsPage().catch(() => undefined)} />, root);
}
