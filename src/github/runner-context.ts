/**
 * What the Actions runner tells a step about its run, read from the environment and the event file, so
 * the rest of the Action never touches `process.env`: the repository, the API (github.com or GHES), the
 * pull request (if any) and the commit the findings belong to.
 */
import { readFileSync } from 'node:fs';

export class ActionInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActionInputError';
  }
}

export interface RunnerContext {
  owner: string;
  repo: string;
  /** REST base URL: `https://api.github.com`, or `https://ghes.example/api/v3` on GitHub Enterprise Server. */
  apiUrl: string;
  /** Web base URL, for links: `https://github.com`. */
  serverUrl: string;
  eventName: string;
  /** Set for `pull_request` and `pull_request_target` events. */
  pullNumber?: number;
  /**
   * The commit findings link to and the check run is attached to. For a pull request this is the PR's
   * head commit: GITHUB_SHA is then a merge commit that exists only on the runner's ref.
   */
  headSha: string;
  /** The workflow run's page, where the job summary is. */
  runUrl?: string;
  workspace: string;
  /** GITHUB_STEP_SUMMARY: the file the job summary is appended to. */
  stepSummaryPath?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

export function readRunnerContext(env: Env, readText: (path: string) => string = (path) => readFileSync(path, 'utf8')): RunnerContext {
  const repository = required(env, 'GITHUB_REPOSITORY');
  const [owner, repo, ...rest] = repository.split('/');
  if (!owner || !repo || rest.length) throw new ActionInputError(`GITHUB_REPOSITORY must be owner/name, got ${JSON.stringify(repository)}`);
  const serverUrl = trimSlash(env.GITHUB_SERVER_URL || 'https://github.com');
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const event = readEvent(env.GITHUB_EVENT_PATH, readText);
  const pullRequest = PULL_REQUEST_EVENTS.has(eventName) || (!eventName && event.pull_request) ? pullRequestOf(event) : undefined;
  const headSha = pullRequest?.headSha ?? required(env, 'GITHUB_SHA');
  const runUrl = env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  return {
    owner,
    repo,
    apiUrl: trimSlash(env.GITHUB_API_URL || 'https://api.github.com'),
    serverUrl,
    eventName,
    ...(pullRequest ? { pullNumber: pullRequest.number } : {}),
    headSha,
    ...(runUrl ? { runUrl } : {}),
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    ...(env.GITHUB_STEP_SUMMARY ? { stepSummaryPath: env.GITHUB_STEP_SUMMARY } : {}),
  };
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new ActionInputError(`${name} is not set: tfguard's action runs inside a GitHub Actions job`);
  return value;
}

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

interface EventPayload {
  pull_request?: unknown;
}

function readEvent(path: string | undefined, readText: (path: string) => string): EventPayload {
  if (!path) return {};
  let text: string;
  try {
    text = readText(path);
  } catch (err) {
    throw new ActionInputError(`cannot read GITHUB_EVENT_PATH ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    throw new ActionInputError(`GITHUB_EVENT_PATH ${path} is not JSON`);
  }
}

function pullRequestOf(event: EventPayload): { number: number; headSha: string } {
  const pr = event.pull_request as { number?: unknown; head?: { sha?: unknown } } | undefined;
  if (typeof pr?.number !== 'number' || typeof pr.head?.sha !== 'string') {
    throw new ActionInputError('the pull request event has no pull_request.number and pull_request.head.sha');
  }
  return { number: pr.number, headSha: pr.head.sha };
}
