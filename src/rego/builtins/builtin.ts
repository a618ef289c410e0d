/**
 * The contract between the evaluator and builtin functions.
 *
 * A builtin receives evaluated arguments and returns a value, or `undefined` when its result is
 * undefined. It reports problems by throwing:
 *  - `OperandError` for an argument of the wrong type: always an `eval_type_error`;
 *  - `BuiltinError` for anything else (bad format, out of range…): an `eval_builtin_error` in strict
 *    mode, otherwise the call is simply undefined (OPA's non-strict default).
 * The evaluator prefixes both messages with the builtin's name, as OPA does.
 */
import type { Value } from '../value.js';
import { typeName } from '../value.js';

export interface BuiltinContext {
  /** Nanoseconds since the epoch, fixed for one query (time.now_ns). */
  readonly nowNs: bigint;
  /** Per-query memo for builtins that must answer the same within a query (rand.intn, uuid.rfc4122). */
  readonly cache: Map<string, Value>;
  /** Where `print` writes. */
  print(message: string): void;
}

export interface BuiltinDef {
  /** Dotted name as written in Rego, e.g. `strings.replace_n`. */
  readonly name: string;
  /** Number of arguments (not counting the output argument of the old call form). */
  readonly arity: number;
  /** True for relations that can yield several results (only `walk`): `fn` then returns an array of results. */
  readonly relation?: boolean;
  /** Whether the result may change between identical calls (time, rand): never cached or folded. */
  readonly nondeterministic?: boolean;
  readonly fn: (args: readonly Value[], ctx: BuiltinContext) => Value | undefined;
}

export class OperandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperandError';
  }
}

export class BuiltinError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuiltinError';
  }
}

/** `operand N must be T but got U`, OPA's wording for a wrong argument type (N is 1-based). */
export function operandError(index: number, expected: string, got: Value): OperandError {
  return new OperandError(`operand ${index + 1} must be ${expected} but got ${typeName(got)}`);
}
