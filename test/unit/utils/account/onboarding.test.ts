import { describe, expect, it } from 'vitest';
import { isWelcome, welcomesOn } from '@/utils/account/onboarding';

describe('the welcome', () => {
  it('follows an install, and nothing else the browser reports', () => {
    expect(welcomesOn('install')).toBe(true);
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update', '']) expect(welcomesOn(reason), reason).toBe(false);
  });

  it('the page knows it is the welcome only from its query', () => {
    expect(isWelcome('?welcome=1')).toBe(true);
    expect(isWelcome('?tab=3&welcome=1')).toBe(true);
    expect(isWelcome('')).toBe(false);
    expect(isWelcome('?welcome=0')).toBe(false);
    expect(isWelcome('?welcomes=1')).toBe(false);
  });
});
