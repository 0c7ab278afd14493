import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createInFlightRecord, INTERRUPTED_MEMORY_MS } from '@/entrypoints/background/lookup/in-flight-record';
import { lookupsInFlightItem } from '@/entrypoints/background/storage-items';
import { h } from '@/test/unit/helpers/handles';

const NOW = Date.parse('2026-11-28T12:00:00Z');

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('the record of requests in flight', () => {
  it('reads storage once per worker; after that each change is one write', async () => {
    const reads = vi.spyOn(lookupsInFlightItem, 'getValue');
    const record = createInFlightRecord(() => NOW);
    expect(await record.interrupted(h('nasa'))).toBeNull();
    await record.begin(h('nasa'));
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
    expect(await lookupsInFlightItem.getValue()).toEqual([['nasa', NOW]]);
    const again = vi.spyOn(lookupsInFlightItem, 'getValue');
    await record.begin(h('natgeo'));
    await record.end(h('nasa'));
    expect(again).not.toHaveBeenCalled();
    again.mockRestore();
    expect(await lookupsInFlightItem.getValue()).toEqual([['natgeo', NOW]]);
  });

  it('reports what a stopped worker left, and keeps it while recording its own', async () => {
    await lookupsInFlightItem.setValue([['nasa', NOW - 1000]]);
    const record = createInFlightRecord(() => NOW);
    expect(await record.interrupted(h('nasa'))).toBe(NOW - 1000);
    await record.begin(h('natgeo'));
    expect(await lookupsInFlightItem.getValue()).toEqual([
      ['nasa', NOW - 1000],
      ['natgeo', NOW],
    ]);
    // Its own requests are never reported as a predecessor's.
    expect(await record.interrupted(h('natgeo'))).toBeNull();
  });

  it('forgets an interruption older than INTERRUPTED_MEMORY_MS', async () => {
    await lookupsInFlightItem.setValue([['nasa', NOW - INTERRUPTED_MEMORY_MS]]);
    expect(await createInFlightRecord(() => NOW).interrupted(h('nasa'))).toBeNull();
  });
});
