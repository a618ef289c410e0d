import { describe, expect, it } from 'vitest';
import type { BuiltinContext } from './builtin.js';
import { OperandError } from './builtin.js';
import type { Value } from '../value.js';
import { builtins } from './rand.js';

const newContext = (): BuiltinContext => ({ nowNs: 0n, cache: new Map(), print: () => undefined });
const intn = builtins.find((b) => b.name === 'rand.intn')!;

describe('rand.intn', () => {
  it('is nondeterministic', () => {
    expect(intn.nondeterministic).toBe(true);
  });

  it.each<[number | bigint]>([[1], [2], [100], [-100], [2 ** 40], [2 ** 52], [9223372036854775807n]])(
    'stays within [0, |%s|)',
    (n) => {
      const bound = n < 0 ? -BigInt(n) : BigInt(n);
      for (let i = 0; i < 50; i++) {
        const r = intn.fn(['seed' + i, n], newContext()) as number | bigint;
        expect(BigInt(r) >= 0n && BigInt(r) < bound).toBe(true);
      }
    },
  );

  it('returns 0 for n = 0', () => {
    expect(intn.fn(['x', 0], newContext())).toBe(0);
  });

  it('answers the same for the same arguments within one query', () => {
    const ctx = newContext();
    const first = intn.fn(['key', 1_000_000_000], ctx);
    for (let i = 0; i < 20; i++) expect(intn.fn(['key', 1_000_000_000], ctx)).toBe(first);
    // -n is the same request as n, as in OPA.
    expect(intn.fn(['key', -1_000_000_000], ctx)).toBe(first);
  });

  it('varies across queries', () => {
    const seen = new Set<Value | undefined>();
    for (let i = 0; i < 20; i++) seen.add(intn.fn(['key', 1_000_000_000], newContext()));
    expect(seen.size).toBeGreaterThan(1);
  });

  it.each<[Value, Value, string]>([
    [1, 10, 'operand 1 must be string but got number'],
    ['x', '10', 'operand 2 must be number but got string'],
    ['x', 1.5, 'operand 2 must be integer number but got floating-point number'],
  ])('rejects (%s, %s)', (s, n, message) => {
    expect(() => intn.fn([s, n], newContext())).toThrow(new OperandError(message));
  });
});
