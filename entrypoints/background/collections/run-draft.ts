/**
 * How a run in parts is changed without copying more than it must: a draft
 * of the next state, which copies the head and only the parts a change
 * touches, and the changes that move profiles (adding, removing).
 */
import { MAX_COLLECTION_SIZE, RUN_PART_SIZE, type ItemStatus, type RunHead, type RunItem, type RunPart } from '@/utils/collections/run-record';
import type { LookupErrorKind } from '@/utils/errors/lookup-error';
import type { Handle } from '@/utils/profile-url';
import type { RunState } from './run-machine';

export const withStatus = (item: RunItem, status: ItemStatus): RunItem => ({ ...item, status });
/** A queued profile taken out of the run's queue. */
export const unqueue = (item: RunItem) => (item.status === 'queued' ? withStatus(item, 'new') : item);

/** A run being changed: new parts and counts are made as needed, and nothing else is copied. */
export class Draft {
  readonly head: RunHead;
  parts: readonly RunPart[];
  where: ReadonlyMap<Handle, number>;
  cursor: number;
  readonly rev: number;

  constructor(run: RunState) {
    this.rev = run.head.rev + 1;
    this.head = { ...run.head, counts: { ...run.head.counts }, rev: this.rev };
    this.parts = run.parts;
    this.where = run.where;
    this.cursor = run.cursor;
  }

  private count(from: RunItem | null, to: RunItem | null): void {
    if (from) {
      this.head.counts[from.status]--;
      if (from.status === 'done') this.head.highlights -= from.count ?? 0;
    }
    if (to) {
      this.head.counts[to.status]++;
      if (to.status === 'done') this.head.highlights += to.count ?? 0;
    }
  }

  /** Changes one profile; returns it as it was (undefined when the run does not hold it). */
  item(handle: Handle, change: (item: RunItem) => RunItem): RunItem | undefined {
    const index = this.where.get(handle);
    if (index === undefined) return undefined;
    const part = this.parts[index]!;
    const at = part.items.findIndex((item) => item.handle === handle);
    const before = part.items[at]!;
    const after = change(before);
    if (after === before) return before;
    const items = part.items.slice();
    items[at] = after;
    this.replacePart(index, items);
    this.count(before, after);
    return before;
  }

  /** Changes every profile `change` returns a new one for; only the parts that hold one are copied. */
  everyItem(change: (item: RunItem) => RunItem): void {
    const parts = this.parts.slice();
    let changed = false;
    parts.forEach((part, index) => {
      let items: RunItem[] | null = null;
      part.items.forEach((before, at) => {
        const after = change(before);
        if (after === before) return;
        items ??= part.items.slice();
        items[at] = after;
        this.count(before, after);
      });
      if (items) {
        parts[index] = { rev: this.rev, items };
        changed = true;
      }
    });
    if (changed) this.parts = parts;
  }

  replacePart(index: number, items: readonly RunItem[]): void {
    const parts = this.parts.slice();
    parts[index] = { rev: this.rev, items };
    this.parts = parts;
  }

  /** The phase after a change: a running run with nothing queued or running has finished. */
  settle(): void {
    const { counts } = this.head;
    if (this.head.phase === 'running' && counts.queued === 0 && counts.running === 0) {
      this.head.phase = 'finished';
      this.head.startedAt = null;
    }
  }

  /** The run stops by itself: what is done is kept, and the queue is put back for a later resume. */
  stop(reason: LookupErrorKind): void {
    this.head.phase = 'stopped';
    this.head.stopReason = reason;
    this.head.startedAt = null;
    this.everyItem(unqueue);
  }

  done(): RunState {
    this.head.parts = this.parts.length;
    return { head: this.head, parts: this.parts, where: this.where, cursor: this.cursor };
  }
}

/** Appends the profiles the run does not hold yet, up to its size limit; says how many went in. */
export function addTo(draft: Draft, handles: readonly Handle[]): number {
  const where = new Map(draft.where);
  const fresh: Handle[] = [];
  let room = MAX_COLLECTION_SIZE - where.size;
  for (const handle of handles) {
    if (room <= 0) break;
    if (where.has(handle)) continue;
    where.set(handle, -1);
    fresh.push(handle);
    room--;
  }
  if (fresh.length === 0) return 0;
  let next = 0;
  let index = draft.parts.length - 1;
  // The last part first, while it has room; then new parts.
  if (index >= 0 && draft.parts[index]!.items.length < RUN_PART_SIZE) {
    const take = fresh.slice(0, RUN_PART_SIZE - draft.parts[index]!.items.length);
    draft.replacePart(index, [...draft.parts[index]!.items, ...take.map(newItem)]);
    for (const handle of take) where.set(handle, index);
    next = take.length;
  }
  const parts = draft.parts.slice();
  for (; next < fresh.length; next += RUN_PART_SIZE) {
    const take = fresh.slice(next, next + RUN_PART_SIZE);
    parts.push({ rev: draft.rev, items: take.map(newItem) });
    for (const handle of take) where.set(handle, parts.length - 1);
  }
  draft.parts = parts;
  draft.where = where;
  draft.head.counts.new += fresh.length;
  if (draft.head.phase === 'finished' || draft.head.phase === 'cancelled') draft.head.phase = 'idle';
  return fresh.length;
}

const newItem = (handle: Handle): RunItem => ({ handle, status: 'new', count: null, error: null, paid: false });

/** Takes the profiles out (not one whose lookup is out); says how many went. */
export function removeFrom(draft: Draft, handles: readonly Handle[]): number {
  const gone = new Set(handles.filter((handle) => draft.where.has(handle)));
  let removed = 0;
  const parts = draft.parts.slice();
  const touched = new Set([...gone].map((handle) => draft.where.get(handle)!));
  for (const index of touched) {
    const items = parts[index]!.items.filter((item) => {
      const goes = gone.has(item.handle) && item.status !== 'running';
      if (goes) {
        draft.head.counts[item.status]--;
        if (item.status === 'done') draft.head.highlights -= item.count ?? 0;
        removed++;
      }
      return !goes;
    });
    parts[index] = { rev: draft.rev, items };
  }
  if (removed === 0) return 0;
  // Emptied parts stay (their keys are rewritten, not renumbered) until there are many of them.
  const size = parts.reduce((n, part) => n + part.items.length, 0);
  const laidOut = parts.length > 2 * Math.ceil(size / RUN_PART_SIZE) + 1 ? relayout(parts, draft.rev) : parts;
  draft.parts = laidOut;
  draft.where = new Map(laidOut.flatMap((part, index) => part.items.map((item) => [item.handle, index] as const)));
  draft.cursor = 0;
  return removed;
}

/** The profiles in full parts again, after many were removed. */
function relayout(parts: readonly RunPart[], rev: number): RunPart[] {
  const items = parts.flatMap((part) => part.items);
  const laidOut: RunPart[] = [];
  for (let i = 0; i < items.length; i += RUN_PART_SIZE) laidOut.push({ rev, items: items.slice(i, i + RUN_PART_SIZE) });
  return laidOut;
}
