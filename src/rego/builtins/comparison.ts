/** Comparison operators (== != < <= > >=) over any values, in Rego's total order of values. */
import { compare } from '../value.js';
import type { BuiltinDef } from './builtin.js';

function comparison(name: string, holds: (order: number) => boolean): BuiltinDef {
  return { name, arity: 2, fn: ([a, b]) => holds(compare(a, b)) };
}

export const builtins: BuiltinDef[] = [
  comparison('equal', (c) => c === 0),
  comparison('neq', (c) => c !== 0),
  comparison('lt', (c) => c < 0),
  comparison('lte', (c) => c <= 0),
  comparison('gt', (c) => c > 0),
  comparison('gte', (c) => c >= 0),
];
