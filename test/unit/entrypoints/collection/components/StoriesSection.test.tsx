// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoriesSection } from '@/entrypoints/collection/components/StoriesSection';
import { emptyRun, type RunHead, type RunPhase } from '@/utils/collections/run-record';
import type { StoriesRunView } from '@/utils/stories/stories-run-view';
import { translatorFor } from '@/test/support/locales';
import { cleanup, click, find, mount } from '@/test/unit/helpers/dom';
import { fakeSend } from '@/test/unit/helpers/fake-send';
import { PATIENT } from '@/test/unit/helpers/patience';

const en = translatorFor('en');

afterEach(cleanup);

const head = (phase: RunPhase, done = 2): RunHead => ({ ...emptyRun().head, phase, counts: { ...emptyRun().head.counts, done } });
const finishedRun: StoriesRunView = { phase: 'finished', done: 13, failed: 0, total: 13, spent: 12, stopReason: null, failures: [] };

function section(profiles: RunHead, { run = null as StoriesRunView | null } = {}) {
  const send = fakeSend({
    'stories-run': { view: run },
    'stories-run-estimate': { estimate: { highlights: 13, cached: 1, credits: 12 } },
    'stories-run-start': { ok: true, view: { ...finishedRun, phase: 'running', done: 1 } },
  });
  const props = { send, id: 'default', label: 'Mine', saveFile: vi.fn(), t: en };
  const mounted = mount(<StoriesSection {...props} head={profiles} />);
  const state = () => find(mounted.root, '[data-testid="collection-stories"]').getAttribute('data-state');
  const sent = (type: string) => send.mock.calls.filter(([sentType]) => sentType === type).map(([, request]) => request);
  return { ...mounted, send, props, state, sent };
}

describe('a collection with its stories', () => {
  it('unticked, asks for no estimate, even when the profiles are looked up', async () => {
    const { state, sent } = section(head('finished'));
    await vi.waitFor(() => expect(sent('stories-run')).toHaveLength(1), PATIENT);
    expect(state()).toBe('none');
    expect(sent('stories-run-estimate')).toEqual([]);
  });

  it('ticked, waits for the lookups to finish, then shows the estimate and starts only at its credits', async () => {
    const { root, state, sent, rerender, props } = section(head('running'));
    click(find(root, '#run-stories'));
    await vi.waitFor(() => expect(sent('stories-run')).toHaveLength(1), PATIENT);
    expect(sent('stories-run-estimate')).toEqual([]);
    rerender(<StoriesSection {...props} head={head('finished')} />);
    await vi.waitFor(() => expect(state()).toBe('estimate'), PATIENT);
    expect(sent('stories-run-estimate')).toEqual([{ of: { collection: 'default' } }]);
    expect(find(root, '[data-testid="all-stories-estimate"]').textContent).toBe('13 highlights: 1 cached, 12 credits');
    expect(sent('stories-run-start')).toEqual([]);
    click(find(root, '[data-testid="all-stories-confirm"]'));
    await vi.waitFor(() => expect(state()).toBe('run'), PATIENT);
    expect(sent('stories-run-start')).toEqual([{ of: { collection: 'default' }, credits: 12 }]);
  });

  it('a run the collection has shows as it is, its box ticked and fixed', async () => {
    const { root, state, sent } = section(head('finished'), { run: finishedRun });
    await vi.waitFor(() => expect(state()).toBe('run'), PATIENT);
    expect(find<HTMLInputElement>(root, '#run-stories').checked).toBe(true);
    expect(find<HTMLInputElement>(root, '#run-stories').disabled).toBe(true);
    expect(sent('stories-run-estimate')).toEqual([]);
  });
});
