import { describe, expect, it } from 'vitest';
import { subscriptionStatusText } from '@/utils/account/balance';
import { translatorFor } from '@/test/support/locales';

const en = translatorFor('en');
const pt = translatorFor('pt_BR');

describe('subscriptionStatusText', () => {
  it('names the documented subscription states in words, and shows any other as SociaVault says it', () => {
    expect(subscriptionStatusText(null)).toBeNull();
    expect(en(subscriptionStatusText('active') as never)).toBe('active');
    expect(en(subscriptionStatusText('past_due') as never)).toBe('payment overdue');
    expect(pt(subscriptionStatusText('inactive') as never)).toBe('inativa');
    expect(subscriptionStatusText('trialing')).toBe('trialing');
  });

  it('takes no name of Object’s own for a state', () => {
    for (const status of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(subscriptionStatusText(status)).toBe(status);
  });
});
