/** Shared by the builtin families' tests: a context and a caller that checks arity. */
import { expect } from 'vitest';
import { toRegoString, type Value } from '../value.js';
import type { BuiltinContext, BuiltinDef } from './builtin.js';

export function testContext(overrides: Partial<BuiltinContext> = {}): BuiltinContext {
  return { nowNs: 0n, cache: new Map(), print: () => undefined, ...overrides };
}

/** `call('count', [1, 2])` runs a builtin of the family by name, checking its declared arity. */
export function builtinCaller(family: readonly BuiltinDef[], ctx: BuiltinContext = testContext()) {
  return (name: string, ...args: Value[]): Value | undefined => {
    const def = family.find((b) => b.name === name);
    if (!def) throw new Error(`no builtin ${name}`);
    expect(def.arity).toBe(args.length);
    return def.fn(args, ctx);
  };
}

/** A test title that reads like the call: `count([1, 2])`. */
export const callTitle = (name: string, args: Value[]): string => `${name}(${args.map(toRegoString).join(', ')})`;
