import { describe, expect, it } from 'vitest';
import { MAX_OWNER_IDS, rememberOwnerId } from '@/entrypoints/background/cache/owner-ids';
import { h } from '@/test/unit/helpers/handles';

describe('rememberOwnerId', () => {
  it('keeps the newest mappings within the bound', () => {
    const full = new Map(Array.from({ length: MAX_OWNER_IDS }, (_, i) => [h(`user${i}`), String(i)] as const));
    const next = rememberOwnerId(full, h('nasa'), '528817151');
    expect(next.size).toBe(MAX_OWNER_IDS);
    expect(next.get(h('nasa'))).toBe('528817151');
    expect(next.has(h('user0'))).toBe(false);
    // Re-learning a handle moves it to the newest end instead of duplicating it.
    expect([...rememberOwnerId(next, h('user1'), '1').keys()].at(-1)).toBe('user1');
  });
});
