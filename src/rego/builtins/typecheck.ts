/** Type predicates (is_*) and type_name. The predicates answer false, never undefined, for other types. */
import type { TypeName, Value } from '../value.js';
import { typeName } from '../value.js';
import type { BuiltinDef } from './builtin.js';

function predicate(name: string, type: TypeName): BuiltinDef {
  return { name, arity: 1, fn: ([v]: readonly Value[]) => typeName(v) === type };
}

export const builtins: BuiltinDef[] = [
  predicate('is_number', 'number'),
  predicate('is_string', 'string'),
  predicate('is_boolean', 'boolean'),
  predicate('is_array', 'array'),
  predicate('is_set', 'set'),
  predicate('is_object', 'object'),
  predicate('is_null', 'null'),
  { name: 'type_name', arity: 1, fn: ([v]) => typeName(v) },
];
