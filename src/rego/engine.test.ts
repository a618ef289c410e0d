import { describe, expect, it } from 'vitest';
import { compile } from './index.js';
import { RegoErrors, type ErrorCode } from './errors.js';
import { fromJSON, toJSON } from './value.js';

const mod = (text: string) => [{ file: 'p.rego', text }];
const run = (text: string, query: string, input?: unknown) =>
  compile(mod(text)).query(query, { input: input === undefined ? undefined : fromJSON(input) }).map((row) => Object.fromEntries([...row].map(([k, v]) => [k, toJSON(v)])));

function errorOf(fn: () => unknown): { code: ErrorCode; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof RegoErrors) return { code: e.code, message: e.message };
    if (e instanceof Error && 'code' in e) return { code: (e as { code: ErrorCode }).code, message: e.message };
    throw e;
  }
  throw new Error('expected an error');
}

describe('evaluation', () => {
  it.each([
    ['partial set over input', 'package p\ndeny contains n if { some r in input.rs; not r.ok; n := r.name }', 'x = data.p.deny', { rs: [{ name: 'a' }, { name: 'b', ok: true }] }, [{ x: ['a'] }]],
    ['partial object', 'package p\nm[k] := v if { some k, v in {"a": 1, "b": 2}; v > 1 }', 'x = data.p.m', undefined, [{ x: { b: 2 } }]],
    ['ref head rule', 'package p\na.b[k].c := 1 if { some k in ["x", "y"] }', 'x = data.p.a', undefined, [{ x: { b: { x: { c: 1 }, y: { c: 1 } } } }]],
    ['else chain', 'package p\nf(x) := "big" if { x > 10 } else := "small"', 'a := data.p.f(20); b := data.p.f(1)', undefined, [{ a: 'big', b: 'small' }]],
    ['default', 'package p\ndefault allow := false\nallow if input.admin', 'x = data.p.allow', { admin: false }, [{ x: false }]],
    ['every', 'package p\nok if { every x in input.xs { x > 0 } }', 'x = data.p.ok', { xs: [1, 2] }, [{ x: true }]],
    ['every fails', 'package p\nok if { every x in input.xs { x > 0 } }', 'x = data.p.ok', { xs: [1, -2] }, []],
    ['with input and function mock', 'package p\nf(x) := x + 1\ng := f(1)\nt if { g == 5 with f as 5 }', 'x = data.p.t', undefined, [{ x: true }]],
    ['comprehension closes over outer vars', 'package p\nr := [y | some y in [1, 2, 3]; y > n] if { n := 1 }', 'x = data.p.r', undefined, [{ x: [2, 3] }]],
    ['body reordered for safety', 'package p\nr := y if { y := x + 1; x := 1 }', 'x = data.p.r', undefined, [{ x: 2 }]],
    ['unification of composites', 'package p\nr := [a, b] if { [a, {"k": b}] = [1, {"k": 2}] }', 'x = data.p.r', undefined, [{ x: [1, 2] }]],
    ['big integers stay exact', 'package p\nr := 9007199254740993 + 2', 'x = data.p.r', undefined, [{ x: 9007199254740995n }]],
    ['metadata', '# METADATA\n# title: T\n# custom:\n#   id: X-1\npackage p\n\n# METADATA\n# title: Rule\n# custom:\n#   severity: high\nr := rego.metadata.rule().custom.severity\nc := rego.metadata.chain()[1].annotations.custom.id', 'x = data.p.r; y = data.p.c', undefined, [{ x: 'high', y: 'X-1' }]],
  ])('%s', (_name, text, query, input, want) => {
    expect(run(text, query, input)).toEqual(want);
  });
});

describe('errors a policy author can act on', () => {
  it.each([
    ['parse', 'package p\nr := [1, 2', 'x = data.p.r', 'rego_parse_error', 'p.rego:2'],
    ['unsafe var', 'package p\nr if { x > 1 }', 'x = data.p.r', 'rego_unsafe_var_error', 'var x is unsafe'],
    ['undefined function', 'package p\nr := nope(1)', 'x = data.p.r', 'rego_type_error', 'undefined function nope'],
    ['arity', 'package p\nf(x) := x\nr := f(1, 2, 3)', 'x = data.p.r', 'rego_type_error', 'arity'],
    ['recursion', 'package p\na if b\nb if a', 'x = data.p.a', 'rego_recursion_error', 'recursive'],
    ['conflict', 'package p\nr := 1\nr := 2', 'x = data.p.r', 'eval_conflict_error', 'rule data.p.r produced conflicting values'],
    ['type error (strict)', 'package p\nr := 1 + input.s', 'x = data.p.r', 'eval_type_error', 'plus: operand 2 must be number but got string'],
  ] as [string, string, string, ErrorCode, string][])('%s', (_name, text, query, code, message) => {
    const err = errorOf(() => compile(mod(text)).query(query, { strictBuiltinErrors: true, input: fromJSON({ s: 'a' }) }));
    expect(err.code).toBe(code);
    expect(err.message).toContain(message);
  });
});
