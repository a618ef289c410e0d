/** runAction in process, with an in-memory GitHub: several plans in one comment, and the options. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction, type ActionIO } from './action.js';
import { FakeGitHub } from './test-support/fake-api.js';
import type { CommandAnnotation } from './check-run.js';
import { REPO_ROOT } from './test-support/runner.js';

const FIXTURE = join(REPO_ROOT, 'fixtures/github');

function harness(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const runner = mkdtempSync(join(tmpdir(), 'tfguard-action-test-'));
  writeFileSync(join(runner, 'event.json'), JSON.stringify({ pull_request: { number: 3, head: { sha: 'cafe'.repeat(10) } } }));
  writeFileSync(join(runner, 'summary.md'), '');
  const api = new FakeGitHub();
  const outputs: Record<string, string> = {};
  const log: string[] = [];
  const annotations: CommandAnnotation[] = [];
  const io: ActionIO = {
    env: {
      GITHUB_REPOSITORY: 'acme/infra',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(runner, 'event.json'),
      GITHUB_SHA: 'merge',
      GITHUB_WORKSPACE: process.cwd(),
      GITHUB_STEP_SUMMARY: join(runner, 'summary.md'),
      RUNNER_TEMP: runner,
      ...env,
    },
    readInput: (name) => ({ 'builtin-policies': 'false', policies: join(FIXTURE, 'policies'), 'github-token': 't', ...inputs })[name] ?? '',
    setOutput: (name, value) => (outputs[name] = value),
    info: (m) => log.push(m),
    warning: (m) => log.push(`warning: ${m}`),
    annotate: (a) => annotations.push(a),
    api: () => api,
  };
  return { io, api, outputs, log, annotations, summary: () => readFileSync(join(runner, 'summary.md'), 'utf8') };
}

/** Two projects: the fixture workspace as is (blocked), and a copy with the violations fixed (passes). */
function twoProjects(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-projects-'));
  for (const env of ['prod', 'dev']) cpSync(join(FIXTURE, 'workspace'), join(dir, env), { recursive: true });
  const plan = JSON.parse(readFileSync(join(dir, 'dev/plan.json'), 'utf8')) as { resource_changes: { type: string; change: { after: Record<string, unknown> } }[] };
  plan.resource_changes = plan.resource_changes.filter((rc) => !['aws_db_instance', 'aws_security_group'].includes(rc.type));
  writeFileSync(join(dir, 'dev/plan.json'), JSON.stringify(plan));
  return dir;
}

describe('runAction', () => {
  it('several plans: one comment with a section per plan, one check run, combined outputs', async () => {
    const dir = twoProjects();
    const h = harness({ plan: `${dir}/*/plan.json`, project: 'estate' });
    const result = await runAction(h.io);
    expect(result.blocking).toBe(3);
    expect(result.failure).toBe('tfguard: 3 blocking findings at or above high');
    expect(h.api.comments).toHaveLength(1);
    const body = h.api.comments[0].body;
    expect(body).toMatch(/^<!-- tfguard:project=estate fingerprint=[0-9a-f]{16} -->\n### ❌ tfguard: blocked — 3 findings at or above high in 1 of 2 plans/);
    expect(body).toContain(`#### ✅ \`${dir}/dev/plan.json\`: passed`);
    expect(body).toContain(`#### ❌ \`${dir}/prod/plan.json\`: blocked`);
    expect(body).toMatch(/💰 \*\*Cost:\*\* \*\*\+\$\d+\.\d\d\/month\*\* across 2 plans/);
    expect(h.api.checkRuns).toHaveLength(1);
    expect(h.api.checkRuns[0]).toMatchObject({ name: 'tfguard (estate)', headSha: 'cafe'.repeat(10), conclusion: 'failure' });
    expect(h.outputs).toMatchObject({ violations: '3', 'sarif-file': '' });
    expect(JSON.parse(readFileSync(h.outputs['report-json'], 'utf8'))).toMatchObject({ documents: [{ path: `${dir}/dev/plan.json` }, { path: `${dir}/prod/plan.json` }] });
    expect(h.summary()).toContain('in 1 of 2 plans');
  });

  it('fail-on critical, comment and annotations off: only the summary and the outputs', async () => {
    const h = harness({ plan: 'fixtures/github/workspace/plan.json', 'fail-on': 'critical', comment: 'false', annotations: 'false' });
    const result = await runAction(h.io);
    expect(result.blocking).toBe(1);
    expect(h.api.calls).toEqual([]);
    expect(h.summary()).toContain('### ❌ tfguard: blocked — 1 finding at or above critical');
    expect(h.summary()).toContain('[fixtures/github/workspace/main.tf:5](https://github.com/acme/infra/blob/cafecafe');
  });

  it('GitHub failing after retries is a warning in the summary; the verdict stands', async () => {
    const h = harness({ plan: 'fixtures/github/workspace/plan.json' });
    h.api.onCall = (call) => {
      if (call === 'list' || call.startsWith('check create')) throw Object.assign(new Error('Server Error'), { status: 500 });
    };
    const result = await runAction(h.io);
    expect(result.blocking).toBe(3);
    expect(h.log.filter((l) => l.startsWith('warning:'))).toEqual([
      'warning: tfguard could not comment on pull request #3: GitHub answered 500 (Server Error). The report is in this job summary.',
      'warning: tfguard could not create the check run: GitHub answered 500 (Server Error); annotated with workflow commands instead.',
    ]);
    expect(h.annotations.map((a) => a.level).sort()).toEqual(['error', 'error', 'error', 'notice', 'notice', 'warning', 'warning']);
    expect(h.summary()).toMatch(/^> \[!NOTE\]\n> tfguard could not comment/);
  });

  it('config and usage file errors are one line', async () => {
    await expect(runAction(harness({ plan: 'fixtures/github/workspace/plan.json', 'usage-file': 'missing.yml' }).io)).rejects.toThrow('input usage-file: cannot read missing.yml: ENOENT');
    await expect(runAction(harness({ plan: 'fixtures/github/workspace/plan.json' }, { GITHUB_REPOSITORY: '' }).io)).rejects.toThrow('GITHUB_REPOSITORY is not set');
  });
});
