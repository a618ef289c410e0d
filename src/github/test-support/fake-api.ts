/** An in-memory GitHubApi for unit tests: comments and check runs, with a log of the calls. */
import type { CheckRunOutput, GitHubApi, IssueComment } from '../github-api.js';

export class FakeGitHub implements GitHubApi {
  comments: IssueComment[] = [];
  checkRuns: { id: number; name: string; headSha: string; conclusion: string; outputs: CheckRunOutput[] }[] = [];
  calls: string[] = [];
  private nextId = 1;
  /** Runs before each call returns: lets a test interleave a concurrent run at an exact point. */
  onCall?: (call: string) => Promise<void> | void;

  private async record(call: string): Promise<void> {
    this.calls.push(call);
    await this.onCall?.(call);
  }

  async listComments(): Promise<IssueComment[]> {
    await this.record('list');
    return this.comments.map((c) => ({ ...c }));
  }
  async createComment(_issue: number, body: string): Promise<IssueComment> {
    const comment = { id: this.nextId++, body };
    this.comments.push(comment);
    await this.record(`create ${comment.id}`);
    return { ...comment };
  }
  async updateComment(id: number, body: string): Promise<void> {
    const comment = this.comments.find((c) => c.id === id);
    if (!comment) throw Object.assign(new Error('Not Found'), { status: 404 });
    comment.body = body;
    await this.record(`update ${id}`);
  }
  async deleteComment(id: number): Promise<void> {
    this.comments = this.comments.filter((c) => c.id !== id);
    await this.record(`delete ${id}`);
  }
  async createCheckRun(run: { name: string; headSha: string; conclusion: string; output: CheckRunOutput }): Promise<{ id: number }> {
    const id = this.nextId++;
    this.checkRuns.push({ id, name: run.name, headSha: run.headSha, conclusion: run.conclusion, outputs: [run.output] });
    await this.record(`check create ${id}`);
    return { id };
  }
  async updateCheckRun(id: number, output: CheckRunOutput): Promise<void> {
    this.checkRuns.find((r) => r.id === id)?.outputs.push(output);
    await this.record(`check update ${id}`);
  }
}
