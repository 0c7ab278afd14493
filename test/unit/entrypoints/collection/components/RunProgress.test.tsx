// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunProgress } from '@/entrypoints/collection/components/RunProgress';
import type { ShownEstimate } from '@/entrypoints/collection/state';
import { runFromItems } from '@/entrypoints/background/collections/run-machine';
import { emptyRun, type ItemStatus, type RunHead, type RunPace, type RunPhase } from '@/utils/collections/run-record';
import type { LookupErrorKind } from '@/utils/errors/lookup-error';
import type { BalanceAnswer } from '@/utils/protocol';
import { translatorFor } from '@/test/support/locales';
import { button, buttonLabels, cleanup, click, find, key, mount } from '@/test/unit/helpers/dom';
import { h } from '@/test/unit/helpers/handles';

const en = translatorFor('en');

afterEach(cleanup);

/** The head of a run whose profiles p0, p1, … are in `statuses`. */
function runOf(phase: RunPhase, statuses: ItemStatus[], stopReason: LookupErrorKind | null = null, pace: Partial<RunPace> = {}): RunHead {
  const items = statuses.map((status, i) => ({ handle: h(`p${i}`), status, count: null, error: status === 'failed' ? ('not-found' as const) : null, paid: true }));
  const { head } = runFromItems(emptyRun().head, items);
  return { ...head, phase, spent: statuses.filter((s) => s === 'done').length, stopReason, startedAt: phase === 'running' ? 1 : null, pace: { ...head.pace, ...pace } };
}

const credits = (n: number): BalanceAnswer => ({ ok: true, balance: { credits: n, status: 'active', subscriptionId: null }, at: 0 });
const noKey: BalanceAnswer = { ok: false, error: { kind: 'no-key' } };

function shown(lookups: number, balance: BalanceAnswer | null, confirm: boolean, done = 0): ShownEstimate {
  return { estimate: { profiles: lookups + done + 1, cached: 1, lookups, done }, balance, confirm };
}

/** The run block, every callback recorded. */
function progress(head: RunHead, { estimate = null as ShownEstimate | null, seenAt = 0, busy = false } = {}) {
  const calls = { onEstimate: vi.fn(), onCloseEstimate: vi.fn(), onControl: vi.fn(), onOpenOptions: vi.fn() };
  const { root } = mount(<RunProgress head={head} estimate={estimate} invalid={0} textLines={[]} seenAt={seenAt} busy={busy} t={en} {...calls} />);
  return { root, ...calls, actions: () => buttonLabels(find(root, '.actions')) };
}

