import { describe, expect, it } from 'vitest';
import { publishComment, type CommentRequest } from './sticky-comment.js';
import { renderMarker } from './marker.js';
import { FakeGitHub } from './test-support/fake-api.js';
import type { CommentBehavior } from './inputs.js';

const body = (project: string, fingerprint: string, text = 'report') => `${renderMarker({ project, fingerprint })}\n${text}`;
const request = (behavior: CommentBehavior, fingerprint = 'aaaa', text = 'report', project = 'infra'): CommentRequest => ({ issueNumber: 7, project, body: body(project, fingerprint, text), fingerprint, behavior });

function seeded(...bodies: string[]): FakeGitHub {
  const api = new FakeGitHub();
  for (const b of bodies) void api.createComment(7, b);
  api.calls = [];
  return api;
}

describe('sticky comment', () => {
  it('update: creates one, then edits it in place; an identical body is left alone', async () => {
    const api = new FakeGitHub();
    expect(await publishComment(api, request('update'))).toEqual({ action: 'created', commentId: 1, deleted: [] });
    expect(await publishComment(api, request('update', 'bbbb', 'new report'))).toEqual({ action: 'updated', commentId: 1, deleted: [] });
    expect(await publishComment(api, request('update', 'bbbb', 'new report'))).toMatchObject({ action: 'unchanged', commentId: 1 });
    expect(api.comments).toEqual([{ id: 1, body: body('infra', 'bbbb', 'new report') }]);
  });

  it('update: keeps the oldest of several and removes the others; other projects and quotes are not touched', async () => {
    const api = seeded('LGTM', body('infra', 'x'), body('other', 'x'), `> ${body('infra', 'x')}`, body('infra', 'y'));
    const outcome = await publishComment(api, request('update'));
    expect(outcome).toEqual({ action: 'updated', commentId: 2, deleted: [5] });
    expect(api.comments.map((c) => c.id)).toEqual([1, 2, 3, 4]);
  });

  it('update: two runs racing to create leave one comment, holding a result', async () => {
    const api = new FakeGitHub();
    let second: Promise<unknown> | undefined;
    // The second run starts right after the first has listed (and found nothing), and lists too.
    api.onCall = async (call) => {
      if (call !== 'list' || second) return;
      second = Promise.resolve().then(() => publishComment(api, request('update', 'bbbb', 'second')));
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    const first = await publishComment(api, request('update', 'aaaa', 'first'));
    await second;
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0].id).toBe(first.commentId);
    expect(['first', 'second']).toContain(api.comments[0].body.split('\n')[1]);
  });

  it('new: a comment per run', async () => {
    const api = seeded(body('infra', 'x'));
    expect(await publishComment(api, request('new'))).toMatchObject({ action: 'created', commentId: 2 });
    expect(api.comments).toHaveLength(2);
  });

  it('delete-and-new: replaces every earlier comment of the project', async () => {
    const api = seeded(body('infra', 'x'), body('other', 'x'), body('infra', 'y'));
    expect(await publishComment(api, request('delete-and-new'))).toEqual({ action: 'created', commentId: 4, deleted: [1, 3] });
    expect(api.comments.map((c) => c.id)).toEqual([2, 4]);
  });

  it('on-change: nothing when the fingerprint is the same, a fresh comment when it changed', async () => {
    const api = seeded(body('infra', 'aaaa'));
    expect(await publishComment(api, request('on-change', 'aaaa', 'new commit links'))).toEqual({ action: 'unchanged', commentId: 1, deleted: [] });
    expect(api.calls).toEqual(['list']);
    expect(await publishComment(api, request('on-change', 'bbbb'))).toEqual({ action: 'created', commentId: 2, deleted: [1] });
    expect(api.comments.map((c) => c.id)).toEqual([2]);
  });
});
