import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from './index.js';
import { INPUT_FIXTURES, useScratchDirs } from './test-support.js';

const scratchDir = useScratchDirs();

const sourceDir = join(INPUT_FIXTURES, 'src');
const shown = (...parts: string[]): string => relative(process.cwd(), join(sourceDir, ...parts)).split('\\').join('/');

describe('source locations', () => {
  it('finds resource and data blocks in the root module and in a local child module', async () => {
    const doc = await loadDocument(join(INPUT_FIXTURES, 'plan-source.json'), { sourceDir });
    const at = (address: string): unknown => doc.byAddress.get(address)?.source;
    expect(at('aws_s3_bucket.logs')).toEqual({ file: shown('main.tf'), line: 6, column: 1 });
    expect(at('aws_s3_bucket.indented')).toEqual({ file: shown('main.tf'), line: 17, column: 3 });
    expect(at('data.aws_caller_identity.me')).toEqual({ file: shown('main.tf'), line: 10, column: 1 });
    expect(at('module.x[0].aws_sqs_queue.q')).toEqual({ file: shown('modules', 'x', 'main.tf'), line: 6, column: 1 });
  });

  it('leaves resources without a block, or in remote modules, without a location', async () => {
    const doc = await loadDocument(join(INPUT_FIXTURES, 'plan-source.json'), { sourceDir });
    expect(doc.byAddress.get('module.x[0].aws_sqs_queue.not_in_source')?.source).toBeUndefined();
    expect(doc.byAddress.get('module.remote.aws_vpc.this')?.source).toBeUndefined();
  });

  it('gives no locations when the source directory does not exist', async () => {
    const doc = await loadDocument(join(INPUT_FIXTURES, 'plan-source.json'), { sourceDir: join(INPUT_FIXTURES, 'no-such-dir') });
    expect(doc.resources.every((r) => r.source === undefined)).toBe(true);
  });

  it('finds registry modules through .terraform/modules/modules.json', async () => {
    const dir = scratchDir('tfguard-src-');
    mkdirSync(join(dir, '.terraform', 'modules', 'remote'), { recursive: true });
    writeFileSync(join(dir, '.terraform', 'modules', 'modules.json'), JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'remote', Source: 'registry.terraform.io/terraform-aws-modules/vpc/aws', Dir: '.terraform/modules/remote' }] }));
    writeFileSync(join(dir, '.terraform', 'modules', 'remote', 'main.tf'), '\n\nresource "aws_vpc" "this" {\n}\n');
    const doc = await loadDocument(join(INPUT_FIXTURES, 'plan-source.json'), { sourceDir: dir });
    expect(doc.byAddress.get('module.remote.aws_vpc.this')?.source?.line).toBe(3);
    expect(doc.byAddress.get('module.remote.aws_vpc.this')?.source?.file).toMatch(/\.terraform\/modules\/remote\/main\.tf$/);
  });

  it('still finds blocks that follow a syntax error', async () => {
    const dir = scratchDir('tfguard-src-');
    writeFileSync(join(dir, 'main.tf'), 'resource "aws_s3_bucket" "logs" {\n  bucket = \n}\n\nresource "aws_s3_bucket" "indented" {\n  bucket = "x"\n}\n');
    const doc = await loadDocument(join(INPUT_FIXTURES, 'plan-source.json'), { sourceDir: dir });
    expect(doc.byAddress.get('aws_s3_bucket.logs')?.source?.line).toBe(1);
    expect(doc.byAddress.get('aws_s3_bucket.indented')?.source?.line).toBe(5);
  });
});
