#!/usr/bin/env node
/**
 * Extracts the few GitHub REST operations the Action calls from GitHub's published OpenAPI description
 * (the `@octokit/openapi` package, ~400 MB, deliberately not a dependency) into a small committed fixture
 * that the end-to-end test validates every request against.
 *
 *   npm install --prefix /tmp/oa @octokit/openapi
 *   node scripts/extract-openapi.mjs /tmp/oa/node_modules/@octokit/openapi
 *
 * Writes fixtures/github/openapi-operations.json. Re-run it when GitHub's API description changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every REST operation src/github/ sends. Add to this list when the Action starts calling a new endpoint. */
const OPERATION_IDS = [
  'issues/list-comments',
  'issues/create-comment',
  'issues/update-comment',
  'issues/delete-comment',
  'checks/create',
  'checks/update',
];

/** Documentation-only keys: dropped so the fixture stays small and diffs stay meaningful. */
const DOC_KEYS = new Set(['description', 'summary', 'example', 'examples', 'externalDocs', 'title', 'x-github', 'x-octokit', 'deprecated']);

const packageDir = process.argv[2] ?? '/tmp/oa/node_modules/@octokit/openapi';
const specFile = join(packageDir, 'generated', 'api.github.com.deref.json');
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(repoRoot, 'fixtures', 'github', 'openapi-operations.json');

const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const spec = JSON.parse(readFileSync(specFile, 'utf8'));

/** Drops documentation keys everywhere, except inside `properties`, whose keys are field names. */
function stripDocs(node) {
  if (Array.isArray(node)) return node.map(stripDocs);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, stripDocs(schema)]));
    else if (!DOC_KEYS.has(key)) out[key] = stripDocs(value);
  }
  return out;
}

const found = new Map();
for (const [path, item] of Object.entries(spec.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (!OPERATION_IDS.includes(op?.operationId)) continue;
    const body = op.requestBody?.content?.['application/json'];
    found.set(op.operationId, {
      operationId: op.operationId,
      method: method.toUpperCase(),
      path,
      parameters: (op.parameters ?? []).map((p) => stripDocs({ name: p.name, in: p.in, required: p.required ?? false, schema: p.schema })),
      ...(body ? { requestBody: { required: op.requestBody.required ?? false, schema: stripDocs(body.schema) } } : {}),
      responses: Object.keys(op.responses ?? {}),
    });
  }
}
const missing = OPERATION_IDS.filter((id) => !found.has(id));
if (missing.length) {
  console.error(`extract-openapi: not in ${specFile}: ${missing.join(', ')}`);
  process.exit(1);
}

const fixture = {
  source: { package: pkg.name, version: pkg.version, file: 'generated/api.github.com.deref.json', openapi: spec.openapi, apiVersion: spec.info?.version },
  operations: OPERATION_IDS.map((id) => found.get(id)),
};
writeFileSync(outFile, JSON.stringify(fixture, null, 2) + '\n');
console.log(`extract-openapi: ${fixture.operations.length} operations from ${pkg.name}@${pkg.version} → ${outFile}`);
