/**
 * One tfguard comment per pull request and project, found by its hidden marker. Re-runs update it; two
 * runs racing each other may both create one, so after creating we list again and keep a single one.
 */
import type { CommentBehavior } from './inputs.js';
import type { GitHubApi, IssueComment } from './github-api.js';
import { parseMarker } from './marker.js';

export interface CommentRequest {
  issueNumber: number;
  project: string;
  /** The full body, marker first. */
  body: string;
  fingerprint: string;
  behavior: CommentBehavior;
}

export type CommentAction = 'created' | 'updated' | 'unchanged';

export interface CommentOutcome {
  action: CommentAction;
  commentId: number;
  /** Duplicates (older runs, lost races) that were removed. */
  deleted: number[];
}

export async function publishComment(api: GitHubApi, request: CommentRequest): Promise<CommentOutcome> {
  const ours = await projectComments(api, request);
  const [oldest] = ours;
  switch (request.behavior) {
    case 'new':
      return { action: 'created', commentId: (await api.createComment(request.issueNumber, request.body)).id, deleted: [] };
    case 'delete-and-new':
      return replaceWithNew(api, request);
    case 'on-change':
      if (oldest && parseMarker(oldest.body)?.fingerprint === request.fingerprint) {
        return { action: 'unchanged', commentId: oldest.id, deleted: await deleteAll(api, ours.slice(1)) };
      }
      // Something changed: a fresh comment, so reviewers are notified and it sits at the end of the thread.
      return replaceWithNew(api, request);
    case 'update':
      if (!oldest) return createSticky(api, request);
      if (oldest.body !== request.body) await api.updateComment(oldest.id, request.body);
      return { action: oldest.body === request.body ? 'unchanged' : 'updated', commentId: oldest.id, deleted: await deleteAll(api, ours.slice(1)) };
  }
}

/** This project's comments, oldest first (ids grow with creation time). */
async function projectComments(api: GitHubApi, request: CommentRequest): Promise<IssueComment[]> {
  const comments = await api.listComments(request.issueNumber);
  return comments.filter((c) => parseMarker(c.body)?.project === request.project).sort((a, b) => a.id - b.id);
}

/**
 * Creates the comment, then settles a race: if a concurrent run created one too, the oldest stays
 * (every racer agrees which one that is) and the newer ones go. If ours was not the oldest, our body
 * moves into the survivor, since this run may hold the newer result.
 */
async function createSticky(api: GitHubApi, request: CommentRequest): Promise<CommentOutcome> {
  const created = await api.createComment(request.issueNumber, request.body);
  const ours = await projectComments(api, request);
  const keeper = ours[0] ?? created;
  const deleted = await deleteAll(api, ours.filter((c) => c.id !== keeper.id));
  if (keeper.id === created.id) return { action: 'created', commentId: created.id, deleted };
  if (keeper.body !== request.body) await api.updateComment(keeper.id, request.body);
  return { action: 'updated', commentId: keeper.id, deleted };
}

/** Creates a new comment, then removes every other one of this project; racers agree to keep the newest. */
async function replaceWithNew(api: GitHubApi, request: CommentRequest): Promise<CommentOutcome> {
  const created = await api.createComment(request.issueNumber, request.body);
  const ours = await projectComments(api, request);
  const newest = ours.at(-1) ?? created;
  const keepId = Math.max(newest.id, created.id);
  return { action: 'created', commentId: keepId, deleted: await deleteAll(api, ours.filter((c) => c.id !== keepId)) };
}

async function deleteAll(api: GitHubApi, comments: IssueComment[]): Promise<number[]> {
  for (const c of comments) await api.deleteComment(c.id);
  return comments.map((c) => c.id);
}
