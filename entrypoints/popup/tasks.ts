import type { HighlightList } from '@/utils/highlights/highlight';
import type { Handle } from '@/utils/profile-url';
import type { KeptIn, PageMessage, Send } from '@/utils/protocol';
import type { Settings } from '@/utils/settings';
import { initialPopupState, startOver, tabAnswered } from './opening';
import type { PopupEvent, PopupState, Task } from './state';

export interface TaskDeps {
  send: Send<PageMessage>;
  /** The tab this popup is about, or null when there is none to ask about. */
  resolveTabId: () => Promise<number | null>;
  /** A profile named in the popup's own address (`?handle=`, from the context menu), or null. */
  namedHandle: () => Handle | null;
  /** The profile a tab shows; undefined when its content script does not answer. */
  askTab: (tabId: number) => Promise<Handle | null | undefined>;
  readStatus: () => Promise<{ hasKey: boolean; settings: Settings }>;
  readCachedAnswer: (handle: Handle, ttlHours: number) => Promise<{ list: HighlightList; keptIn: KeptIn } | null>;
  /**
   * The reads of the first `start`, begun before the popup rendered (see
   * main.tsx); gives them once, then null.
   */
  earlyStart?: () => Promise<StartReads> | null;
  /** The first task after the start, begun before the popup rendered (see startEarly); its answer once, then null. */
  earlyTask?: (id: number) => Promise<PopupEvent> | null;
}

/** What opening the popup reads: the tab's profile, whether a key is set, the settings, a cached answer. */
export type StartReads = Omit<Extract<PopupEvent, { type: 'tab-answered' }>, 'type' | 'taskId'>;

/** Does the work a state asks for and says how it went, as the event that answers the task. */
export async function runTask(task: Task, deps: TaskDeps): Promise<PopupEvent> {
  const early = deps.earlyTask?.(task.id);
  if (early) return early;
  try {
    switch (task.kind) {
      case 'make-room': {
        const { cleared, keptIn } = await deps.send('clear-cache', { keep: task.keep });
        return { type: 'room-made', taskId: task.id, cleared, keptIn };
      }
      case 'lookup': {
        const response = await deps.send('lookup', { handle: task.handle, refresh: task.refresh, resend: task.resend });
        return { type: 'lookup-answered', taskId: task.id, response };
      }
      case 'start':
        return { type: 'tab-answered', taskId: task.id, ...(await (deps.earlyStart?.() ?? readStart(deps))) };
    }
  } catch (error) {
    const message = error instanceof Error && error.message ? error.message : 'The extension background did not answer.';
    return { type: 'task-failed', taskId: task.id, message };
  }
}

/** Everything the popup needs to paint a cached answer, read without the background. */
export async function readStart({ resolveTabId, namedHandle, askTab, readStatus, readCachedAnswer }: TaskDeps): Promise<StartReads> {
  const named = namedHandle();
  const tabId = named ? null : await resolveTabId();
  const [profile, status] = await Promise.all([named ?? (tabId === null ? null : askTab(tabId)), readStatus()]);
  const handle = profile ?? null;
  const cached = handle && status.hasKey ? await readCachedAnswer(handle, status.settings.cacheTtlHours) : null;
  return {
    hasKey: status.hasKey,
    settings: status.settings,
    tabId,
    handle,
    // No tab to ask (a page of its own) counts as seen; a tab whose script did not answer does not.
    pageSeen: tabId === null || profile !== undefined,
    cached,
  };
}

/** The state the popup opens in, and the work it asks for, begun at once. */
export interface EarlyStart {
  state: PopupState;
  /** The task `state` asks for (a lookup, when nothing is cached), already running. */
  task: { id: number; answer: Promise<PopupEvent> } | null;
}

/**
 * What the popup shows once the reads of opening are in, worked out before
 * anything renders: the cached list, or the lookup it needs, sent now rather
 * than after the first paint. The same code decides as when the reads
 * answer the start task later (opening.ts, which state.ts uses), so both ways
 * end alike.
 */
export function startEarly(reads: StartReads, deps: TaskDeps): EarlyStart {
  const opened = startOver(initialPopupState);
  const state = tabAnswered(opened, { type: 'tab-answered', taskId: opened.task!.id, ...reads });
  const { task } = state;
  return { state, task: task ? { id: task.id, answer: runTask(task, deps) } : null };
}

/** `promise`'s value if it settles within `ms`, else null (also when it fails: whoever awaits it later learns why). */
export function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}
