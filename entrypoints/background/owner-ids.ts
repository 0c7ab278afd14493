import type { Handle } from '@/utils/profile-url';
import { createSerialQueue } from './serial-queue';
import { ownerIdsItem } from './storage-items';

/** Owner ids outlive cached answers, but not forever: a few kB at most. */
export const MAX_OWNER_IDS = 2000;

/** Adds one mapping, newest last, dropping the oldest beyond the bound. */
export function rememberOwnerId(ids: Record<string, string>, handle: string, ownerId: string): Record<string, string> {
  const entries = Object.entries(withoutKey(ids, handle));
  entries.push([handle, ownerId]);
  return Object.fromEntries(entries.slice(-MAX_OWNER_IDS));
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

/**
 * Each profile's numeric Instagram id, learned from answers: SociaVault
 * answers faster by `user_id`, and ids never change (handles do).
 */
export function createOwnerIds() {
  const write = createSerialQueue();
  const change = (edit: (ids: Record<string, string>) => Record<string, string>) =>
    write(async () => ownerIdsItem.setValue(edit(await ownerIdsItem.getValue())));

  return {
    async get(handle: Handle): Promise<string | null> {
      const ids = await ownerIdsItem.getValue();
      return Object.hasOwn(ids, handle) ? (ids[handle] ?? null) : null;
    },
    remember: (handle: Handle, ownerId: string) => change((ids) => rememberOwnerId(ids, handle, ownerId)),
    forget: (handle: Handle) => change((ids) => withoutKey(ids, handle)),
  };
}
