/**
 * The handful of GitHub REST calls the Action makes, behind a narrow interface: the comment and check-run
 * logic is tested against an in-memory fake, and the Octokit adapter below is tested end to end against
 * a local server that checks every request against GitHub's OpenAPI description.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';

export interface IssueComment {
  id: number;
  body: string;
}

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
  annotations?: CheckAnnotation[];
}

export type CheckConclusion = 'success' | 'failure' | 'neutral';

export interface GitHubApi {
  listComments(issueNumber: number): Promise<IssueComment[]>;
  createComment(issueNumber: number, body: string): Promise<IssueComment>;
  updateComment(commentId: number, body: string): Promise<void>;
  /** Deleting a comment that is already gone is not an error (a concurrent run may have won). */
  deleteComment(commentId: number): Promise<void>;
  createCheckRun(run: { name: string; headSha: string; conclusion: CheckConclusion; output: CheckRunOutput }): Promise<{ id: number }>;
  updateCheckRun(id: number, output: CheckRunOutput): Promise<void>;
}

/**
 * The part of a Bottleneck group plugin-throttling uses (`group.key(id).schedule(options, task)`):
 * tasks start one at a time, at least `minTimeMs` apart.
 */
function spacedLimiter(minTimeMs: number) {
  let ready = Promise.resolve();
  let lastStart = 0;
  const schedule = <T>(_options: unknown, task: () => Promise<T>): Promise<T> => {
    const run = ready.then(async () => {
      const wait = lastStart + minTimeMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      lastStart = Date.now();
      return task();
    });
    ready = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
  // Only key().schedule() is ever called on a group, so this stands in for Bottleneck.Group.
  return { key: () => ({ schedule }) } as unknown as NonNullable<ThrottlingOptions['write']>;
}

/** The HTTP status of a failed API call, if it was one. */
export function httpStatus(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

export interface ClientOptions {
  token: string;
  apiUrl: string;
  owner: string;
  repo: string;
  /**
   * Scales every wait: retry back-off (1 s base), the spacing of writes (1 s) and of requests that notify
   * (3 s), which follow GitHub's advice for mutating requests. Tests use a tiny scale; default 1.
   */
  timeScale?: number;
  /** Retries of a 5xx or a rate-limited request. */
  retries?: number;
  log?: (message: string) => void;
}

export function octokitApi(o: ClientOptions): GitHubApi {
  const retries = o.retries ?? 3;
  const scale = o.timeScale ?? 1;
  const retryBase = 1000 * scale;
  const log = o.log ?? (() => undefined);
  const octokit = getOctokit(
    o.token,
    {
      baseUrl: o.apiUrl,
      retry: { retries, retryAfterBaseValue: retryBase },
      throttle: {
        retryAfterBaseValue: retryBase,
        // At scale 1 the plugin's own Bottleneck groups space writes; scaled, these do the same faster.
        ...(scale === 1 ? {} : { write: spacedLimiter(1000 * scale), notifications: spacedLimiter(3000 * scale) }),
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          log(`GitHub rate limit on ${options.method} ${options.url}; retry ${retryCount + 1} in ${retryAfter}s`);
          return retryCount < retries;
        },
        onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          log(`GitHub secondary rate limit on ${options.method} ${options.url}; retry ${retryCount + 1} in ${retryAfter}s`);
          return retryCount < retries;
        },
      },
    },
    retry,
    throttling,
  );
  const repo = { owner: o.owner, repo: o.repo };
  return {
    async listComments(issueNumber) {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 });
      return comments.map((c) => ({ id: c.id, body: c.body ?? '' }));
    },
    async createComment(issueNumber, body) {
      const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
      return { id: data.id, body: data.body ?? body };
    },
    async updateComment(commentId, body) {
      await octokit.rest.issues.updateComment({ ...repo, comment_id: commentId, body });
    },
    async deleteComment(commentId) {
      try {
        await octokit.rest.issues.deleteComment({ ...repo, comment_id: commentId });
      } catch (err) {
        if (httpStatus(err) !== 404) throw err;
      }
    },
    async createCheckRun(run) {
      const { data } = await octokit.rest.checks.create({ ...repo, name: run.name, head_sha: run.headSha, status: 'completed', conclusion: run.conclusion, output: run.output });
      return { id: data.id };
    },
    async updateCheckRun(id, output) {
      await octokit.rest.checks.update({ ...repo, check_run_id: id, output });
    },
  };
}
