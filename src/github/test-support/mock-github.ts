/**
 * A local stand-in for GitHub's REST API (issue comments and check runs) for the Action's end-to-end
 * tests. Every request is checked against GitHub's published OpenAPI description (the operations in
 * fixtures/github/openapi-operations.json, extracted by scripts/extract-openapi.mjs): method and path,
 * path and query parameters, and the JSON body against the operation's schema. Anything that does not
 * match is recorded in `violations`; the tests require none.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { findRepoRoot } from '../../package-root.js';

interface OperationParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Record<string, unknown>;
}

interface Operation {
  operationId: string;
  method: string;
  path: string;
  parameters: OperationParameter[];
  requestBody?: { required: boolean; schema: Record<string, unknown> };
}

export interface RecordedRequest {
  method: string;
  /** Path without the API prefix and query, e.g. `/repos/o/r/check-runs`. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  operationId?: string;
  status: number;
}

/** Makes matching requests fail: `times` times, then they succeed again. */
export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  message: string;
  times: number;
}

export interface StoredComment {
  id: number;
  body: string;
}

export interface StoredCheckRun {
  id: number;
  name: string;
  head_sha: string;
  conclusion?: string;
  title?: string;
  annotations: unknown[];
}

export interface MockGitHub {
  /** The API base URL, GHES-style (`http://127.0.0.1:port/api/v3`), as GITHUB_API_URL would be. */
  apiUrl: string;
  requests: RecordedRequest[];
  violations: string[];
  comments: StoredComment[];
  checkRuns: StoredCheckRun[];
  faults: Fault[];
  close(): Promise<void>;
}

const API_PREFIX = '/api/v3';
const PAGE_SIZE_DEFAULT = 30;

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function loadOperations(): (Operation & { pattern: RegExp; validateBody?: ValidateFunction })[] {
  const root = findRepoRoot();
  if (!root) throw new Error('mock-github: repository root not found');
  const fixture = JSON.parse(readFileSync(join(root, 'fixtures/github/openapi-operations.json'), 'utf8')) as { operations: Operation[] };
  const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
  // OpenAPI's numeric formats, which JSON Schema's format vocabulary does not define.
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  return fixture.operations.map((op) => ({
    ...op,
    pattern: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
    ...(op.requestBody ? { validateBody: ajv.compile(op.requestBody.schema) } : {}),
  }));
}

