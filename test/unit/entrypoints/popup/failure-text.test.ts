// @vitest-environment happy-dom
/**
 * Every failing answer the stand-in SociaVault can give (the same bodies and
 * headers the end-to-end tests meet) → the requests the background sends
 * (retries included) → the error kind → what the popup says and the next
 * step it offers, in English. The end-to-end tests (test/e2e/states.test.ts)
 * show each kind of next step once in the real popup; this table holds every case.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createLookupService } from '@/entrypoints/background/lookup/lookup-service';
import { apiKeyItem } from '@/entrypoints/background/storage-items';
import { explainProblem } from '@/entrypoints/popup/failure-text';
import type { ErrorAction } from '@/utils/errors/error-action';
import type { LookupError } from '@/utils/errors/lookup-error';
import { h } from '@/test/unit/helpers/handles';
import { translatorFor } from '@/test/support/locales';
import { DEFAULT_SCENARIOS, type Scenario } from '@/test/support/scenarios';

const en = translatorFor('en');

/** A fetch that answers every request as the stand-in answers `scenario`. */
function answeringAs(scenario: Scenario) {
  return vi.fn<typeof globalThis.fetch>(async () => {
    if (scenario.kind === 'hangup') throw new TypeError('Failed to fetch');
    if (scenario.kind !== 'raw') throw new Error('a profile scenario answers 200 with a list');
    return new Response(scenario.body, { status: scenario.status, headers: scenario.headers });
  });
}

type Row = [scenario: string, kind: LookupError['kind'], title: RegExp, detail: RegExp, action: ErrorAction, requests: number];

const failures: Row[] = [
  ['err400', 'bad-request', /^SociaVault refused the request for @err400$/, /^SociaVault said: Invalid parameter: handle\.$/, 'edit-handle', 1],
  ['err402', 'out-of-credits', /^Out of credits$/, /^This lookup needs 1 credit; you have 0 credits\./, 'buy-credits', 1],
  ['err403', 'out-of-credits', /^Out of credits$/, /no credits left/, 'buy-credits', 1],
  ['err404', 'not-found', /^@err404 was not found on Instagram$/, /private, renamed or deleted/, 'edit-handle', 1],
  // Retry-After 30 is longer than a popup waits: one request, and the wait is named.
  ['err429', 'rate-limited', /^Too many requests$/, /Try again in 30 s\./, 'retry', 1],
  ['err500', 'server-error', /\(HTTP 500\)$/, /SociaVault’s side/, 'retry', 1],
  // A gateway's answers cannot have been charged: asked twice more.
  ['err502html', 'server-error', /\(HTTP 502\)$/, /SociaVault’s side/, 'retry', 3],
  ['err503', 'server-error', /\(HTTP 503\)$/, /SociaVault’s side/, 'retry', 3],
  ['err504html', 'server-error', /\(HTTP 504\)$/, /SociaVault’s side/, 'retry', 3],
  ['notjson', 'bad-response', /could not read/, /\(the body is not JSON\)$/, 'retry', 1],
  ['badshape', 'bad-response', /could not read/, /\(the body has no data\.highlights list\)$/, 'retry', 1],
  ['hangup', 'network', /^Could not reach SociaVault$/, /api\.sociavault\.com/, 'retry', 1],
];

beforeEach(async () => {
  fakeBrowser.reset();
  await apiKeyItem.setValue('sk_test_key');
});

describe('a failing answer → requests sent → error kind → what the popup says', () => {
  it.each(failures)('%s → %s', async (name, kind, title, detail, action, requests) => {
    if (process.env.SHOWTEXT) console.log('XX');
    const fetch = answeringAs(DEFAULT_SCENARIOS[name]!);
    const sleep = vi.fn(async (_ms: number) => undefined);
    const lookup = createLookupService({ fetch, sleep, isOnline: () => true, random: () => 0.5 });
    const result = await lookup.lookup(h(name), { refresh: false });
    expect(fetch).toHaveBeenCalledTimes(requests);
    if (result.ok) throw new Error(`${name} was answered with a list`);
    expect(result.error.kind).toBe(kind);

    const shown = explainProblem(result.error, h(name));
    expect(en(shown.title)).toMatch(title);
    expect(en(shown.detail)).toMatch(detail);
    expect(shown.action).toBe(action);
    // A request left: nothing may say it was free.
    expect(`${en(shown.title)} ${en(shown.detail)}`).not.toMatch(/no credit (was|is) used/i);
  });

  it('covers every failing answer the stand-in has', () => {
    const failing = Object.entries(DEFAULT_SCENARIOS)
      .filter(([, scenario]) => scenario.kind !== 'profile')
      .map(([name]) => name);
    expect(failures.map(([name]) => name).sort()).toEqual(failing.sort());
  });
});
