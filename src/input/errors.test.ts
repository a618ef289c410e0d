import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, discoverDocuments, loadDocument } from './index.js';
import { INPUT_FIXTURES, useScratchDirs } from './test-support.js';

const scratchDir = useScratchDirs();

const bad = (name: string): string => join(INPUT_FIXTURES, 'bad', name);

async function loadError(path: string): Promise<InputError> {
  try {
    await loadDocument(path);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`${path} loaded, expected an InputError`);
}

describe('bad inputs give one clear line', () => {
  it.each([
    ['truncated.json', 'invalid JSON at line 5, column 36: unexpected end of input'],
    ['array.json', 'not a Terraform plan or state: expected an object with "format_version", found a JSON array'],
    ['not-terraform.json', 'not a Terraform plan or state: expected an object with "format_version", found an object with keys "name", "version", "scripts"'],
    ['format-2.json', 'unsupported format_version "2.0": tfguard reads Terraform JSON format 0.x and 1.x; a new major version is not backward-compatible'],
    ['empty.json', 'empty file, expected a Terraform plan or state in JSON'],
    ['raw-tfstate.json', 'not a Terraform plan or state: this is a raw state file (terraform.tfstate); convert it with `terraform show -json > state.json`'],
    ['wrong-shape.json', 'not a valid Terraform plan: resource_changes[0].change.actions must be array'],
    ['no-such-file.json', 'no such file or directory'],
  ])('%s', async (name, message) => {
    const error = await loadError(bad(name));
    expect(error.message).toBe(`${bad(name)}: ${message}`);
    expect(error.message).not.toContain('\n');
  });

  const scratch = scratchDir('tfguard-input-');
  const write = (name: string, content: string | Buffer): string => {
    const path = join(scratch, name);
    writeFileSync(path, content);
    return path;
  };

  it.each([
    ['binary garbage', Buffer.from([0x00, 0x9f, 0x92, 0x96, 0xff, 0x10, 0x00]), 'not a text file: found binary data, expected a Terraform plan or state in JSON'],
    ['a binary plan file', Buffer.from('PK\u0003\u0004rest-of-zip'), 'this is a binary Terraform plan file; convert it first with `terraform show -json <planfile> > plan.json`'],
    ['whitespace only', '  \n\t\n', 'empty file, expected a Terraform plan or state in JSON'],
    ['a JSON string', '"hello"', 'not a Terraform plan or state: expected an object with "format_version", found a string'],
    ['null', 'null', 'not a Terraform plan or state: expected an object with "format_version", found null'],
    ['a numeric format_version', '{"format_version": 1.2}', 'not a Terraform plan or state: expected "format_version" to be a string like "1.2", found a number'],
    ['providers schema output', '{"format_version": "1.0", "provider_schemas": {}}', 'not a Terraform plan or state: this is `terraform providers schema -json` output'],
    ['a trailing comma', '{"format_version": "1.2",\n  "planned_values": {},\n}', 'invalid JSON at line 3, column 1: expected a string key, found "}"'],
    ['text after the value', '{"format_version": "1.2"} extra', 'invalid JSON at line 1, column 27: unexpected "e" after the end of the JSON value'],
  ])('%s', async (name, content, message) => {
    const path = write(`${name.replace(/\W+/g, '-')}.json`, content);
    expect((await loadError(path)).message).toBe(`${path}: ${message}`);
  });

  it('a directory passed as a document', async () => {
    expect((await loadError(scratch)).message).toBe(`${scratch}: is a directory, expected a JSON file`);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file', async () => {
    const path = write('unreadable.json', '{"format_version":"1.0"}');
    chmodSync(path, 0o000);
    expect((await loadError(path)).message).toBe(`${path}: cannot read file: permission denied`);
  });
});

describe('discoverDocuments', () => {
  const root = scratchDir('tfguard-discover-');
  mkdirSync(join(root, 'plans'));
  mkdirSync(join(root, 'empty'));
  for (const name of ['b.json', 'a.json', 'notes.txt']) writeFileSync(join(root, 'plans', name), '{}');

  it('keeps files as given and expands directories to their sorted .json files', async () => {
    const file = join(root, 'plans', 'b.json');
    expect(await discoverDocuments([file, join(root, 'plans')])).toEqual([file, join(root, 'plans', 'a.json')]);
  });

  it('refuses a directory without JSON files', async () => {
    await expect(discoverDocuments([join(root, 'empty')])).rejects.toThrow(
      new InputError('directory contains no .json files (expected Terraform plan or state JSON)', join(root, 'empty')),
    );
  });

  it('refuses a missing path', async () => {
    await expect(discoverDocuments([join(root, 'nope')])).rejects.toThrow(`${join(root, 'nope')}: no such file or directory`);
  });
});

describe('encodings', () => {
  const plan = readFileSync(join(INPUT_FIXTURES, 'plan-regions.json'), 'utf8');
  const scratch = scratchDir('tfguard-enc-');
  const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

  it.each([
    ['utf8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(plan, 'utf8')])],
    ['utf16le-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(plan, 'utf16le')])],
    ['utf16be-bom', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(plan)])],
    ['utf16le-no-bom', Buffer.from(plan, 'utf16le')],
  ])('%s loads like UTF-8', async (name, bytes) => {
    const path = join(scratch, `${name}.json`);
    writeFileSync(path, bytes);
    const doc = await loadDocument(path);
    expect(doc.kind).toBe('plan');
    expect(doc.byAddress.get('aws_s3_bucket.eu')?.region).toBe('eu-west-1');
  });

  it.each([
    'bridgecrewio__checkov__parser_plan_encodings_tfplan_win_utf16.json',
    'bridgecrewio__checkov__runner_plan_with_utf_16_encoding_tfplan.json',
  ])('real UTF-16 file %s', async (name) => {
    const path = join('/work/shared/fixtures/real-plans', name);
    try {
      readFileSync(path);
    } catch {
      console.log(`skipping ${name}: absent`);
      return;
    }
    const doc = await loadDocument(path);
    expect(doc.resources.length).toBeGreaterThan(0);
  });
});
