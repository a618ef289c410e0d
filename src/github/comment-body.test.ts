import { describe, expect, it } from 'vitest';
import { commentBody, footer, renderPlansMarkdown, truncateMarkdown, COMMENT_LIMIT } from './comment-body.js';
import { parseMarker } from './marker.js';
import { buildReport } from '../report/model.js';
import type { DocumentResult } from '../engine/scan.js';
import type { Finding } from '../engine/finding.js';

const finding = (i: number, over: Partial<Finding> = {}): Finding => ({
  policyId: 'FX-NET-001',
  severity: 'critical',
  title: 'No SSH from the internet',
  message: `port 22 is open on group ${i}`,
  status: 'fail',
  change: 'new',
  resource: `aws_security_group.open[${i}]`,
  location: { file: 'main.tf', line: 5 },
  controls: [],
  remediation: 'Restrict it:\n```hcl\ncidr_blocks = ["10.0.0.0/8"]\n```',
  rule: 'deny',
  ...over,
});

const result = (path: string, findings: Finding[]): DocumentResult => ({
  document: { path, kind: 'plan', formatVersion: '1.2', raw: {}, resources: [], byAddress: new Map() },
  findings,
  resourcesScanned: findings.length,
  policiesEvaluated: 1,
  durationMs: 1,
});

const report = (path: string, findings: Finding[]) => buildReport([result(path, findings)], [], { failOn: 'high' }, '1.2.3');
const links = { linkBase: 'https://github.com/o/r/blob/abc/', headSha: 'abcdef1234567', commitUrl: 'https://github.com/o/r/commit/abcdef1234567', runUrl: 'https://github.com/o/r/actions/runs/1' };

describe('comment body', () => {
  it('one plan: the report as the CLI renders it, with the footer and the marker first', () => {
    const markdown = renderPlansMarkdown([{ path: 'plan.json', report: report('plan.json', [finding(1)]) }], links);
    expect(markdown.split('\n')[0]).toBe('### ❌ tfguard: blocked — 1 finding at or above high');
    const body = commentBody({ marker: { project: 'plan.json', fingerprint: 'ab' }, markdown, footer: footer('1.2.3', links) });
    expect(parseMarker(body)).toEqual({ project: 'plan.json', fingerprint: 'ab' });
    expect(body.trimEnd().split('\n').at(-1)).toBe('<sub>tfguard 1.2.3 · [abcdef1](https://github.com/o/r/commit/abcdef1234567) · [workflow run](https://github.com/o/r/actions/runs/1)</sub>');
  });

  it('several plans: one headline, then a section per plan', () => {
    const markdown = renderPlansMarkdown(
      [
        { path: 'envs/prod/plan.json', report: report('envs/prod/plan.json', [finding(1)]) },
        { path: 'envs/dev/plan.json', report: report('envs/dev/plan.json', []) },
      ],
      links,
    );
    expect(markdown).toMatch(/^### ❌ tfguard: blocked — 1 finding at or above high in 1 of 2 plans\n/);
    expect(markdown).toContain('#### ❌ `envs/prod/plan.json`: blocked — 1 finding at or above high');
    expect(markdown).toContain('#### ✅ `envs/dev/plan.json`: passed');
  });

  it('stays under GitHub\'s limit: cut at a line, open blocks closed, marker and footer kept, a pointer to the full report', () => {
    const many = Array.from({ length: 1500 }, (_, i) => finding(i));
    const markdown = renderPlansMarkdown([{ path: 'plan.json', report: report('plan.json', many) }], links);
    expect(markdown.length).toBeGreaterThan(COMMENT_LIMIT);
    const body = commentBody({ marker: { project: 'p' }, markdown, footer: footer('1.2.3', links), runUrl: links.runUrl });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(parseMarker(body)?.project).toBe('p');
    expect(body).toContain('cut to fit GitHub\'s 65,536-character comment limit. The full report is in the [job summary](https://github.com/o/r/actions/runs/1)');
    expect(body).toContain('<sub>tfguard 1.2.3');
  });

  it.each([
    ['inside <details>', ['<details><summary>x</summary>', '', 'aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc', 'dddddddddd'], '</details>', 65],
    ['inside a code fence', ['```hcl', 'a = 1111111111', 'b = 2222222222', 'c = 3333333333', 'd = 4444444444'], '```', 55],
  ])('truncation closes what it cut open: %s', (_name, lines, closer, limit) => {
    const out = truncateMarkdown(lines.join('\n'), limit, 'NOTICE');
    expect(out.length).toBeLessThanOrEqual(limit);
    expect(out).toContain(lines[2]);
    expect(out).not.toContain(lines[5] ?? lines[4]);
    expect(out.split('\n').filter((l) => l.trim() === closer)).toHaveLength(1);
    expect(out.endsWith('NOTICE')).toBe(true);
  });

  it('leaves text that fits alone, and measures bytes when asked', () => {
    expect(truncateMarkdown('short', 100, 'NOTICE')).toBe('short');
    const text = Array.from({ length: 20 }, () => '€€€€€').join('\n');
    const out = truncateMarkdown(text, 60, 'N', (s) => Buffer.byteLength(s));
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(60);
  });
});
