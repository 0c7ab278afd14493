import { browser } from 'wxt/browser';
import { runEndedNotice } from '@/utils/collections/run-text';
import type { RunHead } from '@/utils/collections/run-record';
import { text } from '@/utils/i18n';
import { t } from '../tabs/translator';

/** The optional permission the collection page asks for when the user ticks "Tell me when a run ends". */
export const NOTIFY_PERMISSION = { permissions: ['notifications' as const] };

/**
 * Tells the user that a run ended by itself (finished, or stopped: no
 * credits, key rejected, a long wait asked by SociaVault), when they asked
 * to be told and the browser lets the extension: the notifications
 * permission is optional, granted only when the user ticks the option.
 */
export async function tellRunEnded({ id, name, head, notify }: { id: string; name: string | null; head: RunHead; notify: boolean }): Promise<void> {
  if (!notify) return;
  const granted = await browser.permissions.contains(NOTIFY_PERMISSION).catch(() => false);
  // Without the permission, the namespace is not there at all (Chrome).
  if (!granted || !browser.notifications) return;
  const until = head.pace.holdUntil === null ? null : new Intl.DateTimeFormat(t.lang, { timeStyle: 'short' }).format(head.pace.holdUntil);
  const notice = runEndedNotice(name ?? text('collectionDefaultName'), head, until);
  await browser.notifications
    .create(`collection-run:${id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icons/128.png'),
      title: t(notice.title),
      message: t(notice.message),
    })
    .catch(() => undefined);
}
