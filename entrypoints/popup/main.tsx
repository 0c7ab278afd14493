import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createTranslator, type GetMessage } from '@/utils/i18n';
import { PANEL_WINDOW } from '@/utils/limits';
import { createSender, type PageMessage } from '@/utils/protocol';
import { App } from './App';
import { listArrived } from './opening';
import { FIRST_ROWS } from './list/HighlightList';
import { askTabForProfile, readCachedAnswer, readStatus } from './local-reads';
import { handleFromSearch, resolveTabId } from './popup-target';
import { readStart, settledWithin, startEarly, type EarlyStart, type TaskDeps } from './tasks';
import './popup.css';

/**
 * How long the popup waits for what opening reads before it shows "Checking
 * this tab…" instead. The reads take tens of milliseconds as a rule; a long
 * cached list takes longer to arrive from storage (5,000 highlights, 1.5 MB:
 * 260–370 ms on the bench's machine), and a tab whose page is busy longer to
 * answer. Waiting for them paints once: with 100 ms, a profile of the
 * 5,000-highlight popup showed "Checking this tab…" rendered and painted
 * first, in a task of 57–67 ms (the bench's longest task), then the list.
 */
const READS_WAIT_MS = 300;

/**
 * How long, once the reads are in, the popup waits for the answer of a
 * lookup sent at opening before it paints "Looking up…" instead. An answer
 * within it is the popup's first and only paint, as a cached list is, with
 * no flash of the loading state. A profile of the popup showed why it
 * matters: the loading state's first frame was still being drawn when the
 * answer came, and held it back (docs/performance.md).
 */
const ANSWER_WAIT_MS = 100;

const root = document.getElementById('app');
if (root) void open(root);

/**
 * Reads first, renders once. What opening reads (the tab's profile, storage)
 * starts before anything else, and the popup renders when it is in: straight
 * to the cached list; or, with the lookup already sent, to its answer if it
 * comes within ANSWER_WAIT_MS, else to "Looking up…". One
 * render, one paint; no first paint of a loading state, and no wait for the
 * effects that run after it (a profile of the popup showed the list waiting
 * two frames for them). Reads slower than READS_WAIT_MS are taken over by the
 * start task instead, as the popup renders "Checking this tab…".
 */
async function open(root: HTMLElement): Promise<void> {
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
  let reads: Promise<Awaited<ReturnType<typeof readStart>>> | null = readStart(deps);
  reads.catch(() => undefined); // handled by the start task that takes it

  const t = createTranslator((name, substitutions) => i18n.getMessage(name, substitutions));
  document.documentElement.lang = t.lang;
  document.documentElement.dir = t.dir;
  document.title = t('extName');

  const read = await settledWithin(reads, READS_WAIT_MS);
  // A long cached list took a task of its own to arrive from storage and be checked;
  // its first rows render in the next one, so that neither is a long task (the bench's
  // longest task at 5,000 highlights).
  if ((read?.cached?.list.highlights.length ?? 0) > FIRST_ROWS) await new Promise((next) => setTimeout(next, 0));
  let early: EarlyStart | null = null;
  if (read) {
    reads = null;
    early = startEarly(read, deps);
  }
  let firstTask = early?.task ?? null;
  if (early && firstTask) {
    const answered = await settledWithin(firstTask.answer, ANSWER_WAIT_MS);
    if (answered?.type === 'lookup-answered' && answered.response.ok) {
      // As for a long cached list: the answer arrived in a task of its own, its first rows render in the next.
      if (answered.response.list.highlights.length > FIRST_ROWS) await new Promise((next) => setTimeout(next, 0));
      early = { ...early, state: listArrived(early.state, answered) };
      firstTask = null;
    }
  }
  deps.earlyStart = () => {
    const given = reads;
    reads = null;
    return given;
  };
  deps.earlyTask = (id) => {
    if (firstTask?.id !== id) return null;
    const { answer } = firstTask;
    firstTask = null;
    return answer;
  };

  render(
    <App
      {...deps}
      initial={early?.state ?? null}
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
