import { describe, expect, it } from 'vitest';
import type { Location, Term } from '../rego/ast.js';
import { ObjectValue, SetValue, equal } from '../rego/value.js';
import { termToValue } from './term-value.js';

const loc: Location = { file: 'input_term', row: 1, col: 1 };
const str = (value: string): Term => ({ type: 'string', value, loc });
const num = (value: number): Term => ({ type: 'number', value, text: String(value), loc });

describe('termToValue', () => {
  it('converts scalars', () => {
    expect(termToValue({ type: 'null', loc })).toBeNull();
    expect(termToValue({ type: 'boolean', value: true, loc })).toBe(true);
    expect(termToValue(num(1.5))).toBe(1.5);
    expect(termToValue({ type: 'number', value: 10n ** 30n, text: '1e30', loc })).toBe(10n ** 30n);
    expect(termToValue(str('a'))).toBe('a');
  });

  it('converts composites, including sets and non-string keys', () => {
    const term: Term = {
      type: 'object',
      entries: [
        [str('s'), { type: 'set', items: [num(2), num(1), num(2)], loc }],
        [num(1), { type: 'array', items: [str('x')], loc }],
      ],
      loc,
    };
    const expected = ObjectValue.fromEntries([
      ['s', SetValue.of([1, 2])],
      [1, ['x']],
    ]);
    expect(equal(termToValue(term), expected)).toBe(true);
    expect(termToValue({ type: 'set', items: [], loc })).toBeInstanceOf(SetValue);
  });

  it('rejects terms that are not constants', () => {
    expect(() => termToValue({ type: 'var', name: 'x', loc })).toThrow(/var terms are not allowed/);
    expect(() => termToValue({ type: 'array', items: [{ type: 'ref', head: { type: 'var', name: 'input', loc }, path: [], loc }], loc })).toThrow(
      /ref terms/,
    );
  });
});
