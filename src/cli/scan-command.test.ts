import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './app.js';
import type { CliIO } from './io.js';

function captureIO(): CliIO & { out: string; err: string } {
  const io = { out: '', err: '', colorSupported: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const root = mkdtempSync(join(tmpdir(), 'tfguard-scan-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PLAN = 'fixtures/scan/secrets-plan.json';
const LEAKY = ['--no-builtin', '--policy', 'fixtures/scan/leaky-policy'];
const SECRETS = ['pw-VARIABLE-SECRET-4242', 'pw-ATTRIBUTE-SECRET-1717', 'pw-OUTPUT-SECRET-3131'];

describe('tfguard scan: sensitive values never reach any output', () => {
  for (const format of ['text', 'json', 'sarif', 'junit', 'markdown']) {
    it(`${format} (stdout and --output file)`, async () => {
      const io = captureIO();
      expect(await runCli(['scan', PLAN, ...LEAKY, '--format', format], io)).toBe(1);
      const file = join(root, `report.${format}`);
      const io2 = captureIO();
      expect(await runCli(['scan', PLAN, ...LEAKY, '--format', format, '--output', file], io2)).toBe(1);
      const everything = io.out + io.err + io2.out + io2.err + readFileSync(file, 'utf8');
      expect(everything).toContain('LEAK-001');
      expect(everything).toContain('(sensitive value)');
      for (const s of SECRETS) expect(everything).not.toContain(s);
    });
  }
});

describe('tfguard scan: exit codes and one-line errors', () => {
  it('exit 0 when nothing blocks at the chosen severity', async () => {
    expect(await runCli(['scan', PLAN, ...LEAKY, '--fail-on', 'critical', '--quiet'], captureIO())).toBe(0);
  });

  const cases: [string, () => string[], RegExp][] = [
    ['a policy with a syntax error', () => ['scan', PLAN, '--no-builtin', '--policy', 'fixtures/scan/broken-policy'], /^tfguard: fixtures\/scan\/broken-policy\/broken\.rego:6:\d+: .+\n$/],
    ['a missing plan', () => ['scan', join(root, 'nope.json'), ...LEAKY], /^tfguard: .*nope\.json.*\n$/],
    ['an empty file', () => ['scan', write('empty.json', ''), ...LEAKY], /^tfguard: .*empty\.json.*empty.*\n$/i],
    ['a JSON array', () => ['scan', write('array.json', '[1, 2]'), ...LEAKY], /^tfguard: .*array\.json.*\n$/],
    ['truncated JSON', () => ['scan', write('trunc.json', '{"format_version": "1.2", "resource_'), ...LEAKY], /^tfguard: .*trunc\.json.*\n$/],
    ['format_version 2.0', () => ['scan', write('v2.json', '{"format_version": "2.0", "resource_changes": []}'), ...LEAKY], /^tfguard: .*v2\.json.*2\.0.*\n$/],
    ['an invalid .tfguard.yml', () => ['scan', PLAN, ...LEAKY, '--config', write('bad.yml', 'fail_on: severe\n')], /^tfguard: .*bad\.yml:1:\d+: \/fail_on must be one of low, medium, high, critical\n$/],
  ];
  for (const [name, args, message] of cases) {
    it(`${name}: exit 2, one line, no stack`, async () => {
      const io = captureIO();
      expect(await runCli(args(), io)).toBe(2);
      expect(io.err).toMatch(message);
      expect(io.err).not.toMatch(/\n\s+at /);
    });
  }
});

function write(name: string, text: string): string {
  const path = join(root, name);
  writeFileSync(path, text);
  return path;
}

describe('tfguard cost and pricing import', () => {
  it('prints the cost delta of the demo plan', async () => {
    const io = captureIO();
    expect(await runCli(['cost', 'fixtures/demo/plan.json'], io)).toBe(0);
    // t3.small → t3.medium in us-east-1 ($0.0208 → $0.0416 an hour, × 730 h), root volume unchanged.
    expect(io.out).toMatch(/aws_instance\.web\s+\$15\.82 →\s+\$31\.01\s+\+\$15\.18/);
    expect(io.out).toMatch(/Monthly cost delta: \+\$[\d,.]+\/month/);
  });

  it('imports an AWS offer file into a catalog that cost can use', async () => {
    const catalog = join(root, 'catalog.json');
    const io = captureIO();
    expect(await runCli(['pricing', 'import', 'fixtures/cost/offer-ec2-sample.json', '-o', catalog], io)).toBe(0);
    expect(io.err).toMatch(/wrote \d+ prices/);
    expect(await runCli(['cost', 'fixtures/demo/plan.json', '--catalog', catalog, '--format', 'json'], captureIO())).toBe(0);
  });

  it('refuses an offer it does not read: exit 2, one line naming the offers it does', async () => {
    const offer = join(root, 'sns-offer.json');
    writeFileSync(offer, JSON.stringify({ offerCode: 'AmazonSNS', products: {}, terms: { OnDemand: {} } }));
    const io = captureIO();
    expect(await runCli(['pricing', 'import', offer, '-o', join(root, 'sns.json')], io)).toBe(2);
    expect(io.err.trim().split('\n')).toHaveLength(1);
    expect(io.err).toMatch(/not a supported AWS Price List offer file: offerCode "AmazonSNS" is not one of AmazonEC2, AWSELB/);
  });

  it('a state is not a plan: exit 2 with a clear line', async () => {
    const io = captureIO();
    // Whether the shared state file is there or not, the answer is one line and exit 2.
    expect(await runCli(['cost', '../shared/fixtures/real-plans/hashicorp__terraform-json__no_changes_state.json'], io)).toBe(2);
    expect(io.err).toMatch(/^tfguard: .*(state|no such file)/);
  });
});
