import { describe, expect, it } from 'vitest';
import { runEndedNotice, stopText } from '@/utils/collections/run-text';
import { newRun, runReducer } from '@/entrypoints/background/collections/run-machine';
import { text } from '@/utils/i18n';
import { translatorFor } from '@/test/support/locales';
import { h } from '@/test/unit/helpers/handles';

const en = translatorFor('en');
const pt = translatorFor('pt_BR');

describe('a run that ended by itself, in words', () => {
  it('says what to do after each reason it stops for, naming the Resume button', () => {
    const resume = text('collectionResume');
    expect(en(stopText('out-of-credits', resume))).toMatch(/^Stopped: your SociaVault account is out of credits.*press Resume/);
    expect(en(stopText('rate-limited', resume, '14:05'))).toBe('Stopped: SociaVault asked to wait until 14:05. Press Resume after that; what is done is kept.');
    expect(en(stopText('rate-limited', resume))).toBe('Stopped: SociaVault asked to wait. Press Resume in a while; what is done is kept.');
    expect(pt(stopText('rate-limited', text('collectionResume'), '14:05'))).toBe('Parada: a SociaVault pediu para esperar até 14:05. Clique em “Retomar” depois disso; o que já foi feito fica guardado.');
    expect(en(stopText('network', resume))).toBe('Stopped. Press Resume to go on; what is done is kept.');
  });

  it('the notification names the collection and says how it ended', () => {
    let run = runReducer(newRun([h('a1'), h('a2')]), { type: 'start', now: 0, concurrency: 2 });
    run = runReducer(run, { type: 'item-done', handle: h('a1'), count: 3, paid: true, now: 1 });
    run = runReducer(run, { type: 'item-done', handle: h('a2'), count: 3, paid: false, now: 2 });
    const finished = runEndedNotice('Research', run.head, null);
    expect([en(finished.title), en(finished.message)]).toEqual(['“Research” finished', '2 of 2 profiles, 1 credit spent.']);
    const stopped = runEndedNotice(text('collectionDefaultName'), { ...run.head, phase: 'stopped', stopReason: 'key-rejected' }, null);
    expect(en(stopped.title)).toBe('“My collection” stopped');
    expect(en(stopped.message)).toMatch(/^Stopped: SociaVault rejected your API key/);
  });
});
