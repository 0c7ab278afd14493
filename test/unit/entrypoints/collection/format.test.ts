import { describe, expect, it } from 'vitest';
import {
  balanceLine,
  blocksStart,
  durationText,
  estimateLine,
  failureText,
  refusalText,
  shownStatus,
  statusText,
  textLineText,
  timeLeftMs,
} from '@/entrypoints/collection/format';
import { newRun, runReducer } from '@/entrypoints/background/collections/run-machine';
import { REFUSAL_REASONS } from '@/utils/collections/collection-input';
import type { RunItem } from '@/utils/collections/run-record';
import { stopText } from '@/utils/collections/run-text';
import { text } from '@/utils/i18n';
import { LOOKUP_ERROR_KINDS } from '@/utils/errors/lookup-error';
import type { BalanceAnswer } from '@/utils/protocol';
import { translatorFor } from '@/test/support/locales';
import { h } from '@/test/unit/helpers/handles';

const en = translatorFor('en');
const pt = translatorFor('pt_BR');
const es = translatorFor('es');

const balance = (credits: number): BalanceAnswer => ({ ok: true, balance: { credits, status: 'active', subscriptionId: null }, at: 0 });

describe('the estimate, in words', () => {
  const estimate = { profiles: 40, cached: 12, lookups: 25, done: 0 };

  it('says what is free, what is not sent and what is paid, before anything is spent', () => {
    expect(estimateLine(en, estimate, 3)).toBe('40 profiles: 12 cached (free), 3 invalid (not sent), 25 lookups = 25 credits');
    expect(en(balanceLine(estimate, balance(950))!)).toBe('You have 950 credits.');
  });

  it('leaves out what is none, and counts one of a kind in the singular', () => {
    expect(estimateLine(en, { profiles: 1, cached: 0, lookups: 1, done: 0 }, 0)).toBe('1 profile: 1 lookup = 1 credit');
    expect(estimateLine(en, { profiles: 5, cached: 0, lookups: 2, done: 3 }, 0)).toBe('5 profiles: 3 already done, 2 lookups = 2 credits');
    expect(estimateLine(en, { profiles: 2, cached: 2, lookups: 0, done: 0 }, 0)).toBe('2 profiles: 2 cached (free), 0 lookups = 0 credits');
  });

  it('in Brazilian Portuguese and Spanish, lists as those languages do', () => {
    expect(estimateLine(pt, estimate, 3)).toBe('40 perfis: 12 em cache (grátis), 3 inválidos (não enviados) e 25 consultas = 25 créditos');
    expect(estimateLine(es, estimate, 1)).toBe('40 perfiles: 12 en caché (gratis), 1 no válido (no se envía), 25 consultas = 25 créditos');
    expect(estimateLine(pt, { profiles: 0, cached: 0, lookups: 0, done: 0 }, 0)).toBe('0 perfis: 0 consultas = 0 créditos');
  });

  it('warns when the balance is short of it, and says when the balance cannot be had', () => {
    expect(en(balanceLine(estimate, balance(10))!)).toBe('You have 10 credits: fewer than the run needs. It stops by itself when they run out, keeping what is done.');
    expect(en(balanceLine(estimate, null)!)).toBe('Your balance could not be checked just now.');
    expect(en(balanceLine(estimate, { ok: false, error: { kind: 'network' } })!)).toBe('Your balance could not be checked just now.');
  });

  it('a missing or rejected key blocks Start, and says where to fix it', () => {
    const noKey: BalanceAnswer = { ok: false, error: { kind: 'no-key' } };
    const rejected: BalanceAnswer = { ok: false, error: { kind: 'key-rejected', message: null } };
    expect(en(balanceLine(estimate, noKey)!)).toMatch(/options/);
    expect(en(balanceLine(estimate, rejected)!)).toMatch(/options/);
    expect([noKey, rejected, balance(0), null, { ok: false, error: { kind: 'offline' } } as BalanceAnswer].map(blocksStart)).toEqual([true, true, false, false, false]);
  });
});

