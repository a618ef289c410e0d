/** Set builtins: `&` (and), `|` (or), intersection and union of a set of sets. */
import type { Value } from '../value.js';
import { SetValue, isSet } from '../value.js';
import type { BuiltinDef } from './builtin.js';
import { operandError } from './builtin.js';

function setOperand(v: Value, index: number): SetValue {
  if (!isSet(v)) throw operandError(index, 'set', v);
  return v;
}

function intersect(a: SetValue, b: SetValue): SetValue {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  return SetValue.of(small.values().filter((x) => large.has(x)));
}

function union(sets: readonly SetValue[]): SetValue {
  const out = new SetValue();
  for (const s of sets) for (const x of s.values()) out.add(x);
  return out;
}

/** The members of a set of sets; a member that is not a set is reported as operand 1, as OPA does. */
function memberSets(v: Value): SetValue[] {
  return setOperand(v, 0)
    .values()
    .map((x) => setOperand(x, 0));
}

export const builtins: BuiltinDef[] = [
  {
    name: 'and',
    arity: 2,
    fn: ([a, b]) => {
      const left = setOperand(a, 0);
      return intersect(left, setOperand(b, 1));
    },
  },
  {
    name: 'or',
    arity: 2,
    fn: ([a, b]) => {
      const left = setOperand(a, 0);
      return union([left, setOperand(b, 1)]);
    },
  },
  {
    name: 'intersection',
    arity: 1,
    fn: ([v]) => {
      const sets = memberSets(v);
      return sets.length === 0 ? new SetValue() : sets.reduce(intersect);
    },
  },
  { name: 'union', arity: 1, fn: ([v]) => union(memberSets(v)) },
];
