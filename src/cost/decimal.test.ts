import { describe, expect, it } from 'vitest';
import {
  add,
  decimalFromNumber,
  divideRounded,
  formatDecimal,
  formatMoney,
  multiply,
  parseDecimal,
  roundTo,
  subtract,
} from './decimal.js';

const d = parseDecimal;

describe('decimal arithmetic', () => {
  it.each([
    ['0.1', '0.2', '0.3'],
    ['70.08', '-91.98', '-21.9'],
    ['0.0000166667', '1', '1.0000166667'],
  ])('%s + %s = %s without float drift', (left, right, expected) => {
    expect(formatDecimal(add(d(left), d(right)))).toBe(expected);
  });

  it.each([
    ['0.096', '730', '70.08'],
    ['0.0094', '730', '6.862'],
    ['0.0000166667', '17500', '0.29166725'],
    ['-0.126', '730', '-91.98'],
  ])('%s × %s = %s', (left, right, expected) => {
    expect(formatDecimal(multiply(d(left), d(right)))).toBe(expected);
  });

  it('subtracts and keeps requested fraction digits', () => {
    expect(formatDecimal(subtract(d('1'), d('1')), 2)).toBe('0.00');
    expect(formatDecimal(d('-0.5'), 2)).toBe('-0.50');
  });

  it.each([
    ['16.425', 2, '16.43'],
    ['-16.425', 2, '-16.43'],
    ['16.4249', 2, '16.42'],
    ['0.005', 2, '0.01'],
  ])('rounds %s half away from zero to %i places', (value, scale, expected) => {
    expect(formatDecimal(roundTo(d(value), scale))).toBe(expected);
  });

  it.each([
    ['916.791', '196.078', '4.68'],
    ['1', '3', '0.33'],
    ['2', '3', '0.67'],
    ['-1', '8', '-0.13'],
  ])('%s / %s ≈ %s', (dividend, divisor, expected) => {
    expect(formatDecimal(divideRounded(d(dividend), d(divisor), 2))).toBe(expected);
  });

  it('reads plan numbers exactly', () => {
    expect(formatDecimal(decimalFromNumber(0.1))).toBe('0.1');
    expect(formatDecimal(decimalFromNumber(1e-7))).toBe('0.0000001');
    expect(formatDecimal(decimalFromNumber(250))).toBe('250');
  });

  it('rejects malformed numbers', () => {
    expect(() => d('1e5')).toThrow(/not a decimal/);
    expect(() => d('abc')).toThrow(/not a decimal/);
  });
});

describe('formatMoney', () => {
  it.each([
    ['70.08', '$70.08'],
    ['16.425', '$16.43'],
    ['-91.98', '-$91.98'],
    ['1234567.891', '$1,234,567.89'],
    ['0', '$0.00'],
    [6.862, '$6.86'],
  ])('%s → %s', (value, expected) => {
    expect(formatMoney(value)).toBe(expected);
  });
});
