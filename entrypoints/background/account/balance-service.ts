import { storedApiKey } from '@/utils/account/api-key-validation';
import { BALANCE_MAX_AGE_MS, type Balance } from '@/utils/account/balance';
import type { BalanceAnswer } from '@/utils/protocol';
import { requestBalance } from '../lookup/api-client';
import { createSerialQueue } from '../serial-queue';
import { apiKeyItem, balancesItem } from '../storage-items';

/** Balances of this many keys are remembered (the saved one, and a few tested). */
const REMEMBERED_KEYS = 4;

type Entry = [fingerprint: string, askedAt: number, answer: BalanceAnswer];

export interface BalanceServiceOptions {
  fetch?: typeof fetch;
  baseUrl?: string;
  timeoutMs?: number;
  now?: () => number;
}

/** A short SHA-256 of the key: enough to tell keys apart, useless to anyone who reads it. */
export async function keyFingerprint(apiKey: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(apiKey));
  return [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function isEntry(value: unknown): value is Entry {
  if (!Array.isArray(value) || value.length !== 3) return false;
  const [fingerprint, askedAt, answer] = value as unknown[];
  if (typeof fingerprint !== 'string' || typeof askedAt !== 'number' || typeof answer !== 'object' || answer === null) return false;
  const a = answer as { ok?: unknown; balance?: unknown; error?: unknown };
  return a.ok === true ? isBalance(a.balance) : a.ok === false && typeof a.error === 'object' && a.error !== null;
}

function isBalance(value: unknown): value is Balance {
  const b = value as Balance | null;
  return typeof b === 'object' && b !== null && typeof b.credits === 'number' && Number.isFinite(b.credits);
}

/**
 * The account's credit balance from `/v1/credits` (which costs no credit):
 * asked at most once a minute per key, never without a key, and kept in
 * storage.session so a restarted worker does not ask again. Paid answers and
 * out-of-credits answers correct it without a request.
 */
export function createBalanceService(options: BalanceServiceOptions = {}) {
  const now = options.now ?? Date.now;
  const write = createSerialQueue();
  const asking = new Map<string, Promise<BalanceAnswer>>();

  async function entries(): Promise<Entry[]> {
    try {
      const stored = await balancesItem.getValue();
      return Array.isArray(stored) ? stored.filter(isEntry) : [];
    } catch {
      return [];
    }
  }

  function remember(change: (list: Entry[]) => Entry[]): Promise<void> {
    return write(async () => {
      try {
        await balancesItem.setValue(change(await entries()).slice(-REMEMBERED_KEYS));
      } catch {
        // Not remembered: the next ask sends a request again.
      }
    });
  }

  async function ask(apiKey: string): Promise<BalanceAnswer> {
    const fingerprint = await keyFingerprint(apiKey);
    const known = (await entries()).find(([fp]) => fp === fingerprint);
    if (known && now() - known[1] >= 0 && now() - known[1] < BALANCE_MAX_AGE_MS) return known[2];
    const pending = asking.get(fingerprint);
    if (pending) return pending;
    const request = (async (): Promise<BalanceAnswer> => {
      const result = await requestBalance({ apiKey, baseUrl: options.baseUrl, timeoutMs: options.timeoutMs, fetch: options.fetch });
      const answer: BalanceAnswer = result.ok ? { ok: true, balance: result.value, at: now() } : { ok: false, error: result.error };
      await remember((list) => [...list.filter(([fp]) => fp !== fingerprint), [fingerprint, now(), answer]]);
      return answer;
    })().finally(() => asking.delete(fingerprint));
    asking.set(fingerprint, request);
    return request;
  }

  /** Adjusts the remembered balance of the saved key, after a paid answer (`spent`) or an out-of-credits answer (`available`). */
  async function correct(adjust: (balance: Balance) => Balance): Promise<void> {
    const key = storedApiKey(await apiKeyItem.getValue());
    if (!key.ok) return;
    const fingerprint = await keyFingerprint(key.key);
    await remember((list) =>
      list.map((entry): Entry => {
        const [fp, askedAt, answer] = entry;
        return fp === fingerprint && answer.ok ? [fp, askedAt, { ...answer, balance: adjust(answer.balance) }] : entry;
      }),
    );
  }

  return {
    /** The saved key's balance; no request without a key, nor within a minute of the last. */
    async balance(): Promise<BalanceAnswer> {
      const key = storedApiKey(await apiKeyItem.getValue());
      return key.ok ? ask(key.key) : { ok: false, error: key.error };
    },
    /** Any key's balance, for "Test key" (at most once a minute per key too). */
    test: (apiKey: string) => ask(apiKey),
    spent: (credits: number) => correct((b) => ({ ...b, credits: Math.max(0, b.credits - credits) })),
    available: (credits: number) => correct((b) => ({ ...b, credits })),
  };
}

export type BalanceService = ReturnType<typeof createBalanceService>;
