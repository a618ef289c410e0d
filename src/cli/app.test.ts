import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './app.js';
import type { CliIO } from './io.js';

function captureIO(colorSupported = false): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    colorSupported,
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}

const root = mkdtempSync(join(tmpdir(), 'tfguard-cli-'));
const badJson = join(root, 'bad.json');
writeFileSync(badJson, '{"a": }');

afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('runCli usage', () => {
  it('prints the version', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await runCli(['--version'], captureIO())).toBe(0);
    expect(log).toHaveBeenCalledWith('0.1.0');
  });

  it('prints help with examples', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await runCli(['--help'], captureIO())).toBe(0);
    expect(String(log.mock.calls[0][0])).toMatch(/Examples:/);
  });

  it.each([
    [[] as string[], /a command is required/],
    [['eval'], /Not enough non-option arguments/],
    [['eval', 'data.x', '--bogus'], /Unknown argument: bogus/],
    [['eval', '--format', 'xml', 'data.x'], /Invalid values/],
    [['frobnicate'], /Unknown argument/],
  ])('rejects %j with one line and exit 2', async (argv, message) => {
    const io = captureIO();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err).toMatch(/^tfguard: .*\n$/);
    expect(io.err).toMatch(message);
    expect(io.out).toBe('');
  });
});

describe('runCli input errors', () => {
  it.each([
    [['eval', '-d', join(root, 'missing.rego'), 'data.x'], `tfguard: ${join(root, 'missing.rego')}: no such file or directory\n`],
    [['eval', '-i', badJson, 'input'], `tfguard: ${badJson}: invalid JSON: Unexpected token '}', "{"a": }" is not valid JSON\n`],
    [['test', join(root, 'missing')], `tfguard: ${join(root, 'missing')}: no such file or directory\n`],
    [['test', root], `tfguard: ${root}: no .rego files found\n`],
    [['test', '--run', '(', root], /^tfguard: --run: invalid regular expression/],
  ])('%j → one line, exit 2', async (argv, expected) => {
    const io = captureIO();
    expect(await runCli(argv, io)).toBe(2);
    if (typeof expected === 'string') expect(io.err).toBe(expected);
    else expect(io.err).toMatch(expected);
  });

  it('adds a stack trace with --debug', async () => {
    const io = captureIO();
    expect(await runCli(['eval', '--debug', '-d', join(root, 'missing.rego'), 'data.x'], io)).toBe(2);
    expect(io.err.split('\n').length).toBeGreaterThan(2);
  });
});

describe('runCli with the engine', () => {
  const demo = (file: string): string => join(import.meta.dirname, '..', '..', 'fixtures', 'demo', file);

  it('evaluates the demo policy like opa eval', async () => {
    const io = captureIO();
    expect(await runCli(['eval', '-d', demo('policy.rego'), '-i', demo('input.json'), 'data.demo.deny'], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual({
      result: [
        {
          expressions: [
            {
              value: [
                'aws_instance.web: instance is missing the "owner" tag',
                'aws_s3_bucket.logs: S3 bucket must not be public (acl is public-read)',
              ],
              text: 'data.demo.deny',
              location: { row: 1, col: 1 },
            },
          ],
        },
      ],
    });
  });

  it('prints {} for an undefined document and bindings for a query with variables', async () => {
    const undefinedIO = captureIO();
    expect(await runCli(['eval', '-d', demo('policy.rego'), 'data.demo.nothing'], undefinedIO)).toBe(0);
    expect(undefinedIO.out).toBe('{}\n');
    const io = captureIO();
    expect(await runCli(['eval', 'x := [10, 20][1]'], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ result: [{ bindings: { x: 20 } }] });
  });

  it('reports a parse error as file:line:col in one line', async () => {
    const bad = join(root, 'bad.rego');
    writeFileSync(bad, 'package p\n\nx := 1 +\n');
    const io = captureIO();
    expect(await runCli(['eval', '-d', bad, 'data.p'], io)).toBe(2);
    expect(io.err).toMatch(new RegExp(`^tfguard: ${bad}:\\d+:\\d+: .+\\n$`));
  });

  it('reports a strict builtin error in the query', async () => {
    const io = captureIO();
    expect(await runCli(['eval', '--strict-builtin-errors', 'x := 1 / 0'], io)).toBe(2);
    expect(io.err).toBe('tfguard: <query>:1:6: div: divide by zero\n');
  });

  it('runs the demo tests', async () => {
    const io = captureIO();
    expect(await runCli(['test', demo('policy.rego'), demo('policy_test.rego')], io)).toBe(0);
    expect(io.out).toBe('PASS: 3/3\n');
  });

  it('exits 1 when a test fails, showing it without colour under --no-color', async () => {
    const file = join(root, 'failing_test.rego');
    writeFileSync(file, 'package t\n\ntest_ok if true\n\ntest_bad if 1 == 2\n');
    const io = captureIO(true);
    const code = await runCli(['test', '--no-color', file], io);
    expect(code).toBe(1);
    expect(io.out).toContain(`${file}:5:\ndata.t.test_bad: FAIL (`);
    expect(io.out).not.toContain('\u001b[');
    expect(io.out).toMatch(/PASS: 1\/2\nFAIL: 1\/2\n$/);
    const coloured = captureIO(true);
    await runCli(['test', file], coloured);
    expect(coloured.out).toContain('\u001b[31mFAIL\u001b[39m');
  });
});
