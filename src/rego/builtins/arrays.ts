/** Array builtins: array.concat, array.slice, array.reverse, array.flatten. */
import type { Value } from '../value.js';
import { isArray } from '../value.js';
import type { BuiltinDef } from './builtin.js';
import { operandError } from './builtin.js';
import { intOperand } from './num-ops.js';

function arrayOperand(v: Value, index: number): readonly Value[] {
  if (!isArray(v)) throw operandError(index, 'array', v);
  return v;
}

/** OPA clamps both indices into [0, length] and never lets start pass stop, so slicing never fails. */
function slice(array: readonly Value[], start: number, stop: number): Value[] {
  const end = Math.min(Math.max(stop, 0), array.length);
  const begin = start < 0 ? 0 : Math.min(start, end);
  return array.slice(begin, end);
}

/** Flattens one level: nested arrays are spliced in, other elements kept as they are. */
function flatten(array: readonly Value[]): Value[] {
  const out: Value[] = [];
  for (const x of array) {
    if (isArray(x)) out.push(...x);
    else out.push(x);
  }
  return out;
}

export const builtins: BuiltinDef[] = [
  {
    name: 'array.concat',
    arity: 2,
    fn: ([a, b]) => {
      const left = arrayOperand(a, 0);
      return [...left, ...arrayOperand(b, 1)];
    },
  },
  {
    name: 'array.slice',
    arity: 3,
    fn: ([a, start, stop]) => {
      const array = arrayOperand(a, 0);
      const begin = intOperand(start, 1);
      return slice(array, begin, intOperand(stop, 2));
    },
  },
  { name: 'array.reverse', arity: 1, fn: ([a]) => [...arrayOperand(a, 0)].reverse() },
  { name: 'array.flatten', arity: 1, fn: ([a]) => flatten(arrayOperand(a, 0)) },
];
