/** Errors of the Rego engine, with OPA's error codes so callers and tests can tell them apart. */

export type ErrorCode =
  | 'rego_parse_error'
  | 'rego_compile_error'
  | 'rego_type_error'
  | 'rego_unsafe_var_error'
  | 'rego_recursion_error'
  | 'eval_conflict_error'
  | 'eval_type_error'
  | 'eval_builtin_error'
  | 'eval_with_merge_error'
  | 'eval_cancel_error';

export interface Location {
  file: string;
  row: number;
  col: number;
}

export function formatLocation(loc: Location): string {
  return `${loc.file}:${loc.row}:${loc.col}`;
}

export class RegoError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly location?: Location,
  ) {
    // OPA's format: "file:row: code: message" (column left out, as OPA does in error strings).
    super(location ? `${location.file}:${location.row}: ${code}: ${detail}` : `${code}: ${detail}`);
    this.name = 'RegoError';
  }
}

/** Several compile or parse errors reported together, as OPA reports them. */
export class RegoErrors extends Error {
  constructor(readonly errors: RegoError[]) {
    super(
      errors.length === 1
        ? errors[0].message
        : `${errors.length} errors occurred:\n${errors.map((e) => e.message).join('\n')}`,
    );
    this.name = 'RegoErrors';
  }

  get code(): ErrorCode {
    return this.errors[0].code;
  }
}
