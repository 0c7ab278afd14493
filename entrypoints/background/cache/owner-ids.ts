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
 */
export function createOwnerIds() {
  const write = createSerialQueue();
  const read = async () => readHandlePairs(await ownerIdsItem.getValue(), isOwnerId);
  /** A remembered id only saves time, so a write that storage refuses is simply dropped. */
  const change = (edit: (ids: Map<Handle, string>) => Map<Handle, string>) =>
    write(async () => {
      try {
        await ownerIdsItem.setValue(toHandlePairs(edit(await read())));
      } catch {
        // Not remembered: the next lookup asks by handle.
      }
    });

  return {
    async get(handle: Handle): Promise<string | null> {
      try {
        return (await read()).get(handle) ?? null;
      } catch {
        return null;
      }
    },
    remember: (handle: Handle, ownerId: string) => change((ids) => rememberOwnerId(ids, handle, ownerId)),
    forget: (handle: Handle) =>
      change((ids) => {
        ids.delete(handle);
        return ids;
      }),
    clear: () =>
      write(async () => {
        try {
          await ownerIdsItem.removeValue();
        } catch {
          // Left as it was; it only ever saves time.
        }
      }),
  };
}
