import { isOwnerId } from '@/utils/highlights/cached-list';
import type { Handle } from '@/utils/profile-url';
import { readHandlePairs, toHandlePairs } from '../stored-handle-map';
import { createSerialQueue } from '../serial-queue';
import { ownerIdsItem } from '../storage-items';

/**
 * Owner ids outlive cached answers, but not forever: 2,000 pairs take about
 * 60 kB (126 kB if every handle and id were as long as they can be).
 */
export const MAX_OWNER_IDS = 2000;

/** How long after a change the owner ids are written (changes meanwhile go in the same write). */
export const OWNER_IDS_WRITE_DELAY_MS = 2000;

/** Adds one mapping, newest last, dropping the oldest beyond the bound. */
export function rememberOwnerId(ids: ReadonlyMap<Handle, string>, handle: Handle, ownerId: string): Map<Handle, string> {
  const next = new Map(ids);
  next.delete(handle);
  next.set(handle, ownerId);
  return new Map([...next].slice(-MAX_OWNER_IDS));
}

/**
 * Each profile's numeric Instagram id, learned from answers: SociaVault
 * answers faster by `user_id`, and ids never change (handles do). Anything in
 * storage that is not a handle with a numeric id is ignored.
 *
 * The worker reads the list from storage once and keeps it (it is the only
 * writer): at 2,000 pairs the list is about 60 kB, and reading and writing
 * it for every lookup of a long collection run cost more than the rest of
 * the lookup, more as the list grew. Changes are written `writeDelayMs`
 * after the first one not yet written, all together; a worker stopped
 * meanwhile loses only ids, which the next lookup of those profiles learns
 * again.
 */
export function createOwnerIds({ writeDelayMs = OWNER_IDS_WRITE_DELAY_MS }: { writeDelayMs?: number } = {}) {
  const write = createSerialQueue();
  let held: Map<Handle, string> | null = null;
  let loading: Promise<Map<Handle, string>> | null = null;
  let pending: Promise<void> | null = null;
  const ids = async (): Promise<Map<Handle, string>> => {
    if (held) return held;
    loading ??= ownerIdsItem.getValue().then(
      (stored) => readHandlePairs(stored, isOwnerId),
      () => new Map<Handle, string>(),
    );
    const read = await loading;
    held ??= read;
    return held;
  };
  /** Writes what is held, once, `writeDelayMs` after the first change since the last write. */
  const writeSoon = (): Promise<void> => {
    pending ??= new Promise<void>((resolve) => setTimeout(resolve, writeDelayMs)).then(() =>
      write(async () => {
        pending = null;
        try {
          await ownerIdsItem.setValue(toHandlePairs(await ids()));
        } catch {
          // A remembered id only saves time: not remembered, the next lookup asks by handle.
        }
      }),
    );
    return pending;
  };
  const change = async (edit: (ids: Map<Handle, string>) => Map<Handle, string>) => {
    await ids();
    // The list as it is now, not as it was read: two changes at once both count.
    held = edit(held!);
    // The lookup does not wait for the write.
    void writeSoon();
  };

  return {
    async get(handle: Handle): Promise<string | null> {
      return (await ids()).get(handle) ?? null;
    },
    remember: (handle: Handle, ownerId: string) => change((ids) => rememberOwnerId(ids, handle, ownerId)),
    forget: (handle: Handle) =>
      change((ids) => {
        ids.delete(handle);
        return ids;
      }),
    clear: () => {
      held = new Map<Handle, string>();
      return write(async () => {
        try {
          await ownerIdsItem.removeValue();
        } catch {
          // Left as it was; it only ever saves time.
        }
      });
    },
  };
}
