/**
 * What a user meets after SociaVault answered 503 a few times: Chrome holds
 * back the extension's next requests (net::ERR_TEMPORARILY_THROTTLED), and
 * the popup says so instead of blaming the user's connection.
 */
import { describe, expect, it } from 'vitest';
import { settledState, useWorld } from './fixture';

const world = useWorld({ httpThrottling: true });

describe('after 503 answers, with Chrome throttling extension requests as it does by default', () => {
  it('the popup explains that the browser holds requests back', async () => {
    const failing = await world.popupFor('/err503/');
    expect(await settledState(failing.popup)).toBe('error');
    expect(await failing.popup.locator('main').getAttribute('data-error')).toBe('server-error');
    const sent = world.highlightRequests();

    const next = await world.popupFor('/nasa/');
    expect(await settledState(next.popup)).toBe('error');
    expect(await next.popup.locator('main').getAttribute('data-error')).toBe('network');
    expect(await next.popup.locator('main').textContent()).toMatch(/HTTP 503.*holds back further requests/);
    // Held back by the browser: it never reached SociaVault, so no credit either.
    expect(world.highlightRequests()).toBe(sent);
  });
});
