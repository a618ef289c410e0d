import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from './index.js';
import { fileURLToPath } from 'node:url';

const INPUT_FIXTURES = fileURLToPath(new URL('../../fixtures/input/', import.meta.url));
const REAL_PLANS = '/work/shared/fixtures/real-plans/';

interface ManifestRow {
  file: string;
  formatVersion: string;
  isState: boolean;
  changeCount: number;
}

function readManifest(): ManifestRow[] {
  const lines = readFileSync(join(REAL_PLANS, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const cells = line.split('\t');
    const changes = cells[7] ?? '0';
    return { file: cells[0] ?? '', formatVersion: cells[5] ?? '', isState: changes.includes('state'), changeCount: parseInt(changes, 10) };
  });
}

const haveRealPlans = existsSync(join(REAL_PLANS, 'MANIFEST.tsv'));
if (!haveRealPlans) console.log(`skipping real-plan tests: ${REAL_PLANS} is absent`);

describe.skipIf(!haveRealPlans)('real plans and states from public repositories', () => {
  const rows = haveRealPlans ? readManifest() : [];

  it('the manifest lists every file of the folder', () => {
    const files = readdirSync(REAL_PLANS).filter((name) => name.endsWith('.json'));
    expect(rows.map((row) => row.file).sort()).toEqual(files.sort());
  });

  it.each(rows.map((row) => [row.file, row] as const))('%s', async (_name, row) => {
    const doc = await loadDocument(join(REAL_PLANS, row.file), { sourceDir: INPUT_FIXTURES });
    expect(doc.kind).toBe(row.isState ? 'state' : 'plan');
    expect(doc.formatVersion).toBe(row.formatVersion);
    if (row.changeCount > 0) {
      expect(doc.resources.length).toBeGreaterThanOrEqual(row.changeCount);
      expect(doc.resources.filter((r) => r.actions.length > 0)).toHaveLength(row.changeCount);
    }
    if (row.isState) expect(doc.resources.length).toBeGreaterThan(0);
    for (const resource of doc.resources) {
      expect(doc.byAddress.get(resource.address)?.address).toBe(resource.address);
      expect(resource.type).not.toBe('');
    }
  });
});

describe('newer plan fields', () => {
  it('loads forget actions, deferred changes, importing, moved and drift without tripping', async () => {
    const doc = await loadDocument(join(INPUT_FIXTURES, 'plan-newer-fields.json'));
    expect(doc.kind).toBe('plan');
    const actions = Object.fromEntries(doc.resources.map((r) => [r.address, r.actions]));
    expect(actions).toEqual({
      'aws_s3_bucket.forgotten': ['forget'],
      'aws_s3_bucket.replaced_and_forgotten': ['create', 'forget'],
      'aws_s3_bucket.imported': ['no-op'],
      'aws_s3_bucket.renamed': ['no-op'],
      'aws_instance.web': ['create'],
    });
    expect(doc.resources).toHaveLength(6);
    expect(doc.byAddress.get('aws_instance.web')?.actions).toEqual(['create']);
    expect(doc.byAddress.get('aws_s3_bucket.imported')?.region).toBe('eu-central-1');
    expect(doc.raw.a_field_from_the_future).toEqual({ anything: [1, 2, 3] });
  });
});

describe('states', () => {
  it('indexes root and nested child modules', async () => {
    const doc = await loadDocument(join(INPUT_FIXTURES, 'state-modules.json'));
    expect(doc.kind).toBe('state');
    expect(doc.terraformVersion).toBe('1.9.5');
    expect(doc.resources.map((r) => [r.address, r.module, r.mode, r.actions.length])).toEqual([
      ['aws_s3_bucket.a', '', 'managed', 0],
      ['module.net.aws_vpc.this[0]', 'module.net', 'managed', 0],
      ['module.net.module.subnets["a.b"].data.aws_region.current', 'module.net.module.subnets["a.b"]', 'data', 0],
    ]);
    expect(doc.byAddress.get('aws_s3_bucket.a')?.region).toBe('us-east-1');
  });
});
