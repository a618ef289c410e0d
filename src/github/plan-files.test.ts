import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPlanPatterns, globRegExp } from './plan-files.js';

describe('plan globs', () => {
  it.each([
    ['*.json', 'plan.json', true],
    ['*.json', 'envs/plan.json', false],
    ['envs/*/plan.json', 'envs/prod/plan.json', true],
    ['envs/*/plan.json', 'envs/prod/eu/plan.json', false],
    ['**/plan.json', 'plan.json', true],
    ['**/plan.json', 'envs/prod/eu/plan.json', true],
    ['envs/**', 'envs/a/b.json', true],
    ['plan-?.json', 'plan-a.json', true],
    ['plan.json', 'planXjson', false],
  ])('%s matches %s: %s', (glob, path, expected) => {
    expect(globRegExp(glob).test(path)).toBe(expected);
  });

  it('expands in the workspace, sorted, without repeats; literal paths pass through', () => {
    const ws = mkdtempSync(join(tmpdir(), 'tfguard-glob-'));
    for (const dir of ['envs/prod', 'envs/dev', 'node_modules/x', 'envs/.terraform']) mkdirSync(join(ws, dir), { recursive: true });
    for (const file of ['envs/prod/plan.json', 'envs/dev/plan.json', 'node_modules/x/plan.json', 'envs/.terraform/plan.json', 'envs/prod/notes.txt']) writeFileSync(join(ws, file), '{}');
    expect(expandPlanPatterns(['**/plan.json', 'envs/dev/plan.json', 'literal.json'], ws)).toEqual(['envs/dev/plan.json', 'envs/prod/plan.json', 'literal.json']);
    expect(() => expandPlanPatterns(['nothing/*.json'], ws)).toThrow('input plan: no file matches nothing/*.json');
  });
});
