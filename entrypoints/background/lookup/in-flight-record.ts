import { toHandle, type Handle } from '@/utils/profile-url';
import { readNamedPairs } from '../stored-handle-map';
import { createSerialQueue } from '../serial-queue';
import { lookupsInFlightItem } from '../storage-items';

/** Where a record is kept, and what names a request in it (a handle, a highlight id). */
export interface RecordPlace<N extends string> {
  item: { getValue(): Promise<unknown>; setValue(value: Array<[N, number]>): Promise<void> };
  toName: (value: string) => N | null;
}

/** The list lookups' record: `[handle, sentAt][]`. */
export const LOOKUPS_IN_FLIGHT: RecordPlace<Handle> = { item: lookupsInFlightItem, toName: toHandle };

/** An interrupted request is reported for this long; after that a lookup simply asks again. */
export const INTERRUPTED_MEMORY_MS = 30 * 60_000;

/**
 * Which requests to SociaVault were sent and not yet answered, kept in
 * storage.session. The worker can be stopped at any moment (an update, a
 * crash, the browser reclaiming it). The entry it leaves behind tells the
 * next worker that a request for that handle was sent and its answer lost.
 * So the extension never claims that lookup cost nothing, and sends nothing
 * again until the user asks.
 */
export function createInFlightRecord<N extends string = Handle>(
  now: () => number,
  place: RecordPlace<N> = LOOKUPS_IN_FLIGHT as unknown as RecordPlace<N>,
) {
  const write = createSerialQueue();
  /** Names this worker has asked for: their entries are its own, never a predecessor's. */
  const startedHere = new Set<N>();

  const read = async () => readNamedPairs(await place.item.getValue(), place.toName, isTime);
  /**
   * The entries, read once per worker and kept: this worker is the only one
   * that writes them while it runs, so after that first read each change is
   * one write, not a read and a write (the request waits for `begin`).
   */
  let known: Promise<Map<N, number>> | null = null;
  const entries = () =>
    (known ??= read().catch((error: unknown) => {
      known = null;
      throw error;
    }));
  const change = (edit: (entries: Map<N, number>) => void) =>
    write(async () => {
      try {
        const current = await entries();
        edit(current);
        await place.item.setValue([...current]);
      } catch {
        // Session storage refused the write; the request goes ahead unrecorded.
      }
    });

  return {
    /** Before a request leaves. */
    begin(handle: N): Promise<void> {
      startedHere.add(handle);
      return change((entries) => entries.set(handle, now()));
    },

    /** After its answer (any answer) came back. */
    end(handle: N): Promise<void> {
      return change((entries) => entries.delete(handle));
    },

    /** When a request for `handle` was sent by a worker that was stopped before its answer; null if none. */
    async interrupted(handle: N): Promise<number | null> {
      if (startedHere.has(handle)) return null;
      let startedAt: number | undefined;
      try {
        startedAt = (await entries()).get(handle);
      } catch {
        return null;
      }
      if (startedAt === undefined) return null;
      const age = now() - startedAt;
      return age >= 0 && age < INTERRUPTED_MEMORY_MS ? startedAt : null;
    },
  };
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
