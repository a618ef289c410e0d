import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from '../rego/value.js';
import { loadData, loadPolicyPaths, readDocument } from './load.js';

describe('loading files', () => {
  const root = mkdtempSync(join(tmpdir(), 'tfguard-load-'));
  const at = (...parts: string[]): string => join(root, ...parts);

  beforeAll(() => {
    mkdirSync(at('policies', 'nested'), { recursive: true });
    mkdirSync(at('empty'));
    writeFileSync(at('policies', 'b.rego'), 'package b');
    writeFileSync(at('policies', 'nested', 'a.rego'), 'package a');
    writeFileSync(at('policies', 'notes.txt'), 'ignored');
    writeFileSync(at('data1.json'), '{"a": {"x": 1}}');
    writeFileSync(at('data2.yaml'), 'a:\n  y: 2\nb: true\n');
    writeFileSync(at('conflict.json'), '{"a": {"x": 3}}');
    writeFileSync(at('list.json'), '[1]');
    writeFileSync(at('bad.json'), '{\n  "a": 1,\n  }');
    writeFileSync(at('policy.txt'), '');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds .rego files recursively, sorted, and sorts out data files', () => {
    const loaded = loadPolicyPaths([at('policies'), at('data1.json')]);
    expect(loaded.sources.map((s) => s.file)).toEqual([at('policies', 'b.rego'), at('policies', 'nested', 'a.rego')]);
    expect(loaded.dataFiles).toEqual([at('data1.json')]);
  });

  it('reports missing paths, empty directories and unknown file types in one line', () => {
    expect(() => loadPolicyPaths([at('nope.rego')])).toThrow(`${at('nope.rego')}: no such file or directory`);
    expect(() => loadPolicyPaths([at('empty')])).toThrow(`${at('empty')}: no .rego files found`);
    expect(() => loadPolicyPaths([at('policy.txt')])).toThrow(/unsupported file type/);
  });

  it.runIf(process.getuid?.() !== 0)('reports unreadable files', () => {
    writeFileSync(at('secret.rego'), 'package s');
    chmodSync(at('secret.rego'), 0o000);
    expect(() => loadPolicyPaths([at('secret.rego')])).toThrow(`${at('secret.rego')}: permission denied`);
  });

  it('merges JSON and YAML data deeply', () => {
    expect(stringify(loadData([at('data1.json'), at('data2.yaml')]))).toBe('{"a":{"x":1,"y":2},"b":true}');
  });

  it('rejects conflicting or non-object data', () => {
    expect(() => loadData([at('data1.json'), at('conflict.json')])).toThrow(`${at('conflict.json')}: data conflict at a.x`);
    expect(() => loadData([at('list.json')])).toThrow(/data must be an object/);
  });

  it('names the file of a malformed JSON document', () => {
    expect(() => readDocument(at('bad.json'))).toThrow(`${at('bad.json')}:3:3: invalid JSON: Expected double-quoted property name`);
  });
});
