/**
 * The bundled Action (dist/index.js, built fresh) run as the Actions runner runs it, against a local
 * server playing GitHub's REST API. Every request must match GitHub's OpenAPI description.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockGitHub, type MockGitHub } from './test-support/mock-github.js';
import { buildActionDir, REPO_ROOT, runAction, type ActionRun } from './test-support/runner.js';
import { parseMarker } from './marker.js';

const OWNER = 'acme';
const REPO = 'infra';
const HEAD_SHA = '1111111111111111111111111111111111111111';
const MERGE_SHA = '2222222222222222222222222222222222222222';
const PULL_REQUEST = { action: 'synchronize', number: 7, pull_request: { number: 7, head: { sha: HEAD_SHA, ref: 'feature' }, base: { ref: 'main' } } };
const FIXTURE_POLICIES = join(REPO_ROOT, 'fixtures/github/policies');

let actionDir: string;
const cleanup: string[] = [];
const servers: MockGitHub[] = [];

beforeAll(async () => {
  actionDir = await buildActionDir();
  cleanup.push(actionDir);
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-workspace-'));
  cpSync(join(REPO_ROOT, 'fixtures/github/workspace'), dir, { recursive: true });
  cleanup.push(dir);
  return dir;
}

async function github(): Promise<MockGitHub> {
  const server = await startMockGitHub({ owner: OWNER, repo: REPO });
  servers.push(server);
  return server;
}

function run(server: MockGitHub, ws: string, inputs: Record<string, string> = {}, event: { name: string; payload: unknown } = { name: 'pull_request', payload: PULL_REQUEST }): Promise<ActionRun> {
  return runAction({
    actionDir,
    workspace: ws,
    apiUrl: server.apiUrl,
    repository: `${OWNER}/${REPO}`,
    eventName: event.name,
    event: event.payload,
    sha: MERGE_SHA,
    inputs: { plan: 'plan.json', policies: FIXTURE_POLICIES, 'builtin-policies': 'false', ...inputs },
    env: { TFGUARD_GITHUB_TIME_SCALE: '0.005' },
  });
}

const operations = (server: MockGitHub) => server.requests.map((r) => `${r.method} ${r.operationId ?? r.path} ${r.status}`);

describe.concurrent('the bundled Action against a GitHub API double', () => {
  it('first run: one comment and one check run with annotations; second run: the same comment updated', async () => {
    const server = await github();
    const ws = workspace();
    const first = await run(server, ws);
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(1);
    expect(first.stdout).toContain('::error::tfguard: 3 blocking findings at or above high');
    expect(server.violations).toEqual([]);

    expect(server.comments).toHaveLength(1);
    const [comment] = server.comments;
    expect(parseMarker(comment.body)?.project).toBe('plan.json');
    expect(comment.body).toContain('### ❌ tfguard: blocked — 3 findings at or above high');
    expect(comment.body).toContain(`[main.tf:5](https://github.example/${OWNER}/${REPO}/blob/${HEAD_SHA}/main.tf#L5)`);
    expect(comment.body).toMatch(/💰 \*\*Cost:\*\* \*\*\+\$176\.25\/month\*\* \(\+565\.18%\)/);
    expect(comment.body).toContain('team-data');

    expect(server.checkRuns).toHaveLength(1);
    const [check] = server.checkRuns;
    expect(check).toMatchObject({ name: 'tfguard', head_sha: HEAD_SHA, conclusion: 'failure', title: '3 blocking findings' });
    expect(check.annotations).toContainEqual(expect.objectContaining({ path: 'main.tf', start_line: 5, end_line: 5, annotation_level: 'failure' }));

    expect(first.outputs).toMatchObject({ violations: '3', findings: '7', 'cost-delta-monthly': '176.25', 'sarif-file': join(ws, 'tfguard.sarif') });
    expect(JSON.parse(readFileSync(first.outputs['report-json'], 'utf8'))).toMatchObject({ verdict: 'blocked', summary: { blocking: 3 } });
    expect(JSON.parse(readFileSync(first.outputs['sarif-file'], 'utf8'))).toMatchObject({ version: '2.1.0' });
    expect(first.summary).toContain('### ❌ tfguard: blocked');

    // The change is fixed: the same comment now says it passes.
    const plan = JSON.parse(readFileSync(join(ws, 'plan.json'), 'utf8')) as { resource_changes: { type: string; change: { after: Record<string, unknown> } }[] };
    for (const rc of plan.resource_changes) {
      if (rc.type === 'aws_db_instance') Object.assign(rc.change.after, { publicly_accessible: false, storage_encrypted: true });
      if (rc.type === 'aws_security_group') rc.change.after.ingress = [];
    }
    writeFileSync(join(ws, 'plan.json'), JSON.stringify(plan));
    const second = await run(server, ws);
    expect(second.exitCode).toBe(0);
    expect(server.violations).toEqual([]);
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0].id).toBe(comment.id);
    expect(server.comments[0].body).toContain('### ✅ tfguard: passed');
    expect(operations(server).filter((o) => o.startsWith('PATCH issues/update-comment'))).toHaveLength(1);
    expect(second.outputs.violations).toBe('0');
  });

  it('sends 120 annotations as one create and two updates of at most 50', async () => {
    const server = await github();
    const ws = workspace();
    const open = { from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] };
    const changes = Array.from({ length: 120 }, (_, i) => ({
      address: `aws_security_group.open[${i}]`,
      mode: 'managed',
      type: 'aws_security_group',
      name: 'open',
      index: i,
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: ['create'], before: null, after: { name: `open-${i}`, ingress: [open], tags: { owner: 'x' } }, after_unknown: {} },
    }));
    writeFileSync(join(ws, 'many.json'), JSON.stringify({ format_version: '1.2', resource_changes: changes, configuration: { root_module: { resources: [{ address: 'aws_security_group.open', mode: 'managed', type: 'aws_security_group', name: 'open' }] } } }));
    writeFileSync(join(ws, 'many.tf'), 'resource "aws_security_group" "open" {\n  count = 120\n}\n');
    const result = await run(server, ws, { plan: 'many.json', 'comment-behavior': 'new' });
    expect(result.exitCode).toBe(1);
    expect(server.violations).toEqual([]);
    const checkCalls = server.requests.filter((r) => r.operationId?.startsWith('checks/'));
    const sizes = checkCalls.map((r) => ((r.body as { output: { annotations?: unknown[] } }).output.annotations ?? []).length);
    expect(checkCalls.map((r) => r.operationId)).toEqual(['checks/create', 'checks/update', 'checks/update']);
    expect(sizes).toEqual([50, 50, 20]);
    expect(server.checkRuns[0].annotations).toHaveLength(120);
    expect(server.checkRuns[0].annotations[0]).toMatchObject({ path: 'many.tf', start_line: 1 });
  });

  it('a read-only token (fork PR): 403 on the comment and the check run falls back to the job summary and workflow commands', async () => {
    const server = await github();
    server.faults.push(
      { method: 'POST', path: /\/issues\/\d+\/comments$/, status: 403, message: 'Resource not accessible by integration', times: 99 },
      { method: 'POST', path: /\/check-runs$/, status: 403, message: 'Resource not accessible by integration', times: 99 },
    );
    const result = await run(server, workspace());
    expect(result.exitCode).toBe(1);
    expect(server.violations).toEqual([]);
    expect(server.comments).toHaveLength(0);
    expect(result.summary).toContain('could not comment on pull request #7');
    expect(result.summary).toContain('### ❌ tfguard: blocked');
    expect(result.commands.filter((c) => c.command === 'warning').map((c) => c.message).join('\n')).toMatch(/read-only token/);
    expect(result.commands).toContainEqual(expect.objectContaining({ command: 'error', properties: expect.objectContaining({ file: 'main.tf', line: '5' }) as unknown }));
    // Each request was tried once: a 403 is not retried.
    expect(operations(server).filter((o) => o.includes(' 403'))).toEqual(['POST issues/create-comment 403', 'POST checks/create 403']);
  });

  it('retries a 502', async () => {
    const server = await github();
    server.faults.push({ method: 'GET', path: /\/issues\/\d+\/comments$/, status: 502, message: 'Bad Gateway', times: 1 });
    server.faults.push({ method: 'POST', path: /\/check-runs$/, status: 502, message: 'Bad Gateway', times: 2 });
    const result = await run(server, workspace());
    expect(result.exitCode).toBe(1);
    expect(server.violations).toEqual([]);
    expect(operations(server)).toEqual([
      'GET issues/list-comments 502',
      'GET issues/list-comments 200',
      'POST issues/create-comment 201',
      'GET issues/list-comments 200',
      'POST checks/create 502',
      'POST checks/create 502',
      'POST checks/create 201',
    ]);
    expect(server.comments).toHaveLength(1);
    expect(server.checkRuns).toHaveLength(1);
  });

  it('two runs at once leave one comment', async () => {
    const server = await github();
    const ws = workspace();
    const results = await Promise.all([run(server, ws, { annotations: 'false' }), run(server, ws, { annotations: 'false' })]);
    expect(results.map((r) => r.exitCode)).toEqual([1, 1]);
    expect(server.violations).toEqual([]);
    expect(server.comments).toHaveLength(1);
  });

  it('a push: no comment, a check run on GITHUB_SHA; a bad input: one failure line', async () => {
    const server = await github();
    const push = await run(server, workspace(), {}, { name: 'push', payload: { ref: 'refs/heads/main', after: MERGE_SHA } });
    expect(server.violations).toEqual([]);
    expect(server.comments).toHaveLength(0);
    expect(server.checkRuns[0]).toMatchObject({ head_sha: MERGE_SHA });
    expect(push.exitCode).toBe(1);

    const bad = await run(server, workspace(), { 'fail-on': 'severe' });
    expect(bad.exitCode).toBe(1);
    expect(bad.commands.filter((c) => c.command === 'error').map((c) => c.message)).toEqual(['tfguard: input fail-on must be one of low, medium, high, critical, got "severe"']);
    const missing = await run(server, workspace(), { plan: 'nope/*.json' });
    expect(missing.commands.filter((c) => c.command === 'error').map((c) => c.message)).toEqual(['tfguard: input plan: no file matches nope/*.json']);
  });
});
