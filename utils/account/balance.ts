/**
 * The SociaVault account's credit balance, as `/v1/credits` tells it. Shared
 * by the background (which asks, at most once a minute, never without a key)
 * and the pages that show it.
 */
import { text, type MessageKey, type Text } from '../i18n';

export interface Balance {
  credits: number;
  /** `active`, `inactive`, `cancelled`, `past_due`, … as the vendor says; null when it does not. */
  status: string | null;
  subscriptionId: string | null;
}

/** The balance is asked for at most this often: the endpoint is free, but we should not flood it with requests. */
export const BALANCE_MAX_AGE_MS = 60_000;


/** SociaVault's documented subscription states, in words; any other is shown as SociaVault says it. */
const STATUS_LABELS: Readonly<Record<string, MessageKey>> = {
  active: 'balanceStatusActive',
  inactive: 'balanceStatusInactive',
  cancelled: 'balanceStatusCancelled',
  past_due: 'balanceStatusPastDue',
};

/** The subscription status in words, or null when SociaVault named none. */
export function subscriptionStatusText(status: string | null): Text | string | null {
  if (status === null) return null;
  // An own key only: a status named "constructor" must not find Object's.
  const key = Object.hasOwn(STATUS_LABELS, status) ? STATUS_LABELS[status] : undefined;
  return key ? text(key) : status;
}
