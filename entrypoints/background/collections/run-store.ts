import { browser } from 'wxt/browser';
import { emptyRun, type RunHead } from '@/utils/collections/run-record';
import {
  decodeHead,
  decodeLegacyRun,
  decodePart,
  encodeHead,
  encodePart,
  runHeadKey,
  runPartKey,
  type CollectionNews,
} from '@/utils/collections/run-storage';
import type { Handle } from '@/utils/profile-url';
import { runFromItems, runFromParts, type RunState } from './run-machine';

/**
 * The runs this worker holds, and storage.local behind them. A run is read
 * from storage once, when the worker first needs it; from then on the worker
 * changes it in memory (it is the only writer) and `flush` writes what
 * changed: the head and the parts whose `rev` moved, in one call. Changes
 * made while a write is under way go out together in the next one, so a
 * fast run never queues a write per change. After each write, `onWritten`
 * hears what storage now holds, for the pages that show the run.
 */
export function createRunStore({ onWritten }: { onWritten?: (news: Extract<CollectionNews, { kind: 'run' }>) => void } = {}) {
  const runs = new Map<string, RunState>();
  const loading = new Map<string, Promise<RunState>>();
  /** What storage holds of each run, as this worker last wrote or read it. */
  const written = new Map<string, { head: RunHead | null; parts: RunState['parts'] }>();
  const writing = new Map<string, Promise<void>>();

  async function read(id: string): Promise<RunState> {
    const headKey = runHeadKey(id);
    const raw = (await browser.storage.local.get(headKey))[headKey];
    const head = decodeHead(raw);
    if (!head) {
      // Nothing stored, or a run as version 1 kept it: every profile in the head. The first flush rewrites it in parts.
      const legacy = decodeLegacyRun(raw);
      written.set(id, { head: null, parts: [] });
      return legacy ? runFromItems(legacy.head, legacy.items) : runFromItems(emptyRun().head, []);
    }
    const keys = Array.from({ length: head.parts }, (_, n) => runPartKey(id, n));
    const stored = keys.length > 0 ? await browser.storage.local.get(keys) : {};
    const seen = new Set<Handle>();
    const parts = keys.map((key) => decodePart(stored[key], seen));
    written.set(id, { head, parts });
    return runFromParts(head, parts);
  }

  /** Writes what changed in `id`'s run since the last write: once, now or after the write under way. */
  async function writeChanges(id: string): Promise<void> {
    const next = runs.get(id);
    // Nothing known to be stored (a run this worker made before reading any): everything is written.
    const before = written.get(id) ?? { head: null, parts: [] };
    if (!next || (before.head === next.head && before.parts === next.parts)) return;
    const changes: Record<string, unknown> = { [runHeadKey(id)]: encodeHead(next.head) };
    next.parts.forEach((part, n) => {
      if (before.parts[n] !== part) changes[runPartKey(id, n)] = encodePart(part);
    });
    const gone = Array.from({ length: Math.max(0, before.parts.length - next.parts.length) }, (_, i) => runPartKey(id, next.parts.length + i));
    await browser.storage.local.set(changes);
    if (gone.length > 0) await browser.storage.local.remove(gone);
    written.set(id, { head: next.head, parts: next.parts });
    const told: Record<string, { newValue?: unknown }> = {};
    for (const [key, value] of Object.entries(changes)) told[key] = { newValue: value };
    onWritten?.({ kind: 'run', id, prevRev: before.head?.rev ?? 0, changes: told });
  }

  return {
    /** The run as this worker holds it, read from storage the first time. */
    load(id: string): Promise<RunState> {
      const held = runs.get(id);
      if (held) return Promise.resolve(held);
      let pending = loading.get(id);
      if (!pending) {
        pending = read(id)
          .then((run) => {
            // Changed while it was read? What this worker holds wins.
            if (!runs.has(id)) runs.set(id, run);
            return runs.get(id)!;
          })
          .finally(() => loading.delete(id));
        loading.set(id, pending);
      }
      return pending;
    },

    /** The run held in memory: call after `load`. */
    held(id: string): RunState | undefined {
      return runs.get(id);
    },

    put(id: string, run: RunState): void {
      runs.set(id, run);
    },

    /** Resolves once storage holds the run as it is now (it rejects when storage refused it; the next flush tries again). */
    flush(id: string): Promise<void> {
      const write = (writing.get(id) ?? Promise.resolve()).then(() => writeChanges(id));
      writing.set(
        id,
        write.catch(() => undefined),
      );
      return write;
    },

    /** The heads of these collections, from memory where held, else from storage (the parts are not read). */
    async heads(ids: readonly string[]): Promise<Map<string, RunHead>> {
      const heads = new Map<string, RunHead>();
      const unread = ids.filter((id) => {
        const held = runs.get(id);
        if (held) heads.set(id, held.head);
        return !held;
      });
      if (unread.length > 0) {
        const stored = await browser.storage.local.get(unread.map(runHeadKey));
        for (const id of unread) {
          const raw = stored[runHeadKey(id)];
          // A run of version 1 is counted from its profiles.
          const legacy = decodeLegacyRun(raw);
          heads.set(id, decodeHead(raw) ?? (legacy ? runFromItems(legacy.head, legacy.items).head : emptyRun().head));
        }
      }
      return heads;
    },

    /**
     * Empties a run that stays listed: an empty head one rev on (never back to
     * 0, so that a page holding the old run takes the empty one as newer), its
     * parts removed.
     */
    async empty(id: string): Promise<void> {
      const old = await this.load(id);
      runs.set(id, runFromItems({ ...emptyRun().head, rev: old.head.rev + 1 }, []));
      await this.flush(id);
    },

    /** Forgets a run, in memory and in storage (its head and every part). */
    async remove(id: string): Promise<void> {
      await this.load(id);
      const held = runs.get(id)?.parts.length ?? 0;
      runs.delete(id);
      // A write under way finishes first, so that it cannot put back what is removed.
      await (writing.get(id) ?? Promise.resolve());
      const parts = Math.max(held, written.get(id)?.parts.length ?? 0);
      written.delete(id);
      await browser.storage.local.remove([runHeadKey(id), ...Array.from({ length: parts }, (_, n) => runPartKey(id, n))]);
      onWritten?.({ kind: 'run', id, prevRev: 0, changes: { [runHeadKey(id)]: {} } });
    },
  };
}

export type RunStore = ReturnType<typeof createRunStore>;
