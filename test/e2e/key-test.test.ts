/**
 * "Test key" on the options page, and the test a saved key gets at once:
 * SociaVault's `/v1/credits` (free) answers with the balance, and not one
 * highlights request (each a credit) is sent.
 */
import { describe, expect, it } from 'vitest';
import { SESSION_KEYS } from '../../utils/storage-keys';
import type { ChromeApi } from '../support/chrome-api';
import { until } from '../support/poll';
import { API_PATHS, DEFAULT_API_KEY } from '../support/sociavault-server';
import { useWorld } from './fixture';

declare const chrome: ChromeApi;

const SECOND_KEY = 'sk_live_second_account';
const WRONG_KEY = 'sk_live_not_a_valid_key';

const world = useWorld({ validKeys: [DEFAULT_API_KEY, SECOND_KEY] });

/** The balance requests SociaVault received, with the key each carried. */
const creditsLog = () => world.api.requests.filter((r) => r.path === API_PATHS.credits);

describe('Test key', () => {
  it('shows the balance and the subscription status of a working key, and spends no credit', async () => {
    const options = await world.options();
    await expect.poll(() => options.keyField().inputValue()).toBe(DEFAULT_API_KEY);
    expect(await options.keyTestRegion().innerText()).toBe('');

    expect(await options.testKey()).toBe('Key works: 1000 credits · active.');
    expect(await options.keyTestRegion().getAttribute('data-tone')).toBe('success');
    expect(creditsLog().map((r) => [r.apiKey, r.status])).toEqual([[DEFAULT_API_KEY, 200]]);
    expect(world.highlightRequests()).toBe(0);
    expect(world.api.credits).toBe(1000);
  });

  it('is a polite live region, tied to the key field, and busy while it waits', async () => {
    world.api.holdCredits();
    const options = await world.options();
    const region = options.keyTestRegion();
    expect(await region.getAttribute('role')).toBe('status');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    expect((await options.keyField().getAttribute('aria-describedby'))?.split(' ')).toContain(await region.getAttribute('id'));

    await options.testKeyButton().click();
    await expect.poll(() => region.innerText()).toBe('Testing the key…');
    expect(await region.getAttribute('aria-busy')).toBe('true');
    expect(await options.testKeyButton().isDisabled()).toBe(true);

    await until('the balance request to arrive', () => creditsLog().length, (n) => n === 1);
    world.api.releaseCredits();
    expect(await options.keyTestResult()).toBe('Key works: 1000 credits · active.');
    expect(await region.getAttribute('aria-busy')).toBe('false');
    expect(await options.testKeyButton().isEnabled()).toBe(true);
    expect(world.highlightRequests()).toBe(0);
  });

  it('tests what the field shows, not the saved key, and says when SociaVault rejects it (401)', async () => {
    const options = await world.options();
    await options.typeKey(WRONG_KEY);
    expect(await options.testKey()).toBe('SociaVault rejected this key: Invalid API key. Copy it again from your SociaVault dashboard.');
    expect(await options.keyTestRegion().getAttribute('data-tone')).toBe('error');
    expect(creditsLog().map((r) => [r.apiKey, r.status])).toEqual([[WRONG_KEY, 401]]);
    // Testing saves nothing.
    expect(await options.storedKey()).toBe(DEFAULT_API_KEY);
    expect(world.highlightRequests()).toBe(0);
  });

  it('says that SociaVault could not be reached when the connection fails', async () => {
    world.api.failCredits('hangup');
    const options = await world.options();
    expect(await options.testKey()).toMatch(/^Could not reach SociaVault, so the key was not checked\. Check your connection/);
    expect(await options.keyTestRegion().getAttribute('data-tone')).toBe('error');
    expect(creditsLog().length).toBeGreaterThanOrEqual(1);
    expect(world.highlightRequests()).toBe(0);
  });

  it('says that the trouble is on SociaVault’s side when it answers 500', async () => {
    world.api.failCredits({ status: 500, body: { error: 'Internal server error' } });
    const options = await world.options();
    expect(await options.testKey()).toBe(
      'SociaVault had a problem on its side (HTTP 500), so the key was not checked. Try again in a few minutes.',
    );
    expect(world.highlightRequests()).toBe(0);
  });

  it('refuses text that cannot be a key without sending anything', async () => {
    const options = await world.options();
    await options.typeKey('sk_live abc');
    expect(await options.testKey()).toMatch(/no spaces/);
    expect(world.api.requests).toEqual([]);
  });

  it('shows a result only while the field holds the key it was for', async () => {
    world.api.holdCredits();
    const options = await world.options();
    const region = options.keyTestRegion();
    await options.testKeyButton().click();
    await expect.poll(() => region.innerText()).toBe('Testing the key…');

    // Typed over while the test is out: that test is not this key's.
    await options.keyField().press('End');
    await options.keyField().press('x');
    expect(await region.innerText()).toBe('');
    expect(await options.testKeyButton().isEnabled()).toBe(true);
    // Back to the key under test: its test is still on the way, then answers.
    await options.keyField().press('Backspace');
    expect(await region.innerText()).toBe('Testing the key…');
    world.api.releaseCredits();
    expect(await options.keyTestResult()).toBe('Key works: 1000 credits · active.');

    // Its result goes away as soon as the field holds another key.
    await options.keyField().press('x');
    expect(await region.innerText()).toBe('');
    expect(await region.getAttribute('data-tone')).toBeNull();
  });

  it('an earlier test that answers after a later one does not replace it', async () => {
    world.api.holdCredits();
    const options = await world.options();
    await options.testKeyButton().click();
    await expect.poll(() => options.keyTestRegion().innerText()).toBe('Testing the key…');

    // A wrong key is refused before the hold: its answer comes first.
    await options.typeKey(WRONG_KEY);
    expect(await options.testKey(/rejected/)).toMatch(/^SociaVault rejected this key/);
    world.api.releaseCredits();
    // The first answer is kept in storage.session just before it goes back to the page;
    // a message from the page answered after that follows it there.
    await until(
      'the first test’s answer to be kept',
      async () => (await world.getStorage('session', SESSION_KEYS.balances))[SESSION_KEYS.balances],
      (kept) => Array.isArray(kept) && kept.length === 2,
    );
    await options.page.evaluate(() => chrome.runtime.sendMessage({ type: 'get-status' }));
    expect(await options.keyTestRegion().innerText()).toMatch(/^SociaVault rejected this key/);
    await options.typeKey(DEFAULT_API_KEY);
    expect(await options.keyTestRegion().innerText()).toBe('');
    expect(world.highlightRequests()).toBe(0);
  });
});