describe('the time left', () => {
  /** A running run of `total` profiles with `handled` done, at `msPerProfile`. */
  function head(total: number, handled: number, msPerProfile: number | null, holdUntil: number | null = null) {
    let run = runReducer(newRun(Array.from({ length: total }, (_, i) => h(`p${i}`))), { type: 'start', now: 0, concurrency: 3 });
    for (let i = 0; i < handled; i++) run = runReducer(run, { type: 'item-done', handle: h(`p${i}`), count: 1, paid: false, now: 0 });
    return { ...run.head, pace: { ...run.head.pace, msPerProfile, holdUntil } };
  }

  it('goes by the time per profile the run measured', () => {
    // 80 more at 500 ms each: 40 s.
    expect(timeLeftMs(head(110, 30, 500), 0)).toBe(40_000);
    expect(timeLeftMs({ ...head(110, 30, 500), phase: 'paused' }, 0)).toBeNull();
  });

  it('adds a wait SociaVault asked for, from when the page last heard of the run', () => {
    expect(timeLeftMs(head(110, 30, 500, 70_000), 60_000)).toBe(50_000);
    expect(timeLeftMs(head(110, 30, 500, 70_000), 80_000)).toBe(40_000);
  });

  it('says nothing until the run has measured its pace', () => {
    expect(timeLeftMs(head(110, 0, null), 0)).toBeNull();
  });

  it('is rounded up: seconds in fives under a minute, then minutes', () => {
    expect([1, 4_000, 5_001, 59_000, 60_000, 61_000, 3_600_000, 7_500_000].map((ms) => en(durationText(ms)))).toEqual([
      '5 s',
      '5 s',
      '10 s',
      '60 s',
      '1 min',
      '2 min',
      '60 min',
      '125 min',
    ]);
    expect(en('collectionTimeLeft', durationText(40_000))).toBe('About 40 s left');
    expect(pt('collectionTimeLeft', durationText(150_000))).toBe('Faltam cerca de 3 min');
  });
});

describe('what the table and the notices say', () => {
  const item = (status: RunItem['status'], error: RunItem['error'] = null): RunItem => ({ handle: h('nasa'), status, count: null, error, paid: false });

  it('a profile not done whose answer is cached is free', () => {
    expect(shownStatus(item('new'), new Set(['nasa']))).toBe('cached');
    expect(shownStatus(item('new'), new Set())).toBe('new');
    expect(shownStatus(item('queued'), new Set(['nasa']))).toBe('queued');
    expect(shownStatus(item('done'), new Set(['nasa']))).toBe('done');
    expect(en(statusText(item('new'), new Set(['nasa'])))).toBe('Cached (free)');
    expect(en(statusText(item('failed', 'not-found'), new Set()))).toBe('Failed: This profile was not found on Instagram');
    expect(en(statusText(item('failed', 'interrupted'), new Set()))).toBe('Failed: Interrupted (it may have used a credit)');
  });

  it.each(['en', 'pt_BR', 'es'])('%s: every failure and every refusal has words', (locale) => {
    const t = translatorFor(locale);
    for (const kind of LOOKUP_ERROR_KINDS) expect(t(failureText(kind)), kind).toMatch(/\p{L}{3}/u);
    for (const reason of REFUSAL_REASONS) expect(t(refusalText(reason)), reason).toMatch(/\p{L}{3}/u);
  });

  it('a line read as text says what was taken from it, listed as the language lists', () => {
    expect(en(textLineText(en, { line: 4, text: 'Loved @nasa and @natgeo!', taken: [h('nasa'), h('natgeo')] }))).toBe('Line 4: “Loved @nasa and @natgeo!” → @nasa, @natgeo');
    expect(pt(textLineText(pt, { line: 4, text: 'Amei @nasa e @natgeo!', taken: [h('nasa'), h('natgeo')] }))).toBe('Linha 4: “Amei @nasa e @natgeo!” → @nasa e @natgeo');
    expect(en(textLineText(en, { line: 7, text: 'not a handle!!', taken: [] }))).toBe('Line 7: “not a handle!!” → no profile in it');
  });

  it('a run that stopped by itself says what to do, with the Resume button by its label', () => {
    expect(en(stopText('out-of-credits', text('collectionResume')))).toBe(
      'Stopped: your SociaVault account is out of credits. Buy more on your SociaVault dashboard, then press Resume. What is done is kept.',
    );
    expect(es(stopText('key-rejected', text('collectionResume')))).toContain('«Reanudar»');
    expect(pt(stopText('no-key', text('collectionResume')))).toContain('“Retomar”');
    expect(en(stopText(null, text('collectionResume')))).toBe('Stopped. Press Resume to go on; what is done is kept.');
  });
});