export async function startMockGitHub(options: { owner: string; repo: string; firstCommentId?: number }): Promise<MockGitHub> {
  const operations = loadOperations();
  const state: MockGitHub = { apiUrl: '', requests: [], violations: [], comments: [], checkRuns: [], faults: [], close: () => Promise.resolve() };
  let nextCommentId = options.firstCommentId ?? 1000;
  let nextCheckRunId = 5000;

  const server = createServer((req, res) => {
    void readBody(req).then((raw) => handle(req, res, raw));
  });

  function handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const query = Object.fromEntries(url.searchParams);
    const record: RecordedRequest = { method, path, query, body: undefined, status: 0 };
    state.requests.push(record);
    const reply = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(data === undefined ? '' : JSON.stringify(data));
    };

    if (!url.pathname.startsWith(API_PREFIX)) state.violations.push(`${method} ${url.pathname}: not under the API base URL ${API_PREFIX}`);
    if (!/^(token|Bearer) \S+$/.test(req.headers.authorization ?? '')) state.violations.push(`${method} ${path}: no Authorization header`);
    const match = operations.map((op) => ({ op, m: op.method === method ? op.pattern.exec(path) : null })).find((x) => x.m);
    if (!match?.m) {
      state.violations.push(`${method} ${path}: no such operation in GitHub's OpenAPI description`);
      return reply(404, { message: 'Not Found' });
    }
    const { op } = match;
    record.operationId = op.operationId;
    const pathParams = Object.fromEntries(op.parameters.filter((p) => p.in === 'path').map((p, i) => [p.name, decodeURIComponent(match.m![i + 1])]));
    checkParameters(op, pathParams, query);
    record.body = checkBody(op, req, raw);

    const fault = state.faults.find((f) => f.times > 0 && f.method === method && f.path.test(path));
    if (fault) {
      fault.times--;
      return reply(fault.status, { message: fault.message, documentation_url: 'https://docs.github.com/rest' });
    }
    if (pathParams.owner !== options.owner || pathParams.repo !== options.repo) return reply(404, { message: 'Not Found' });
    route(op.operationId, pathParams, query, record.body as Record<string, unknown> | undefined, reply);
  }

  function checkParameters(op: Operation, pathParams: Record<string, string>, query: Record<string, string>): void {
    for (const p of op.parameters.filter((x) => x.in === 'path')) {
      if (p.schema.type === 'integer' && !/^\d+$/.test(pathParams[p.name] ?? '')) state.violations.push(`${op.operationId}: path parameter ${p.name}=${pathParams[p.name]} is not an integer`);
    }
    const declared = new Map(op.parameters.filter((x) => x.in === 'query').map((p) => [p.name, p]));
    for (const [name, value] of Object.entries(query)) {
      const p = declared.get(name);
      if (!p) state.violations.push(`${op.operationId}: undeclared query parameter ${name}`);
      else if (p.schema.type === 'integer' && !/^\d+$/.test(value)) state.violations.push(`${op.operationId}: query parameter ${name}=${value} is not an integer`);
    }
    for (const p of op.parameters.filter((x) => x.in === 'query' && x.required)) {
      if (!(p.name in query)) state.violations.push(`${op.operationId}: required query parameter ${p.name} missing`);
    }
  }

  function checkBody(op: Operation & { validateBody?: ValidateFunction }, req: IncomingMessage, raw: string): unknown {
    if (!op.requestBody) {
      if (raw.trim()) state.violations.push(`${op.operationId}: takes no request body, got ${raw.slice(0, 80)}`);
      return undefined;
    }
    if (!/^application\/json/.test(req.headers['content-type'] ?? '')) state.violations.push(`${op.operationId}: content-type ${req.headers['content-type']} is not application/json`);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      state.violations.push(`${op.operationId}: body is not JSON`);
      return undefined;
    }
    if (op.validateBody && !op.validateBody(body)) {
      for (const e of op.validateBody.errors ?? []) state.violations.push(`${op.operationId}: body${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
    }
    return body;
  }

  function route(operationId: string, params: Record<string, string>, query: Record<string, string>, body: Record<string, unknown> | undefined, reply: (status: number, data?: unknown, headers?: Record<string, string>) => void): void {
    const commentJson = (c: StoredComment) => ({ id: c.id, node_id: `IC_${c.id}`, body: c.body, user: { login: 'github-actions[bot]', type: 'Bot' }, html_url: `https://github.test/${options.owner}/${options.repo}/pull/1#issuecomment-${c.id}` });
    switch (operationId) {
      case 'issues/list-comments': {
        const perPage = Math.min(100, Number(query.per_page ?? PAGE_SIZE_DEFAULT));
        const page = Number(query.page ?? 1);
        const all = [...state.comments].sort((a, b) => a.id - b.id);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = {};
        if (page * perPage < all.length) {
          const next = new URL(`${state.apiUrl}/repos/${params.owner}/${params.repo}/issues/${params.issue_number}/comments`);
          next.searchParams.set('per_page', String(perPage));
          next.searchParams.set('page', String(page + 1));
          headers.link = `<${next.href}>; rel="next"`;
        }
        return reply(200, slice.map(commentJson), headers);
      }
      case 'issues/create-comment': {
        const comment = { id: nextCommentId++, body: typeof body?.body === 'string' ? body.body : '' };
        if (comment.body.length > 65_536) return reply(422, { message: 'Body is too long (maximum is 65536 characters)' });
        state.comments.push(comment);
        return reply(201, commentJson(comment));
      }
      case 'issues/update-comment': {
        const comment = state.comments.find((c) => c.id === Number(params.comment_id));
        if (!comment) return reply(404, { message: 'Not Found' });
        const text = typeof body?.body === 'string' ? body.body : '';
        if (text.length > 65_536) return reply(422, { message: 'Body is too long (maximum is 65536 characters)' });
        comment.body = text;
        return reply(200, commentJson(comment));
      }
      case 'issues/delete-comment': {
        const index = state.comments.findIndex((c) => c.id === Number(params.comment_id));
        if (index < 0) return reply(404, { message: 'Not Found' });
        state.comments.splice(index, 1);
        return reply(204);
      }
      case 'checks/create': {
        const output = (body?.output ?? {}) as { title?: string; annotations?: unknown[] };
        const run: StoredCheckRun = { id: nextCheckRunId++, name: String(body?.name), head_sha: String(body?.head_sha), conclusion: body?.conclusion as string | undefined, title: output.title, annotations: [...(output.annotations ?? [])] };
        state.checkRuns.push(run);
        return reply(201, { id: run.id, name: run.name, head_sha: run.head_sha, status: 'completed', conclusion: run.conclusion });
      }
      case 'checks/update': {
        const run = state.checkRuns.find((r) => r.id === Number(params.check_run_id));
        if (!run) return reply(404, { message: 'Not Found' });
        const output = (body?.output ?? {}) as { annotations?: unknown[] };
        run.annotations.push(...(output.annotations ?? []));
        return reply(200, { id: run.id, name: run.name, status: 'completed', conclusion: run.conclusion });
      }
      default:
        return reply(501, { message: `mock-github does not implement ${operationId}` });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.apiUrl = `http://127.0.0.1:${port}${API_PREFIX}`;
  state.close = () =>
    new Promise((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    });
  return state;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
