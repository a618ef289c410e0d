import { describe, expect, it } from 'vitest';
import { RegoError, RegoErrors } from '../rego/errors.js';
import { CliError, ExitCode, describeError, errorReport, exitCodeOf } from './errors.js';

const parseError = new RegoError('rego_parse_error', 'unexpected } token', { file: 'p.rego', row: 3, col: 7 });

describe('errorReport', () => {
  it('formats a located Rego error as file:line:col: message', () => {
    expect(errorReport(parseError, false)).toBe('tfguard: p.rego:3:7: unexpected } token');
  });

  it('names the command-line query when the location has no file', () => {
    expect(describeError(new RegoError('eval_builtin_error', 'div: divide by zero', { file: '', row: 1, col: 6 }))).toBe(
      '<query>:1:6: div: divide by zero',
    );
  });

  it('formats an unlocated Rego error with its detail', () => {
    expect(describeError(new RegoError('eval_builtin_error', 'div: divide by zero'))).toBe('div: divide by zero');
  });

  it('keeps several errors on one line, naming the first', () => {
    const errs = new RegoErrors([parseError, new RegoError('rego_compile_error', 'x'), new RegoError('rego_compile_error', 'y')]);
    expect(errorReport(errs, false)).toBe('tfguard: p.rego:3:7: unexpected } token (and 2 more errors)');
  });

  it('flattens multi-line messages and adds the stack only with --debug', () => {
    const err = new Error('first\n  second');
    expect(errorReport(err, false)).toBe('tfguard: first second');
    expect(errorReport(err, true).split('\n').length).toBeGreaterThan(1);
  });

  it('maps errors to exit codes', () => {
    expect(exitCodeOf(new CliError('x'))).toBe(ExitCode.badInput);
    expect(exitCodeOf(new CliError('x', ExitCode.failed))).toBe(ExitCode.failed);
    expect(exitCodeOf(parseError)).toBe(ExitCode.badInput);
  });
});
