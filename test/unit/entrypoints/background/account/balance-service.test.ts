import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBalanceService, keyFingerprint } from '@/entrypoints/background/account/balance-service';
import { createLookupService } from '@/entrypoints/background/lookup/lookup-service';
import { apiKeyItem, balancesItem } from '@/entrypoints/background/storage-items';
import { h } from '@/test/unit/helpers/handles';
import { PATIENT } from '@/test/unit/helpers/patience';

const KEY = 'sk_live_balance_test';
let clock = 1_000_000;

/** A SociaVault that answers the balance and highlights, recording which endpoint each request hit. */
function api({ credits = 950, status = 200 }: { credits?: number; status?: number } = {}) {
  let balance = credits;
  const fetch = vi.fn<typeof globalThis.fetch>(async (input) => {
    const url = new URL(String(input));
    if (url.pathname === '/v1/credits') {
      if (status !== 200) return new Response(JSON.stringify({ error: 'Invalid API key' }), { status });
      return new Response(JSON.stringify({ credits: balance, subscriptionStatus: 'active', subscriptionId: null }));
    }
    if (balance <= 0) return new Response(JSON.stringify({ error: 'Insufficient credits', required: 1, available: 0 }), { status: 402 });
    balance -= 1;
    return new Response(JSON.stringify({ success: true, data: { success: true, highlights: [{ id: '1', title: 'a' }] }, credits_used: 1 }));
  });
  const calls = (path: string) => fetch.mock.calls.filter(([input]) => new URL(String(input)).pathname === path).length;
  return { fetch, calls };
}

beforeEach(async () => {
  fakeBrowser.reset();
  clock = 1_000_000;
  await apiKeyItem.setValue(KEY);
});

describe('the balance', () => {
  it('is asked once a minute at most, and kept across a worker restart', async () => {
    const { fetch, calls } = api();
    const service = createBalanceService({ fetch, now: () => clock });
    expect(await service.balance()).toEqual({ ok: true, balance: { credits: 950, status: 'active', subscriptionId: null }, at: clock });
    clock += 59_000;
    expect(await service.balance()).toMatchObject({ ok: true, balance: { credits: 950 } });
    expect(await createBalanceService({ fetch, now: () => clock }).balance()).toMatchObject({ ok: true });
    expect(calls('/v1/credits')).toBe(1);
    clock += 1_000;
    await service.balance();
    expect(calls('/v1/credits')).toBe(2);
  });

  it('is never asked without a key', async () => {
    await apiKeyItem.removeValue();
    const { fetch } = api();
    expect(await createBalanceService({ fetch }).balance()).toEqual({ ok: false, error: { kind: 'no-key' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('is never asked with a saved key no header can carry: a key problem', async () => {
    await apiKeyItem.setValue('sk_live_\u00e9t\u00e9');
    const { fetch } = api();
    expect(await createBalanceService({ fetch }).balance()).toEqual({ ok: false, error: { kind: 'key-unusable', problem: 'not-ascii' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('concurrent asks share one request', async () => {
    const { fetch, calls } = api();
    const service = createBalanceService({ fetch, now: () => clock });
    await Promise.all([service.balance(), service.balance(), service.balance()]);
    expect(calls('/v1/credits')).toBe(1);
  });

  it('a rejected key says so, and is not asked again within the minute either', async () => {
    const { fetch, calls } = api({ status: 401 });
    const service = createBalanceService({ fetch, now: () => clock });
    expect(await service.balance()).toMatchObject({ ok: false, error: { kind: 'key-rejected' } });
    expect(await service.balance()).toMatchObject({ ok: false, error: { kind: 'key-rejected' } });
    expect(calls('/v1/credits')).toBe(1);
  });

  it('a paid answer lowers it without a request; an out-of-credits answer sets it', async () => {
    const { fetch, calls } = api({ credits: 2 });
    const balance = createBalanceService({ fetch, now: () => clock });
    const lookup = createLookupService({
      fetch,
      isOnline: () => true,
      now: () => clock,
      onBalanceHint: (hint) => void ('spent' in hint ? balance.spent(hint.spent) : balance.available(hint.available)),
    });
    expect(await balance.balance()).toMatchObject({ balance: { credits: 2 } });
    await lookup.lookup(h('nasa'), { refresh: false });
    await vi.waitFor(async () => expect(await balance.balance()).toMatchObject({ balance: { credits: 1 } }), PATIENT);
    await lookup.lookup(h('natgeo'), { refresh: false });
    await lookup.lookup(h('nasa'), { refresh: true });
    await vi.waitFor(async () => expect(await balance.balance()).toMatchObject({ balance: { credits: 0 } }), PATIENT);
    expect(calls('/v1/credits')).toBe(1);
  });

  it('keeps no key in storage, only a fingerprint', async () => {
    const { fetch } = api();
    await createBalanceService({ fetch, now: () => clock }).balance();
    const stored = JSON.stringify(await balancesItem.getValue());
    expect(stored).not.toContain(KEY);
    expect(stored).toContain(await keyFingerprint(KEY));
  });

  it('"Test key" asks for any key, once a minute per key', async () => {
    const { fetch, calls } = api();
    const service = createBalanceService({ fetch, now: () => clock });
    expect(await service.test('sk_live_other')).toMatchObject({ ok: true });
    expect(await service.test('sk_live_other')).toMatchObject({ ok: true });
    expect(await service.test(KEY)).toMatchObject({ ok: true });
    expect(calls('/v1/credits')).toBe(2);
    expect(fetch.mock.calls.map(([, init]) => new Headers(init?.headers).get('X-API-Key'))).toEqual(['sk_live_other', KEY]);
  });

  it('ignores whatever storage holds that does not fit', async () => {
    await balancesItem.setValue([['x', 'y'], null, [await keyFingerprint(KEY), clock, { ok: true, balance: 'lots' }]]);
    const { fetch, calls } = api();
    expect(await createBalanceService({ fetch, now: () => clock }).balance()).toMatchObject({ ok: true, balance: { credits: 950 } });
    expect(calls('/v1/credits')).toBe(1);
  });
});
