/** Turns a ground Rego term (as `input_term` writes it) into a Value. */
import type { Term } from '../rego/ast.js';
import type { Value } from '../rego/value.js';
import { ObjectValue, SetValue } from '../rego/value.js';

export class NonGroundTermError extends Error {
  constructor(term: Term) {
    super(`input_term: ${term.type} terms are not allowed in a constant value (${term.loc.row}:${term.loc.col})`);
    this.name = 'NonGroundTermError';
  }
}

export function termToValue(term: Term): Value {
  switch (term.type) {
    case 'null':
      return null;
    case 'boolean':
    case 'number':
    case 'string':
      return term.value;
    case 'array':
      return term.items.map(termToValue);
    case 'set':
      return SetValue.of(term.items.map(termToValue));
    case 'object':
      return ObjectValue.fromEntries(term.entries.map(([k, v]) => [termToValue(k), termToValue(v)] as const));
    default:
      throw new NonGroundTermError(term);
  }
}
