import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './app.js';
import type { CliIO } from './io.js';

function captureIO(): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    colorSupported: false,
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
