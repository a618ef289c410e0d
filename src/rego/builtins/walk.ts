/**
 * walk(x): the relation of every [path, value] pair in x, in OPA's order: pre-order, array
 * elements by index, object keys and set elements in sorted order (a set element is its own key).
 */
import type { Value } from '../value.js';
import { isArray, isObject, isSet } from '../value.js';
import type { BuiltinDef } from './builtin.js';

export function walkValue(root: Value): Value[] {
  const results: Value[] = [];
  // An explicit stack keeps deep documents from overflowing the call stack.
  const stack: [readonly Value[], Value][] = [[[], root]];
  while (stack.length > 0) {
    const [path, value] = stack.pop()!;
    results.push([path, value]);
    const children = childrenOf(value);
    for (let i = children.length - 1; i >= 0; i--) stack.push([[...path, children[i][0]], children[i][1]]);
  }
  return results;
}

function childrenOf(v: Value): readonly (readonly [Value, Value])[] {
  if (isArray(v)) return v.map((x, i) => [i, x] as const);
  if (isObject(v)) return v.entries();
  if (isSet(v)) return v.values().map((x) => [x, x] as const);
  return [];
}

export const builtins: BuiltinDef[] = [{ name: 'walk', arity: 1, relation: true, fn: ([x]) => walkValue(x) }];
