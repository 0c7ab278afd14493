/**
 * What a user meets after SociaVault answered 503 a few times: Chrome holds
 * back the extension's next requests (net::ERR_TEMPORARILY_THROTTLED), and
 * the popup says so instead of blaming the user's connection.
 *
 * How long Chrome holds back is its own business (extensions/renderer/
 * extension_throttle_entry.cc): it ignores the first two 500/503 answers to a
 * URL (query left out), then waits 700 ms × 1.4^(failures − 3), up to 40 % less
 * by jitter, at most 15 minutes. After the popup's three 503s (one request and
 * two retries) that is 0.42–0.7 s: a test that merely opens the next popup
 * sometimes comes later than that, and the lookup gets through. So the outage
 * here answers many requests at once: the stand-in holds the popup's last retry
 * together with BURST more requests from the worker, and answers all of them
 * 503 only when all have arrived, i.e. when every one has passed Chrome's
 * throttle. Chrome then counts 2 + 1 + BURST failures, and with BURST = 24 its
 * wait is 700 ms × 1.4^24 × 0.6 ≈ 22 minutes before the cap: exactly the
 * 15-minute maximum, whatever the jitter or the machine's speed.
 */
import { describe, expect, it } from 'vitest';
import { until } from '../support/poll';
import { API_ORIGIN, API_PATHS, DEFAULT_API_KEY } from '../support/sociavault-server';
import { useWorld } from './fixture';

/** More requests at once than Chrome opens HTTP/1.1 connections to a host: the stand-in speaks HTTP/2. */
const BURST = 24;

const world = useWorld({ httpThrottling: true, http2: true });

/** BURST highlights requests for `handle` from the extension's own worker at once; their statuses. */
async function burstFromWorker(handle: string): Promise<number[]> {
  const worker = await world.browser.worker();
  const url = `${API_ORIGIN}${API_PATHS.highlights}?handle=${handle}`;
  return worker.evaluate(
    ({ url, key, count }) =>
      Promise.all(
        Array.from({ length: count }, () =>
          fetch(url, { headers: { 'X-API-Key': key }, cache: 'no-store' }).then(
            (r) => r.status,
            () => 0,
          ),
        ),
      ),
    { url, key: DEFAULT_API_KEY, count: BURST },
  );
}

describe('after 503 answers, with Chrome throttling extension requests as it does by default', () => {
  it('the popup explains that the browser holds requests back', async () => {
    // The popup's first request and first retry are answered at once; its last retry waits for the burst.
    world.api.holdHighlights({ pass: 2, hold: 1 + BURST });
    const failing = await world.popupFor('/err503/');
    await until("the popup's last retry to reach SociaVault", () => world.api.held, (n) => n === 1);
    expect(await burstFromWorker('err503')).toEqual(Array(BURST).fill(503));

    expect(await failing.popup.settled()).toBe('error');
    expect(await failing.popup.errorKind()).toBe('server-error');
    const sent = world.highlightRequests();
    expect(sent).toBe(3 + BURST);

    const next = await world.popupFor('/nasa/');
    expect(await next.popup.settled()).toBe('error');
    expect(await next.popup.errorKind()).toBe('network');
    expect(await next.popup.main.textContent()).toMatch(/HTTP 503.*holds back further requests/);
    // Held back by the browser: it never reached SociaVault, so no credit either.
    expect(world.highlightRequests()).toBe(sent);
  });
});
