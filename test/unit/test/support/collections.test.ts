import { describe, expect, it } from 'vitest';
import { medianPace, paceBetween } from '../../../support/collections';

/** Arrival times `gap` ms apart, with `extra` ms added before the requests named in `slowed`. */
function arrivalsEvery(count: number, gap: number, slowed: Record<number, number> = {}): number[] {
  const times: number[] = [];
  let at = 1_000;
  for (let i = 0; i < count; i++) {
    at += i === 0 ? 0 : gap + (slowed[i] ?? 0);
    times.push(at);
  }
  return times;
}

describe('paceBetween', () => {
  it('is the mean time per request between the first and last of the range', () => {
    expect(paceBetween([0, 10, 30, 60], 0, 4)).toBe(20);
    expect(paceBetween([0, 10, 30, 60], 1, 3)).toBe(20);
  });
});

describe('medianPace', () => {
  it('is the pace of an even run', () => {
    expect(medianPace(arrivalsEvery(200, 12), 0, 200)).toBe(12);
  });

  it('leaves out a moment of load that slows a few steps', () => {
    const times = arrivalsEvery(200, 10, { 45: 2_000, 130: 900 });
    expect(paceBetween(times, 0, 200)).toBeGreaterThan(24);
    expect(medianPace(times, 0, 200)).toBe(10);
  });

  it('follows a pace that falls in every step', () => {
    const times = arrivalsEvery(400, 10);
    const slower = arrivalsEvery(200, 16).map((t) => t + times.at(-1)!);
    expect(medianPace([...times, ...slower], 400, 600)).toBe(16);
  });

  it('is the middle of an odd number of steps, the mean of the two middle ones of an even number', () => {
    // Steps of 2 over 7 requests: paces 1, 10, 3 → 3.
    expect(medianPace([0, 1, 2, 12, 22, 25, 28], 0, 7, 2)).toBe(3);
    // Steps of 2 over 9 requests: paces 1, 10, 3, 7 → (3 + 7) / 2.
    expect(medianPace([0, 1, 2, 12, 22, 25, 28, 35, 42], 0, 9, 2)).toBe(5);
  });

  it('refuses a range without one whole step', () => {
    expect(() => medianPace(arrivalsEvery(30, 1), 0, 20)).toThrow('no 20-request steps in requests 0 to 20 of 30');
    expect(() => medianPace(arrivalsEvery(30, 1), -1, 30)).toThrow();
    expect(() => medianPace(arrivalsEvery(30, 1), 0, 31)).toThrow();
    expect(medianPace(arrivalsEvery(30, 1), 0, 21)).toBe(1);
  });
});
