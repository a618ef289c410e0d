/**
 * Operand checks shared by the string, regex, glob and sprintf builtins, with OPA's wording
 * (`v1/topdown/builtins/builtins.go`). Indexes are 0-based here; messages are 1-based.
 */
import type { Value } from '../value.js';
import { isArray, isNumber, isSet, typeName } from '../value.js';
import { OperandError, operandError } from './builtin.js';

export function stringOperand(v: Value, index: number): string {
  if (typeof v !== 'string') throw operandError(index, 'string', v);
  return v;
}

/** An operand error with a free-form tail, like OPA's `NewOperandErr`. */
export function operandMessage(index: number, text: string): OperandError {
  return new OperandError(`operand ${index + 1} ${text}`);
}

/** `operand N must be array of strings but got array containing number` (OPA's NewOperandElementErr). */
export function elementError(index: number, collection: Value, element: Value, expected: string): OperandError {
  const kind = typeName(collection);
  return operandMessage(index, `must be ${kind} of ${expected}s but got ${kind} containing ${typeName(element)}`);
}

/** A machine-size integer operand, as OPA's IntOperand: floats are rejected with OPA's message. */
export function intOperand(v: Value, index: number): number {
  if (!isNumber(v)) throw operandError(index, 'number', v);
  if (typeof v === 'bigint') return v < 0n ? Number.MIN_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  if (!Number.isInteger(v)) throw operandMessage(index, 'must be integer number but got floating-point number');
  return v;
}

/** The strings of an array or set operand (sets in Rego order), as OPA's StringSliceOperand. */
export function stringSliceOperand(v: Value, index: number): string[] {
  let items: readonly Value[];
  if (isArray(v)) items = v;
  else if (isSet(v)) items = v.values();
  else throw operandError(index, 'one of {array, set}', v);
  return items.map((item) => {
    if (typeof item !== 'string') throw elementError(index, v, item, 'string');
    return item;
  });
}

/** Code points of a string (Go iterates strings by rune; OPA's indexes are rune indexes). */
export function codePoints(s: string): string[] {
  return Array.from(s);
}

/** Byte length of the UTF-8 encoding, for messages that Go reports in bytes. */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