describe('saving a key tests it at once', () => {
  it('a working key: saved, then its balance, from /v1/credits only', async () => {
    const options = await world.options();
    expect(await options.saveKey(SECOND_KEY)).toBe('Key saved.');
    expect(await options.keyTestResult()).toBe('Key works: 1000 credits · active.');
    expect(creditsLog().map((r) => [r.apiKey, r.status])).toEqual([[SECOND_KEY, 200]]);
    expect(world.highlightRequests()).toBe(0);
    expect(world.api.credits).toBe(1000);
  });

  it('a rejected key: saved as asked, and the rejection shows at once rather than at the next lookup', async () => {
    const options = await world.options();
    expect(await options.saveKey(WRONG_KEY)).toBe('Key saved.');
    expect(await options.keyTestResult()).toMatch(/^SociaVault rejected this key/);
    expect(await options.storedKey()).toBe(WRONG_KEY);
    expect(creditsLog().map((r) => [r.apiKey, r.status])).toEqual([[WRONG_KEY, 401]]);
    expect(world.highlightRequests()).toBe(0);
  });

  it('a refused key is neither saved nor tested', async () => {
    const options = await world.options();
    await options.typeKey('sk_live abc');
    await options.page.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await options.keyMessage()).toMatch(/no spaces/);
    expect(await options.keyTestRegion().innerText()).toBe('');
    expect(world.api.requests).toEqual([]);
  });
});
