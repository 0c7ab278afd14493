/**
 * The stories run driven the way the background drives it, with arbitrary
 * answers, pauses, cancels and stopped workers in between: it never has
 * more requests out than its setting, asks for a highlight again only after
 * a 429 or a stopped worker (the stories service then reports the lost
 * request instead of paying again), counts exactly the credits its answers
 * cost, and ends with nothing out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyStoriesRun,
  estimateStories,
  nextStories,
  storiesRunReducer,
  storiesRunView,
  type StoriesRun,
  type StoriesTarget,
} from '@/entrypoints/background/stories/stories-run-machine';

const RUNS = 300;

type Outcome = 'paid' | 'cached' | 'timeout' | 'out-of-credits' | '429';
type Step = { kind: 'answer'; outcome: Outcome; pick: number } | { kind: 'pause' } | { kind: 'resume' } | { kind: 'cancel' } | { kind: 'restart' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('answer' as const), outcome: fc.constantFrom<Outcome>('paid', 'paid', 'cached', 'timeout', 'out-of-credits', '429'), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constantFrom<Step>({ kind: 'pause' }, { kind: 'resume' }, { kind: 'cancel' }, { kind: 'restart' }) },
);

const targetsArb = fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 25 }).map((ns) =>
  ns.map((n): StoriesTarget => ({ handle: 'nasa', highlightId: `179${n}`, title: `T${n}` })),
);

describe('a stories run under arbitrary answers', () => {
  it('keeps to its setting, asks for a highlight again only after a 429 or a stopped worker, counts what it paid, and ends with nothing out', () => {
    fc.assert(
      fc.property(
        targetsArb,
        fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(step, { maxLength: 200 }),
        (targets, cachedNs, concurrency, steps) => {
          const cached = new Set(cachedNs.map((n) => `179${n}`));
          const estimate = estimateStories(targets, cached);
          let run: StoriesRun = storiesRunReducer(emptyStoriesRun(), { type: 'start', targets, cached, concurrency });
          expect(run.items.length).toBe(estimate.highlights);
          expect(run.items.filter((item) => item.status === 'queued').length).toBe(estimate.credits);
          const sent = new Map<string, number>();
          let out: string[] = [];
          let paid = 0;
          let now = 0;
          const send = () => {
            const ids = nextStories(run, now);
            for (const id of ids) {
              expect(run.items.find((item) => item.highlightId === id)!.status).toBe('queued');
              sent.set(id, (sent.get(id) ?? 0) + 1);
            }
            run = storiesRunReducer(run, { type: 'started', ids });
            out.push(...ids);
            expect(out.length).toBeLessThanOrEqual(concurrency);
          };
          send();
          /** Asks a highlight may take: one, and one more after each 429 or stopped worker it was out during. */
          const allowed = new Map<string, number>();
          for (const next of [...steps, ...Array.from({ length: 400 }, (): Step => ({ kind: 'answer', outcome: 'paid', pick: 0 }))]) {
            now += 1000;
            if (next.kind === 'answer') {
              if (out.length === 0) {
                if (run.phase !== 'running') break;
                send();
                continue;
              }
              const id = out.splice(next.pick % out.length, 1)[0]!;
              if (next.outcome === '429') {
                allowed.set(id, (allowed.get(id) ?? 1) + 1);
                run = storiesRunReducer(run, { type: 'rate-limited', id, retryAfterSeconds: 1, now });
              } else if (next.outcome === 'paid' || next.outcome === 'cached') {
                if (next.outcome === 'paid') paid++;
                run = storiesRunReducer(run, { type: 'done', id, paid: next.outcome === 'paid', now });
              } else {
                run = storiesRunReducer(run, { type: 'failed', id, error: next.outcome, now });
              }
            } else if (next.kind === 'restart') {
              // A stopped worker: its requests' answers are lost.
              for (const id of out) allowed.set(id, (allowed.get(id) ?? 1) + 1);
              out = [];
              run = storiesRunReducer(run, { type: 'restarted' });
            } else {
              run = storiesRunReducer(run, next.kind === 'resume' ? { type: 'resume', concurrency } : { type: next.kind });
            }
            send();
          }
          expect(run.spent).toBe(paid);
          for (const [id, times] of sent) expect(times, id).toBeLessThanOrEqual(allowed.get(id) ?? 1);
          for (const id of cached) expect(sent.has(id) && targets.some((t) => t.highlightId === id)).toBe(false);
          const view = storiesRunView(run);
          expect(view.done + view.failed).toBeLessThanOrEqual(view.total);
          if (run.phase === 'finished') expect(run.items.every((item) => item.status === 'done' || item.status === 'failed')).toBe(true);
          if (out.length === 0 && run.phase !== 'running') expect(run.items.some((item) => item.status === 'running')).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
