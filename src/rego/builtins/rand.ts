/** rand.intn: a random integer in [0, |n|), the same for the same (string, n) throughout one query. */
import { randomInt } from 'node:crypto';
import type { BuiltinDef } from './builtin.js';
import { OperandError, operandError } from './builtin.js';
import type { Value } from '../value.js';
import { normalizeInt } from '../value.js';

/** Go's IntOperand: an integer number that fits an int64. */
function intOperand(args: readonly Value[], index: number): bigint {
  const v = args[index];
  if (typeof v !== 'number' && typeof v !== 'bigint') throw operandError(index, 'number', v);
  const fits = typeof v === 'number' ? Number.isInteger(v) : v >= -(1n << 63n) && v < 1n << 63n;
  if (!fits) throw new OperandError(`operand ${index + 1} must be integer number but got floating-point number`);
  return BigInt(v);
}

/** A uniform random integer in [0, bound) for any positive bigint bound. */
function randomBelow(bound: bigint): bigint {
  if (bound < 2n ** 48n) return BigInt(randomInt(Number(bound))); // randomInt's own limit
  // Rejection sampling over 32-bit chunks keeps the result uniform for larger bounds.
  const bits = bound.toString(2).length;
  for (;;) {
    let candidate = 0n;
    for (let have = 0; have < bits; have += 32) candidate = (candidate << 32n) | BigInt(randomInt(2 ** 32));
    candidate &= (1n << BigInt(bits)) - 1n;
    if (candidate < bound) return candidate;
  }
}

export const builtins: BuiltinDef[] = [
  {
    name: 'rand.intn',
    arity: 2,
    nondeterministic: true,
    fn: (args, ctx) => {
      const seed = args[0];
      if (typeof seed !== 'string') throw operandError(0, 'string', seed);
      let n = intOperand(args, 1);
      if (n === 0n) return 0;
      if (n < 0n) n = -n;
      // The key mirrors OPA's "<str>-<n>", under a prefix of its own in the shared per-query cache.
      const key = `rand.intn\u0000${seed}-${n}`;
      const cached = ctx.cache.get(key);
      if (cached !== undefined) return cached;
      const result = normalizeInt(randomBelow(n));
      ctx.cache.set(key, result);
      return result;
    },
  },
];
