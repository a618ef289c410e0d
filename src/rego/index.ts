/**
 * The engine's public API: compile Rego modules into a Policy, then evaluate queries against it.
 *
 *   const policy = compile([{ file: 'p.rego', text }]);
 *   const rows = policy.query('data.p.deny[x]', { input });   // one Map of bindings per result
 *   const value = policy.evaluate('data.p.deny', { input });  // a document's value, or undefined
 */
import type { Value } from './value.js';
import type { Module, Rule } from './ast.js';

export interface SourceFile {
  file: string;
  text: string;
}

export interface EvalOptions {
  input?: Value;
  /** Base documents, merged under `data` with the rules' virtual documents. */
  data?: Value;
  /** Builtin errors become query errors (OPA's `--strict-builtin-errors`); otherwise they are undefined. */
  strictBuiltinErrors?: boolean;
  /** Where `print()` writes; defaults to stderr. */
  print?: (message: string) => void;
  /** Fixes time.now_ns for the query (tests); defaults to the clock. */
  nowNs?: bigint;
}

/** One result of a query: the value of each user variable of the query. */
export type Bindings = Map<string, Value>;

export interface TestRule {
  /** e.g. `data.aws.encryption_test.test_s3_unencrypted`. */
  path: string;
  packagePath: string;
  name: string;
  rule: Rule;
  file: string;
}

export interface Policy {
  readonly modules: readonly Module[];
  query(query: string, options?: EvalOptions): Bindings[];
  /** The value of a document (`data.x.y`), or undefined when it is undefined. */
  evaluate(path: string, options?: EvalOptions): Value | undefined;
  /** Several documents over the same input and data, sharing one evaluation (rules used by several are computed once). */
  evaluateAll(paths: readonly string[], options?: EvalOptions): (Value | undefined)[];
  /** Every rule whose name starts with `test_`, in file order, for `tfguard test`. */
  tests(): TestRule[];
}

export { compile } from './policy.js';
