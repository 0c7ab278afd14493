// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NumberField, parseWholeNumber } from '@/entrypoints/options/components/NumberField';
import { cleanup, find, mount, type } from '@/test/unit/helpers/dom';

afterEach(cleanup);

describe('parseWholeNumber', () => {
  it.each([
    ['24', 24],
    [' 24 ', 24],
    ['1', 1],
    ['720', 720],
    ['007', 7],
  ])('%j within 1–720 → %j', (typed, value) => {
    expect(parseWholeNumber(typed, 1, 720)).toBe(value);
  });

  it.each(['', ' ', '0', '721', '-1', '1.5', '1e2', '0x10', '12abc', '+5', '１２', '12345678', 'Infinity'])(
    '%j within 1–720 → null',
    (typed) => {
      expect(parseWholeNumber(typed, 1, 720)).toBeNull();
    },
  );

  it('takes the bounds as given: 0 when 0 is allowed', () => {
    expect(parseWholeNumber('0', 0, 10)).toBe(0);
  });
});

describe('NumberField', () => {
  it('hands on what was typed, as typed (the form decides), and says when the form refused it', () => {
    const onInput = vi.fn();
    const props = { id: 'ttl', label: 'Keep answers for', min: 1, max: 720, onInput, hint: 'hours' };
    const { root, rerender } = mount(<NumberField {...props} value="24" invalid={false} />);
    const input = find<HTMLInputElement>(root, 'input');
    type(input, '48x');
    expect(onInput).toHaveBeenCalledWith('48x');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    rerender(<NumberField {...props} value="48x" invalid />);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('ttl-hint');
    expect(find(root, '#ttl-hint').textContent).toBe('hours');
  });
});