describe('the run block', () => {
  it.each<[RunPhase, string[]]>([
    ['idle', ['Estimate', 'Start']],
    ['running', ['Pause', 'Cancel run']],
    ['paused', ['Resume', 'Cancel run']],
    ['stopped', ['Resume', 'Cancel run']],
    ['finished', ['Estimate', 'Start']],
    ['cancelled', ['Estimate', 'Start']],
  ])('%s: offers %j', (phase, labels) => {
    expect(progress(runOf(phase, ['done', 'new'])).actions()).toEqual(labels);
  });

  it('Start asks for the estimate to confirm; it starts nothing by itself', () => {
    const { root, onEstimate, onControl } = progress(runOf('idle', ['new', 'new']));
    click(button(root, 'Start'));
    expect(onEstimate).toHaveBeenCalledWith(true);
    click(button(root, 'Estimate'));
    expect(onEstimate).toHaveBeenLastCalledWith(false);
    expect(onControl).not.toHaveBeenCalled();
  });

  it('an empty collection can be neither estimated nor started', () => {
    const { root } = progress(runOf('idle', []));
    expect(button(root, 'Estimate').disabled).toBe(true);
    expect(button(root, 'Start').disabled).toBe(true);
  });

  it('the controls send their action', () => {
    const running = progress(runOf('running', ['done', 'queued']));
    click(button(running.root, 'Pause'));
    click(button(running.root, 'Cancel run'));
    expect(running.onControl.mock.calls).toEqual([['pause'], ['cancel']]);
    const paused = progress(runOf('paused', ['done', 'new']));
    click(button(paused.root, 'Resume'));
    expect(paused.onControl).toHaveBeenCalledWith('resume');
  });

  it('the confirmation starts the run, saying what it may spend, with the focus on that button', () => {
    const { root, onControl } = progress(runOf('idle', ['new', 'new', 'new']), { estimate: shown(3, credits(100), true) });
    const start = button(find(root, '[data-testid="collection-confirm"]'), 'Start: spend up to 3 credits');
    expect(document.activeElement).toBe(start);
    click(start);
    expect(onControl).toHaveBeenCalledWith('start');
  });

  it('a run that costs nothing says so', () => {
    const { root } = progress(runOf('idle', ['new']), { estimate: shown(0, credits(100), true) });
    expect(button(find(root, '[data-testid="collection-confirm"]'), 'Start (free)').disabled).toBe(false);
  });

  it('without a usable key the confirmation cannot start, points to the options, and the focus goes to Cancel', () => {
    const { root, onControl, onOpenOptions } = progress(runOf('idle', ['new', 'new']), { estimate: shown(2, noKey, true) });
    const confirm = find(root, '[data-testid="collection-confirm"]');
    const start = button(confirm, 'Start: spend up to 2 credits');
    expect(start.disabled).toBe(true);
    expect(document.activeElement).toBe(button(confirm, 'Cancel'));
    click(start);
    expect(onControl).not.toHaveBeenCalled();
    click(button(confirm, 'Open options'));
    expect(onOpenOptions).toHaveBeenCalled();
  });

  it('with every profile done there is nothing to start', () => {
    const { root } = progress(runOf('finished', ['done', 'done']), { estimate: { estimate: { profiles: 2, cached: 0, lookups: 0, done: 2 }, balance: credits(5), confirm: true } });
    const confirm = find(root, '[data-testid="collection-confirm"]');
    expect(confirm.textContent).toContain('Every profile is done: there is nothing to look up.');
    expect(button(confirm, 'Start (free)').disabled).toBe(true);
  });

  it('Cancel and Escape close the confirmation, and the focus goes back to Start', () => {
    const { root, onCloseEstimate } = progress(runOf('idle', ['new']), { estimate: shown(1, credits(5), true) });
    const confirm = find(root, '[data-testid="collection-confirm"]');
    key(confirm, 'Escape');
    expect(onCloseEstimate).toHaveBeenCalledTimes(1);
    click(button(confirm, 'Cancel'));
    expect(onCloseEstimate).toHaveBeenCalledTimes(2);
    expect(document.activeElement).toBe(button(find(root, '.actions'), 'Start'));
  });

  it('an estimate asked for is read out in the live region, with what the balance says of it', () => {
    const { root } = progress(runOf('idle', ['new', 'new', 'new']), { estimate: shown(3, credits(2), false) });
    const status = find(root, '[data-testid="collection-estimate-status"]');
    expect(find(status, '[data-testid="collection-estimate"]').textContent).toMatch(/^4 profiles: 1 cached \(free\).* 3 lookups = 3 credits$/);
    expect(find(status, '[data-testid="collection-balance"]').textContent).toMatch(/^You have 2 credits: fewer than the run needs/);
    expect(root.querySelector('[data-testid="collection-confirm"]')).toBeNull();
  });

  it('no confirmation while a run is going on', () => {
    const { root } = progress(runOf('running', ['done', 'queued']), { estimate: shown(1, credits(5), true) });
    expect(root.querySelector('[data-testid="collection-confirm"]')).toBeNull();
  });

  it('shows progress once a run has started, with the time left only while it runs', () => {
    expect(progress(runOf('idle', ['new', 'new'])).root.querySelector('[data-testid="collection-progress"]')).toBeNull();
    const running = progress(runOf('running', ['done', 'failed', 'queued', 'queued'], null, { msPerProfile: 5_000 }), { seenAt: 10_000 });
    const bar = find(running.root, '[data-testid="collection-progress"]');
    expect([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuemax')]).toEqual(['2', '4']);
    expect(bar.getAttribute('aria-valuetext')).toBe('2 of 4 profiles');
    expect(find(running.root, '[data-testid="collection-time-left"]').textContent).toBe('About 10 s left');
    const paused = progress(runOf('paused', ['done', 'new']));
    expect(paused.root.querySelector('[data-testid="collection-progress"]')).not.toBeNull();
    expect(paused.root.querySelector('[data-testid="collection-time-left"]')).toBeNull();
  });

  it('after a run, says how many failed and that Start tries them again', () => {
    expect(find(progress(runOf('finished', ['done', 'failed', 'failed'])).root, '[data-testid="collection-failed-note"]').textContent).toBe(
      '2 profiles failed: Start tries them again.',
    );
    expect(progress(runOf('running', ['failed', 'queued'])).root.querySelector('[data-testid="collection-failed-note"]')).toBeNull();
  });

  it.each<[LookupErrorKind | null, string | null]>([
    ['out-of-credits', 'Buy credits'],
    ['key-rejected', 'Open options'],
    ['no-key', 'Open options'],
    ['network', null],
  ])('stopped for %s: says so, and offers %j', (reason, offered) => {
    const { root, onOpenOptions } = progress(runOf('stopped', ['done', 'new'], reason));
    const notice = find(root, '[data-testid="collection-stopped"]');
    expect(notice.textContent).toMatch(/^Stopped/);
    expect(notice.textContent).toContain('Resume');
    const way = notice.querySelector<HTMLElement>('a, button');
    expect(way?.textContent?.trim() ?? null).toBe(offered);
    if (offered === 'Open options') {
      click(way!);
      expect(onOpenOptions).toHaveBeenCalled();
    }
    if (offered === 'Buy credits') expect(way!.getAttribute('href')).toMatch(/^https:\/\/[^/]*sociavault\.com\//);
  });
});

describe('how fast the run goes', () => {
  it('says when SociaVault made it slow down or wait, and until when', () => {
    const calm = progress(runOf('running', ['done', 'queued'], null, { limit: 6, current: 6 }));
    expect(calm.root.querySelector('[data-testid="collection-pace"]')).toBeNull();
    const slowed = progress(runOf('running', ['done', 'queued'], null, { limit: 6, current: 3, holdUntil: new Date(2026, 0, 1, 14, 5).getTime() }), { seenAt: 0 });
    const note = find(slowed.root, '[data-testid="collection-pace"]');
    expect(note.textContent).toBe('Waiting until 2:05 PM, as SociaVault asked.3 lookups at a time for now (of 6): SociaVault asked to slow down.');
    expect(note.dataset.current).toBe('3');
  });

  it('a run stopped by a long wait says until when, and Resume goes on after it', () => {
    const { root } = progress(runOf('stopped', ['done', 'new'], 'rate-limited', { holdUntil: new Date(2026, 0, 1, 9, 30).getTime() }));
    expect(find(root, '[data-testid="collection-stopped"]').textContent).toBe('Stopped: SociaVault asked to wait until 9:30 AM. Press Resume after that; what is done is kept.');
    expect(button(find(root, '.actions'), 'Resume')).toBeTruthy();
  });

  it('the estimate says which lines of the paste were read as text and what was taken from them', () => {
    const { root } = mount(
      <RunProgress
        head={runOf('idle', ['new'])}
        estimate={shown(1, credits(5), false)}
        invalid={0}
        textLines={[{ line: 3, text: 'Loved the shots by @nasa!', taken: [h('nasa')] }]}
        seenAt={0}
        busy={false}
        onEstimate={vi.fn()}
        onCloseEstimate={vi.fn()}
        onControl={vi.fn()}
        onOpenOptions={vi.fn()}
        t={en}
      />,
    );
    expect(find(root, '[data-testid="collection-estimate-text"]').textContent).toBe('1 line read as textLine 3: “Loved the shots by @nasa!” → @nasa');
  });
});
