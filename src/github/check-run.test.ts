import { describe, expect, it } from 'vitest';
import { commandAnnotations, findingAnnotations, publishCheckRun } from './check-run.js';
import { FakeGitHub } from './test-support/fake-api.js';
import { reportFinding as finding } from './test-support/findings.js';
import type { CheckAnnotation } from './github-api.js';

describe('annotations', () => {
  it('one per finding with a line: blocking fails, violations warn, the rest is a notice', () => {
    const annotations = findingAnnotations([
      finding(),
      finding({ blocking: false, severity: 'medium', change: 'existing' }),
      finding({ blocking: false, status: 'unknown' }),
      finding({ blocking: false, rule: 'warn' }),
      finding({ change: 'fixed', blocking: false }),
      finding({ blocking: false, waiver: { owner: 'o', reason: 'r', expires: '2099-01-01', expired: false } }),
      finding({ location: { file: 'plan.json' } }),
    ]);
    expect(annotations.map((a) => a.annotation_level)).toEqual(['failure', 'warning', 'notice', 'notice']);
    expect(annotations[0]).toEqual({
      path: 'infra/main.tf',
      start_line: 5,
      end_line: 5,
      annotation_level: 'failure',
      title: 'FX-NET-001 [critical] No SSH from the internet',
      message: 'aws_security_group.ssh: port 22 is open',
      raw_details: 'Restrict the CIDR',
    });
    expect(annotations[1].title).toContain('(existing)');
    expect(annotations[2].title).toContain('(cannot verify until apply)');
  });

  it.each([
    [0, [1], [0]],
    [50, [1], [50]],
    [51, [1, 1], [50, 1]],
    [120, [1, 1, 1], [50, 50, 20]],
  ])('%i annotations: one create, then updates of at most 50', async (count, _calls, sizes) => {
    const api = new FakeGitHub();
    const annotations = Array.from({ length: count }, (_, i): CheckAnnotation => ({ path: 'main.tf', start_line: i + 1, end_line: i + 1, annotation_level: 'warning', message: `m${i}` }));
    const { requests } = await publishCheckRun(api, { name: 'tfguard', headSha: 'abc', conclusion: 'failure', title: 't', summary: 's', annotations });
    expect(requests).toBe(sizes.length);
    expect(api.checkRuns[0].outputs.map((o) => o.annotations?.length ?? 0)).toEqual(sizes);
    expect(api.checkRuns[0].outputs.every((o) => o.title === 't' && o.summary === 's')).toBe(true);
  });

  it('workflow commands: at most 10 per level, the rest counted', () => {
    const many = (level: CheckAnnotation['annotation_level'], n: number) => Array.from({ length: n }, (): CheckAnnotation => ({ path: 'a.tf', start_line: 1, end_line: 1, annotation_level: level, message: 'm' }));
    const { shown, omitted } = commandAnnotations([...many('failure', 12), ...many('warning', 3), ...many('notice', 11)]);
    expect(shown.filter((a) => a.level === 'error')).toHaveLength(10);
    expect(shown.filter((a) => a.level === 'warning')).toHaveLength(3);
    expect(shown.filter((a) => a.level === 'notice')).toHaveLength(10);
    expect(omitted).toBe(3);
  });
});
