import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { toRegoString } from '../value.js';
import type { BuiltinContext } from './builtin.js';
import { builtins } from './uuid.js';

const newContext = (): BuiltinContext => ({ nowNs: 0n, cache: new Map(), print: () => undefined });

function call(name: string, ctx: BuiltinContext, ...args: Value[]): Value | undefined {
  const def = builtins.find((b) => b.name === name);
  if (!def) throw new Error(`no builtin ${name}`);
  return def.fn(args, ctx);
}

describe('uuid.rfc4122', () => {
  it('is a version 4 UUID, stable per key within a query', () => {
    const ctx = newContext();
    const first = call('uuid.rfc4122', ctx, 'key');
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(call('uuid.rfc4122', ctx, 'key')).toBe(first);
    expect(call('uuid.rfc4122', ctx, 'other')).not.toBe(first);
    expect(call('uuid.rfc4122', newContext(), 'key')).not.toBe(first);
  });

  it('is marked nondeterministic', () => {
    expect(builtins.find((b) => b.name === 'uuid.rfc4122')?.nondeterministic).toBe(true);
  });
});

describe('uuid.parse', () => {
  const v2 =
    '{"clocksequence": 12800, "domain": "Person", "id": 1000, "macvariables": "local:unicast", "nodeid": "32-50-96-b3-9f-47", "time": 1693566990121469600, "variant": "RFC4122", "version": 2}';
  it.each<[string, string]>([
    ['00000000-0000-4000-8000-000000000000', '{"variant": "RFC4122", "version": 4}'],
    ['{00000000-0000-4000-8000-000000000000}', '{"variant": "RFC4122", "version": 4}'],
    ['6bea8ef2d3d33cd184e09bab06a52ece', '{"variant": "RFC4122", "version": 3}'],
    ['38074DA4-0B00-388D-9C3C-362DE965547A', '{"variant": "RFC4122", "version": 3}'],
    ['000003e8-48b9-21ee-b200-325096b39f47', v2],
    ['urn:uuid:000003e8-48b9-21ee-b200-325096b39f47', v2],
    ['00000000-0000-4000-c000-000000000000', '{"variant": "Microsoft", "version": 4}'],
  ])('%s', (input, expected) => {
    expect(toRegoString(call('uuid.parse', newContext(), input)!)).toBe(expected);
  });

  it.each(['', 'not-a-uuid', '00000000-0000-4000-8000-00000000000g', '00000000x0000-4000-8000-000000000000'])('%j is undefined', (input) => {
    expect(call('uuid.parse', newContext(), input)).toBeUndefined();
  });
});
