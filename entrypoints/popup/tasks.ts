import type { Handle } from '@/utils/profile-url';
import type { PageMessage, Send } from '@/utils/protocol';
import type { PopupEvent, Task } from './state';

export interface TaskDeps {
  send: Send<PageMessage>;
  /** The tab this popup is about, or null when there is none to ask about. */
  resolveTabId: () => Promise<number | null>;
}

const NO_TAB = { handle: null as Handle | null, pageSeen: true };
/** No content script answered: the tab is not Instagram, or was opened before an install. */
const UNSEEN_TAB = { handle: null as Handle | null, pageSeen: false };

/** Does the work a state asks for and says how it went, as the event that answers the task. */
export async function runTask(task: Task, { send, resolveTabId }: TaskDeps): Promise<PopupEvent> {
  try {
    if (task.kind === 'make-room') {
      const { cleared, keptIn } = await send('clear-cache', { keep: task.keep });
      return { type: 'room-made', taskId: task.id, cleared, keptIn };
    }
    if (task.kind === 'lookup') {
      const response = await send('lookup', { handle: task.handle, refresh: task.refresh, resend: task.resend });
      return { type: 'lookup-answered', taskId: task.id, response };
    }
    const tabId = await resolveTabId();
    const [status, profile] = await Promise.all([
      send('get-status', {}),
      tabId === null ? NO_TAB : send('get-tab-profile', { tabId }).catch(() => UNSEEN_TAB),
    ]);
    return {
      type: 'tab-answered',
      taskId: task.id,
      hasKey: status.hasKey,
      copyFormat: status.settings.copyFormat,
      handle: profile.handle,
      pageSeen: profile.pageSeen,
    };
  } catch (error) {
    const message = error instanceof Error && error.message ? error.message : 'The extension background did not answer.';
    return { type: 'task-failed', taskId: task.id, message };
  }
}
