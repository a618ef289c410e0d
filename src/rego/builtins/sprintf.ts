/** sprintf: Go's fmt.Sprintf over Rego values, converted the way OPA converts them. */
import type { Value } from '../value.js';
import { isArray, toRegoString } from '../value.js';
import type { BuiltinDef } from './builtin.js';
import { operandError } from './builtin.js';
import type { GoArg } from './sprintf-gofmt.js';
import { goSprintf } from './sprintf-gofmt.js';
import { stringOperand } from './strings-operands.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * OPA passes integers that fit in int64 as Go `int`, larger integers as `*big.Int`, other numbers
 * as `float64`, strings as themselves, and every other value as its Rego text (so booleans and
 * composites print like Rego terms).
 */
export function toGoArg(v: Value): GoArg {
  if (typeof v === 'string') return { kind: 'string', value: v };
  if (typeof v === 'bigint') return integerArg(v);
  if (typeof v === 'number') return Number.isInteger(v) ? integerArg(BigInt(v)) : { kind: 'float', value: v };
  return { kind: 'string', value: toRegoString(v) };
}

function integerArg(n: bigint): GoArg {
  return n >= INT64_MIN && n <= INT64_MAX ? { kind: 'int', value: n } : { kind: 'bigint', value: n };
}

function sprintf(args: readonly Value[]): Value {
  const format = stringOperand(args[0], 0);
  const values = args[1];
  if (!isArray(values)) throw operandError(1, 'array', values);
  return goSprintf(format, values.map(toGoArg));
}

export const builtins: BuiltinDef[] = [{ name: 'sprintf', arity: 2, fn: sprintf }];
