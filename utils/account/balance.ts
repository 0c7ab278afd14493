/**
 * The SociaVault account's credit balance, as `/v1/credits` tells it. Shared
 * by the background (which asks, at most once a minute, never without a key)
 * and the pages that show it.
 */
export interface Balance {
  credits: number;
  /** `active`, `inactive`, `cancelled`, `past_due`, … as the vendor says; null when it does not. */
  status: string | null;
  subscriptionId: string | null;
}

/** The balance is asked for at most this often: the endpoint is free, but we should not flood it with requests. */
export const BALANCE_MAX_AGE_MS = 60_000;

