/**
 * Honest about money when the unlucky happens: the worker is stopped while a
 * request is out. Nobody is told it cost nothing, and nothing is paid twice
 * unless the user asks again.
 */
import { describe, expect, it } from 'vitest';
import { settledState, useWorld } from './fixture';

const world = useWorld();

describe('a worker stopped while SociaVault is answering', () => {
  it('says the request may have used a credit, and a reopened popup sends nothing until Try again', async () => {
    world.api.setDelay('nasa', 4_000);
    const { tabId, popup } = await world.popupFor('/nasa/');
    // The request has reached SociaVault, which has not answered yet.
    await expect.poll(() => world.api.requests.filter((r) => r.query.handle === 'nasa').length, { timeout: 10_000 }).toBe(1);
    await world.browser.stopServiceWorker();

    expect(await settledState(popup)).toBe('error');
    const first = await popup.locator('main').innerText();
    expect(first).toMatch(/may have used a credit/);
    expect(first).not.toMatch(/no credit was used/i);
    await popup.close();

    // Reopened: the new worker knows that request left and never came back.
    const reopened = await world.browser.openPopup(tabId);
    expect(await settledState(reopened)).toBe('error');
    expect(await reopened.locator('main').getAttribute('data-error')).toBe('interrupted');
    expect(await reopened.locator('main').innerText()).toMatch(/interrupted[\s\S]*may have used a credit/);
    expect(world.highlightRequests()).toBe(1);

    // Asked again on purpose: one more request, and the list.
    world.api.setDelay('nasa', null);
    await reopened.getByRole('button', { name: 'Try again' }).click();
    expect(await settledState(reopened)).toBe('list');
    expect(world.highlightRequests()).toBe(2);
  });
});
