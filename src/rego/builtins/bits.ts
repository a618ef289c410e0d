/** Bitwise builtins over integers of any size (bigint gives Go big.Int's two's-complement semantics). */
import type { Value } from '../value.js';
import { normalizeInt } from '../value.js';
import type { BuiltinDef } from './builtin.js';
import { BuiltinError } from './builtin.js';
import { bigIntOperand, operandMessage } from './num-ops.js';

function binary(name: string, op: (a: bigint, b: bigint) => bigint): BuiltinDef {
  return {
    name,
    arity: 2,
    fn: ([a, b]) => normalizeInt(op(bigIntOperand(a, 0), bigIntOperand(b, 1))),
  };
}

/** A shift count: a non-negative integer (operand 2). */
function shiftCount(v: Value): bigint {
  const n = bigIntOperand(v, 1);
  if (n < 0n) throw operandMessage(1, 'must be an unsigned integer number but got a negative integer');
  return n;
}

export const builtins: BuiltinDef[] = [
  binary('bits.or', (a, b) => a | b),
  binary('bits.and', (a, b) => a & b),
  binary('bits.xor', (a, b) => a ^ b),
  { name: 'bits.negate', arity: 1, fn: ([a]) => normalizeInt(~bigIntOperand(a, 0)) },
  {
    name: 'bits.lsh',
    arity: 2,
    fn: ([a, b]) => {
      const x = bigIntOperand(a, 0);
      const count = shiftCount(b);
      try {
        return normalizeInt(x << count);
      } catch (e) {
        // JS caps bigint size (about 2^30 bits); Go would try to allocate, we report it instead.
        if (e instanceof RangeError) throw new BuiltinError('result too large');
        throw e;
      }
    },
  },
  {
    name: 'bits.rsh',
    arity: 2,
    fn: ([a, b]) => {
      const x = bigIntOperand(a, 0);
      return normalizeInt(x >> shiftCount(b));
    },
  },
];
