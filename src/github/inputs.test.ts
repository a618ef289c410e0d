import { describe, expect, it } from 'vitest';
import { readInputs } from './inputs.js';
import { readRunnerContext } from './runner-context.js';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('inputs', () => {
  it('reads lists, booleans and defaults', () => {
    const inputs = readInputs(reader({ plan: 'a.json\n envs/*/plan.json ,b.json', policies: 'policies/\n', 'builtin-policies': 'False', comment: 'TRUE', 'github-token': 't', 'sarif-file': 'out.sarif' }));
    expect(inputs).toEqual({
      plans: ['a.json', 'envs/*/plan.json', 'b.json'],
      policies: ['policies/'],
      builtinPolicies: false,
      token: 't',
      comment: true,
      commentBehavior: 'update',
      annotations: true,
      sarifFile: 'out.sarif',
      project: 'a.json,envs/*/plan.json,b.json',
    });
    expect(readInputs(reader({ plan: 'p.json', 'fail-on': 'critical', project: 'prod' }))).toMatchObject({ failOn: 'critical', project: 'prod' });
  });

  it.each([
    [{}, 'input plan is required: the path or glob of `terraform show -json` output'],
    [{ plan: 'p', 'fail-on': 'severe' }, 'input fail-on must be one of low, medium, high, critical, got "severe"'],
    [{ plan: 'p', comment: 'yes' }, 'input comment must be true or false, got "yes"'],
    [{ plan: 'p', 'comment-behavior': 'sticky' }, 'input comment-behavior must be one of update, new, delete-and-new, on-change, got "sticky"'],
  ])('rejects %j in one line', (values, message) => {
    expect(() => readInputs(reader(values))).toThrow(message);
  });
});

describe('runner context', () => {
  const base = { GITHUB_REPOSITORY: 'acme/infra', GITHUB_SHA: 'merge', GITHUB_EVENT_PATH: '/event.json', GITHUB_RUN_ID: '9', GITHUB_WORKSPACE: '/ws' };
  const event = (payload: unknown) => () => JSON.stringify(payload);

  it.each(['pull_request', 'pull_request_target'])('%s: the PR number and its head commit', (eventName) => {
    const context = readRunnerContext({ ...base, GITHUB_EVENT_NAME: eventName }, event({ pull_request: { number: 7, head: { sha: 'head' } } }));
    expect(context).toMatchObject({ owner: 'acme', repo: 'infra', pullNumber: 7, headSha: 'head', apiUrl: 'https://api.github.com', runUrl: 'https://github.com/acme/infra/actions/runs/9' });
  });

  it('push: GITHUB_SHA, no PR; GHES URLs are taken as given', () => {
    const context = readRunnerContext({ ...base, GITHUB_EVENT_NAME: 'push', GITHUB_API_URL: 'https://ghe.example/api/v3/', GITHUB_SERVER_URL: 'https://ghe.example' }, event({ ref: 'refs/heads/main' }));
    expect(context).toMatchObject({ headSha: 'merge', apiUrl: 'https://ghe.example/api/v3', runUrl: 'https://ghe.example/acme/infra/actions/runs/9' });
    expect(context.pullNumber).toBeUndefined();
  });

  it.each([
    [{ ...base, GITHUB_REPOSITORY: undefined }, 'GITHUB_REPOSITORY is not set'],
    [{ ...base, GITHUB_REPOSITORY: 'acme' }, 'GITHUB_REPOSITORY must be owner/name'],
    [{ ...base, GITHUB_EVENT_NAME: 'pull_request' }, 'the pull request event has no pull_request.number'],
  ])('rejects a broken environment: %s', (env, message) => {
    expect(() => readRunnerContext(env, event({}))).toThrow(message);
  });
});
