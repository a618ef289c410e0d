/** Exit codes and the one-line error reporting shared by every command. */
import { RegoError, RegoErrors } from '../rego/errors.js';

export const ExitCode = {
  ok: 0,
  /** The command ran but its verdict is negative: failing tests, pass rate below the minimum. */
  failed: 1,
  /** Bad usage or bad input: missing file, parse/compile error, malformed JSON… */
  badInput: 2,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the user can fix, reported as one line and the given exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.badInput,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

function formatRegoError(err: RegoError): string {
  // The query typed on the command line has no file name.
  const where = err.location ? `${err.location.file || '<query>'}:${err.location.row}:${err.location.col}: ` : '';
  // Newlines would break the one-line contract; details of multi-line messages stay readable inline.
  return `${where}${err.detail}`.replace(/\s*\n\s*/g, ' ');
}

/** The text after `tfguard: ` for any thrown value. */
export function describeError(err: unknown): string {
  if (err instanceof RegoErrors) {
    if (err.errors.length === 0) return err.message;
    const first = formatRegoError(err.errors[0]);
    const more = err.errors.length - 1;
    return more > 0 ? `${first} (and ${more} more error${more === 1 ? '' : 's'})` : first;
  }
  if (err instanceof RegoError) return formatRegoError(err);
  if (err instanceof Error) return err.message.replace(/\s*\n\s*/g, ' ');
  return String(err);
}

/** The line written to stderr for an error; with `debug`, the stack follows it. */
export function errorReport(err: unknown, debug: boolean): string {
  const line = `tfguard: ${describeError(err)}`;
  if (debug && err instanceof Error && err.stack) return `${line}\n${err.stack}`;
  return line;
}

/** The exit code an error maps to: a CliError carries its own, every other error is bad input. */
export function exitCodeOf(err: unknown): ExitCodeValue {
  return err instanceof CliError ? err.exitCode : ExitCode.badInput;
}
