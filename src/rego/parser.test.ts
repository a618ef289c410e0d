import { describe, expect, it } from 'vitest';
import type { Expr, Rule, Term } from './ast.js';
import { RegoErrors } from './errors.js';
import { parseModule, parseQuery, parseTerm } from './parser.js';

/** A compact, unambiguous rendering of the AST so tables stay readable: calls as `op(args)`, refs as `h[p]`. */
function show(t: Term | undefined): string {
  if (t === undefined) return '∅';
  switch (t.type) {
    case 'null':
      return 'null';
    case 'boolean':
      return String(t.value);
    case 'number':
      return t.text;
    case 'string':
      return JSON.stringify(t.value);
    case 'var':
      return t.name;
    case 'ref':
      return show(t.head) + t.path.map((p) => `[${show(p)}]`).join('');
    case 'call':
      return `${show(t.operator)}(${t.args.map(show).join(', ')})`;
    case 'array':
      return `[${t.items.map(show).join(', ')}]`;
    case 'set':
      return `set{${t.items.map(show).join(', ')}}`;
    case 'object':
      return `{${t.entries.map(([k, v]) => `${show(k)}: ${show(v)}`).join(', ')}}`;
    case 'arraycomp':
      return `[${show(t.term)} | ${showBody(t.body)}]`;
    case 'setcomp':
      return `set{${show(t.term)} | ${showBody(t.body)}}`;
    case 'objectcomp':
      return `{${show(t.key)}: ${show(t.value)} | ${showBody(t.body)}}`;
    case 'template':
      return `$<${t.parts.map((p) => (typeof p === 'string' ? JSON.stringify(p) : `{${show(p)}}`)).join(' ')}>`;
  }
}

function showExpr(e: Expr): string {
  let out = e.negated ? 'not ' : '';
  if (e.kind === 'term') out += show(e.term);
  else if (e.kind === 'some') out += `some ${e.vars.map(show).join(', ')}${e.domain ? ` in ${show(e.domain)}` : ''}`;
  else out += `every ${e.key ? `${show(e.key)}, ` : ''}${show(e.value)} in ${show(e.domain)} { ${showBody(e.body)} }`;
  return out + e.with.map((w) => ` with ${show(w.target)} as ${show(w.value)}`).join('');
}

function showBody(body: Expr[]): string {
  return body.map(showExpr).join('; ');
}

function showRule(r: Rule): string {
  const h = r.head;
  let out = `${r.isDefault ? 'default ' : ''}${h.name}${h.path.map((p) => `[${show(p)}]`).join('')}`;
  if (h.args) out += `(${h.args.map(show).join(', ')})`;
  if (h.key) out += ` contains ${show(h.key)}`;
  if (h.value) out += `${h.assign ? ' :=' : ' ='} ${show(h.value)}`;
  out += ` { ${showBody(r.body)} }`;
  if (r.else) out += ` else${showRule(r.else).slice(r.else.head.name.length)}`;
  return out;
}

const rulesOf = (src: string): string[] => parseModule(`package t\n${src}`, 't.rego').rules.map(showRule);

function parseError(run: () => unknown): { detail: string; row?: number; col?: number } {
  try {
    run();
  } catch (err) {
    if (!(err instanceof RegoErrors)) throw err;
    const e = err.errors[0];
    expect(e.code).toBe('rego_parse_error');
    return { detail: e.detail, row: e.location?.row, col: e.location?.col };
  }
  throw new Error('expected a parse error');
}

describe('parseQuery: expressions and operator precedence', () => {
  it.each([
    ['data.test.p = x', 'eq(data["test"]["p"], x)'],
    ['x := 1', 'assign(x, 1)'],
    ['x == y', 'equal(x, y)'],
    ['a != b; a < b; a <= b; a > b; a >= b', 'neq(a, b); lt(a, b); lte(a, b); gt(a, b); gte(a, b)'],
    ['1 + 2 * 3 - 4', 'minus(plus(1, mul(2, 3)), 4)'],
    ['a / b % c', 'rem(div(a, b), c)'],
    ['(1 + 2) * 3', 'mul(plus(1, 2), 3)'],
    ['a | b & c', 'or(a, and(b, c))'],
    ['a + b == c | d', 'equal(plus(a, b), or(c, d))'],
    ['x = a + b', 'eq(x, plus(a, b))'],
    ['x := y == z', 'assign(x, equal(y, z))'],
    ['x in xs', 'internal["member_2"](x, xs)'],
    ['k, v in {"a": 1}', 'internal["member_3"](k, v, {"a": 1})'],
    ['y := x in xs', 'assign(y, internal["member_2"](x, xs))'],
    ['1 + 1 in xs', 'internal["member_2"](plus(1, 1), xs)'],
    ['a == b == c', 'equal(equal(a, b), c)'],
    ['f(x, [1, 2])', 'f(x, [1, 2])'],
    ['count(xs) > 0', 'gt(count(xs), 0)'],
    ['strings.replace_n({"a": "b"}, s)', 'strings["replace_n"]({"a": "b"}, s)'],
    ['data.lib.f(1)', 'data["lib"]["f"](1)'],
    ['f()', 'f()'],
    ['x - 1', 'minus(x, 1)'],
    ['x -1', 'minus(x, 1)'],
    ['x := -1', 'assign(x, -1)'],
    ['x := 1 - -1', 'assign(x, minus(1, -1))'],
    ['input', 'input'],
    ['data', 'data'],
    ['input.a[x].b', 'input["a"][x]["b"]'],
    ['f(x).y[0]', 'f(x)["y"][0]'],
    ['[1, 2][0]', '[1, 2][0]'],
    ['{"a": 1}.a', '{"a": 1}["a"]'],
    ['count([x | x := xs[_]])', 'count([x | assign(x, xs[$0])])'],
    ['input.not.x', 'input["not"]["x"]'],
  ])('%j', (src, want) => {
    expect(showBody(parseQuery(src))).toBe(want);
  });

  it('treats whitespace before [ or ( as ending the term', () => {
    expect(showBody(parseQuery('a [1]'))).toBe('a; [1]');
    expect(showBody(parseQuery('f (1)'))).toBe('f; 1');
    expect(parseError(() => parseModule('package a\np if { a [1] }', 't.rego')).detail).toBe('unexpected [ token: expected \\n or ; or }');
  });

  it('separates expressions by newlines, semicolons, or nothing (as OPA does at query level)', () => {
    expect(showBody(parseQuery('x = 1\n y = 2'))).toBe('eq(x, 1); eq(y, 2)');
    expect(showBody(parseQuery('x = 1; y = 2'))).toBe('eq(x, 1); eq(y, 2)');
    expect(showBody(parseQuery('x = 1 y = 2'))).toBe('eq(x, 1); eq(y, 2)');
  });

  it('continues expressions across newlines inside brackets', () => {
    expect(showBody(parseQuery('x := [1,\n 2]\ny := f(\n a,\n b\n)'))).toBe('assign(x, [1, 2]); assign(y, f(a, b))');
  });

  it('renames each wildcard to a distinct var', () => {
    expect(showBody(parseQuery('x[_] = y[_]'))).toBe('eq(x[$0], y[$1])');
  });
});

describe('parseQuery: some, every, not, with', () => {
  it.each([
    ['some x', 'some x'],
    ['some x, y', 'some x, y'],
    ['some x in xs', 'some x in xs'],
    ['some k, v in xs', 'some k, v in xs'],
    ['some [a, b] in xs', 'some [a, b] in xs'],
    ['some x\nx in xs', 'some x; internal["member_2"](x, xs)'],
    ['every x in xs { x > 0 }', 'every x in xs { gt(x, 0) }'],
    ['every k, v in xs { k; v }', 'every k, v in xs { k; v }'],
    ['not x', 'not x'],
    ['not f(x) == 1', 'not equal(f(x), 1)'],
    ['x with input as 1', 'x with input as 1'],
    ['f(x) with input.a as {"b": 1} with data.c as g', 'f(x) with input["a"] as {"b": 1} with data["c"] as g'],
    ['not x with input as 1', 'not x with input as 1'],
    ['some x in xs with input as 1', 'some x in xs with input as 1'],
    ['every x in xs { x } with input as 1', 'every x in xs { x } with input as 1'],
  ])('%j', (src, want) => {
    expect(showBody(parseQuery(src))).toBe(want);
  });
});

describe('parseTerm: scalars, composites and comprehensions', () => {
  it.each([
    ['null', 'null'],
    ['true', 'true'],
    ['false', 'false'],
    ['1.0', '1.0'],
    ['-1.5e3', '-1.5e3'],
    ['.5', '.5'],
    ['-.5', '-.5'],
    ['"a\\nb"', '"a\\nb"'],
    ['`raw\\n`', '"raw\\\\n"'],
    ['[]', '[]'],
    ['[1, 2,]', '[1, 2]'],
    ['[, 1]', '[1]'],
    ['{}', '{}'],
    ['{"a": 1, "b": [2],}', '{"a": 1, "b": [2]}'],
    ['{1: "x", [1]: 2}', '{1: "x", [1]: 2}'],
    ['{a + 1: b}', '{plus(a, 1): b}'],
    ['{1, 2}', 'set{1, 2}'],
    ['{"a"}', 'set{"a"}'],
    ['set()', 'set{}'],
    ['{set(), {1}}', 'set{set{}, set{1}}'],
    ['{1 + 2}', 'set{plus(1, 2)}'],
    ['[x | x = 1]', '[x | eq(x, 1)]'],
    ['{x | x = 1}', 'set{x | eq(x, 1)}'],
    ['{k: v | k = 1; v = 2}', '{k: v | eq(k, 1); eq(v, 2)}'],
    ['{a | b}', 'set{a | b}'],
    ['[a | b, c]', '[or(a, b), c]'],
    ['{a | b, c}', 'set{or(a, b), c}'],
    ['{"a": x | y}', '{"a": x | y}'],
    ['[x | x := [1,\n 2][_]\n x > 1]', '[x | assign(x, [1, 2][$0]); gt(x, 1)]'],
    ['$"a {x} b"', '$<"a " {x} " b">'],
    ['$"{1 + 2}"', '$<{plus(1, 2)}>'],
    ['$"\\{x}"', '$<"{x}">'],
    ['$"{$"{x}"}"', '$<{$<{x}>}>'],
    ['$"{ {1} } {{"a": 1}}"', '$<{set{1}} " " {{"a": 1}}>'],
    ['$`a\n{x}`', '$<"a\\n" {x}>'],
    ['$""', '$<>'],
  ])('%j', (src, want) => {
    expect(show(parseTerm(src))).toBe(want);
  });

  it('keeps number text and exact values', () => {
    expect(parseTerm('12345678901234567890')).toMatchObject({ type: 'number', value: 12345678901234567890n, text: '12345678901234567890' });
    expect(parseTerm('1e2')).toMatchObject({ type: 'number', value: 100, text: '1e2' });
    expect(parseTerm('-0.5')).toMatchObject({ type: 'number', value: -0.5 });
  });

  it('rejects expressions that are not terms', () => {
    expect(parseError(() => parseTerm('1 + 2')).detail).toBe('expected term but got an expression');
    expect(parseError(() => parseTerm('1; 2')).detail).toBe('expected exactly one term but got 2');
  });
});

describe('parseModule: rules', () => {
  it.each([
    ['p := 1', ['p := 1 {  }']],
    ['p = 1 if { true }', ['p = 1 { true }']],
    ['p if { x; y }', ['p { x; y }']],
    ['p if x > 1', ['p { gt(x, 1) }']],
    ['p if { true }', ['p { true }']],
    ['p if { {1} }', ['p { set{1} }']],
    ['p if {"a": 1}', ['p { {"a": 1} }']],
    ['p if every x in xs { x }', ['p { every x in xs { x } }']],
    ['default p := false', ['default p := false {  }']],
    ['default p = {"a": [1]}', ['default p = {"a": [1]} {  }']],
    ['default f(_) := 0', ['default f($0) := 0 {  }']],
    ['p contains x if { x := 1 }', ['p contains x { assign(x, 1) }']],
    ['p contains "a"', ['p contains "a" {  }']],
    ['a.b contains x if x := 1', ['a["b"] contains x { assign(x, 1) }']],
    ['p[k] := v if { k := 1; v := 2 }', ['p[k] := v { assign(k, 1); assign(v, 2) }']],
    ['a.b.c[x] := y if { x := 1; y := 2 }', ['a["b"]["c"][x] := y { assign(x, 1); assign(y, 2) }']],
    ['p["k"] := 1', ['p["k"] := 1 {  }']],
    ['a.b.c', ['a["b"]["c"] {  }']],
    ['a.b.c if true', ['a["b"]["c"] { true }']],
    ['f(x, y) := z if { z := x + y }', ['f(x, y) := z { assign(z, plus(x, y)) }']],
    ['f(x) if x > 0', ['f(x) { gt(x, 0) }']],
    ['f(x) := 1', ['f(x) := 1 {  }']],
    ['f(x)', ['f(x) {  }']],
    ['a.b.f(x) := x', ['a["b"]["f"](x) := x {  }']],
    ['p if {}', ['p { {} }']],
    ['f(_, [_, a]) if a', ['f($0, [$1, a]) { a }']],
    ['p := [x | x := 1]', ['p := [x | assign(x, 1)] {  }']],
    ['p := x + 1 if x := 1', ['p := plus(x, 1) { assign(x, 1) }']],
    ['p := 1\nq := 2', ['p := 1 {  }', 'q := 2 {  }']],
    ['p if { a } { b }', ['p { a }', 'p { b }']],
    ['contains.x := 1', ['contains["x"] := 1 {  }']],
  ])('%j', (src, want) => {
    expect(rulesOf(src)).toEqual(want);
  });

  it.each([
    ['p := 1 if { x } else := 2 if { y } else := 3', 'p := 1 { x } else := 2 { y } else := 3 {  }'],
    ['p := 1 if { x }\nelse := 2', 'p := 1 { x } else := 2 {  }'],
    ['p if { x } else if { y }', 'p { x } else { y }'],
    ['p if { x } else = false', 'p { x } else = false {  }'],
    ['p := 1 if x else := 2 if y', 'p := 1 { x } else := 2 { y }'],
    ['f(x) := 1 if { x } else := 2', 'f(x) := 1 { x } else(x) := 2 {  }'],
    ['f(_) := 1 if { true } else := 2', 'f($0) := 1 { true } else($1) := 2 {  }'],
  ])('else chain %j', (src, want) => {
    expect(rulesOf(src)).toEqual([want]);
  });

  it('parses a full module: package, imports, rules', () => {
    const m = parseModule(
      'package a["b"].c\n\nimport rego.v1\nimport future.keywords.in\nimport data.x.y as z\nimport input.foo\n\np := 1\n',
      'm.rego',
    );
    expect(m.package).toEqual(['a', 'b', 'c']);
    expect(m.packageLoc).toEqual({ file: 'm.rego', row: 1, col: 1 });
    expect(m.imports.map((i) => [show(i.path), i.alias])).toEqual([
      ['rego["v1"]', undefined],
      ['future["keywords"]["in"]', undefined],
      ['data["x"]["y"]', 'z'],
      ['input["foo"]', undefined],
    ]);
    expect(m.rules).toHaveLength(1);
  });

  it('accepts import rego.v2 and reads `not { body }` as an empty-comprehension test', () => {
    const m = parseModule('package a\nimport rego.v2\np if {\n  not { input.a; input.b }\n}', 'm.rego');
    expect(showRule(m.rules[0])).toBe('p { equal([true | input["a"]; input["b"]], []) }');
  });

  it('records locations and rule text', () => {
    const m = parseModule('package a\n\nf(x) := y if {\n\ty := x + 1\n} else := 0\n', 'm.rego');
    const rule = m.rules[0];
    expect(rule.loc).toEqual({ file: 'm.rego', row: 3, col: 1 });
    expect(rule.head.loc).toMatchObject({ row: 3, col: 1 });
    expect(rule.text).toBe('f(x) := y if {\n\ty := x + 1\n} else := 0');
    expect(rule.else?.loc).toMatchObject({ row: 5, col: 3 });
    expect(rule.else?.text).toBe('else := 0');
    const expr = rule.body[0];
    expect(expr.loc).toMatchObject({ row: 4, col: 2 });
    if (expr.kind !== 'term' || expr.term.type !== 'call') throw new Error('expected a call');
    expect(expr.term.args[1].loc).toMatchObject({ row: 4, col: 7 });
  });
});

describe('parseModule: METADATA annotations', () => {
  it('attaches blocks to the package and to rules, with default scopes', () => {
    const src = [
      '# METADATA',
      '# title: Package',
      'package a',
      '',
      '# METADATA',
      '# title: Deny',
      '# description: no public buckets',
      '# custom:',
      '#   id: S3_001',
      '#   severity: high',
      'deny contains msg if { msg := "x" }',
      '',
      '# METADATA',
      '# scope: document',
      '# authors:',
      '# - Jane Doe <jane@example.com>',
      '# related_resources:',
      '# - https://example.com',
      'allow := true',
    ].join('\n');
    const m = parseModule(src, 'm.rego');
    expect(m.packageAnnotations).toEqual([{ scope: 'package', fields: { title: 'Package' }, loc: { file: 'm.rego', row: 1, col: 1 } }]);
    expect(m.rules[0].annotations).toEqual([
      {
        scope: 'rule',
        fields: { title: 'Deny', description: 'no public buckets', custom: { id: 'S3_001', severity: 'high' } },
        loc: { file: 'm.rego', row: 5, col: 1 },
      },
    ]);
    expect(m.rules[1].annotations?.[0]).toMatchObject({
      scope: 'document',
      fields: { authors: [{ name: 'Jane Doe', email: 'jane@example.com' }], related_resources: [{ ref: 'https://example.com' }] },
    });
  });

  it('takes subpackages scope on the package', () => {
    const m = parseModule('# METADATA\n# scope: subpackages\n# title: all\npackage a', 'm.rego');
    expect(m.packageAnnotations[0]).toMatchObject({ scope: 'subpackages', fields: { title: 'all' } });
  });

  it.each([
    ['# METADATA\n# title: [unclosed\npackage a', 'yaml: Flow sequence in block collection must be sufficiently indented and end with a ]', 2],
    ['package a\n# METADATA\np := 1', 'expected METADATA block, found whitespace', 2],
    ['package a\n# METADATA\n# scope: package\np := 1', "annotation scope 'package' must be applied to package (have rule)", 2],
    ['# METADATA\n# scope: rule\npackage a', "annotation scope 'rule' must be applied to rule (have package)", 1],
    ['package a\n# METADATA\n# scope: everything\np := 1', "invalid annotation scope 'everything'. Use one of 'rule', 'document', 'package', 'subpackages'", 2],
    ['package a\n# METADATA\n# - a list\np := 1', 'yaml: METADATA block must be a mapping of fields (e.g. "title: ...")', 2],
  ])('error %#', (src, detail, row) => {
    expect(parseError(() => parseModule(src, 'm.rego'))).toMatchObject({ detail, row });
  });
});

describe('parse errors', () => {
  it.each([
    ['', 'empty module', 1, 1],
    ['p := 1', 'package expected', 1, 1],
    ['package a\npackage b', 'unexpected package', 2, 1],
    ['package a\np { true }', '`if` keyword is required before rule body', 2, 1],
    ['package a\nf(x) { true }', '`if` keyword is required before function body', 2, 1],
    ['package a\np := 1 if { x } else := 2 { y }', '`if` keyword is required before rule body', 2, 17],
    ['package a\np[x] if { x := 1 }\nq[x]', '`contains` keyword is required for partial set rules', 3, 1],
    ['package a\np', 'var cannot be used for rule name', 2, 1],
    ['package a\nf()', 'rule argument list must take at least one argument', 2, 1],
    ['package a\np if { x := }', 'unexpected } token: expected term', 2, 13],
    ['package a\np if {\n  x\n  y z\n}', 'unexpected identifier token: expected \\n or ; or }', 4, 5],
    ['package a\np if { x; }', 'unexpected } token: expected term', 2, 11],
    ['package a\np := [x | ]', 'found empty body', 2, 11],
    ['package a\np := [1, 2', 'unexpected eof token: expected "," or "]"', 2, 11],
    ['package a\np := {1, 2', 'unexpected eof token: expected "," or "}"', 2, 11],
    ['package a\np := {"a": 1 "b"}', 'unexpected string token: non-terminated object', 2, 14],
    ['package a\np := f(1 2)', 'unexpected number token: expected "," or ")"', 2, 10],
    ['package a\np := (1 + 2', 'non-terminated expression', 2, 12],
    ['package a\np := 01', 'unexpected number token: expected number without leading zero', 2, 6],
    ['package a\np := -x', 'unexpected identifier token: expected number', 2, 7],
    ['package a\np := "abc"[0]', 'illegal ref (head cannot be string)', 2, 6],
    ['package a\np := 1e999999', 'number too big', 2, 6],
    ['package a\nimport foo.bar', 'unexpected import path, must begin with one of: {data, future, input, rego}, got: foo', 2, 8],
    ['package a\nimport rego.v3', 'invalid import `rego.v3`, must be `rego.v1`', 2, 8],
    ['package a\nimport future.keywords.nope', 'unexpected keyword, must be one of [contains every if in]', 2, 8],
    ['package a\nimport future.keywords as k', '`future` imports cannot be aliased', 2, 8],
    ['package a\ndefault p', 'illegal default rule (must have a value)', 2, 1],
    ['package a\ndefault p := x', 'illegal default rule (value cannot contain var)', 2, 1],
    ['package a\ndefault p := [input.x]', 'illegal default rule (value cannot contain ref)', 2, 1],
    ['package a\ndefault f(1) := 1', 'illegal default rule (arguments cannot contain number)', 2, 1],
    ['package a\ndefault f(x, x) := 1', 'illegal default rule (arguments cannot be repeated x)', 2, 1],
    ['package a\np[x] if { x := 1 } else := 2', 'else keyword cannot be used on rules with variables in head', 2, 20],
    ['package a\np contains 1 if { true } else := 2', 'else keyword cannot be used on multi-value rules', 2, 26],
    ['package a\np := 1 else := 2', 'unexpected else keyword: else requires a rule body (e.g. p := 1 if { ... } else := 2)', 2, 8],
    ['package a\np if { x } else 1', 'unexpected number token: expected else value term or rule body', 2, 17],
    ['package a\np if { not some x }', "unexpected some keyword: illegal negation of 'some'", 2, 12],
    ['package a\np if { not every x in xs { x } }', "unexpected every keyword: illegal negation of 'every'", 2, 12],
    ['package a\np if { every x in xs }', 'unexpected } token: missing body', 2, 22],
    ['package a\np if { every x }', 'unexpected } token: expected `x[, y] in xs { ... }` expression', 2, 16],
    ['package a\np if { every [x] in xs { true } }', 'unexpected { token: expected value to be a variable', 2, 24],
    ['package a\np if { some f(x) }', 'unexpected } token: expected `x in xs` or `x, y in xs` expression', 2, 18],
    ['package a\np if { some 1 }', 'unexpected number token: expected var', 2, 13],
    ['package a\np if { x with 1 as 2 }', 'unexpected number token: expected ident', 2, 15],
    ['package a\np if { x with input 2 }', 'unexpected number token: expected as keyword', 2, 21],
    ['package a\nf(x) contains 1', 'unexpected contains keyword: the contains keyword can only be used with multi-value rule definitions (e.g., f contains <VALUE> { ... })', 2, 6],
    ['package a\np == 1', 'unexpected equal token', 2, 3],
    ['package a\n}', 'unexpected } token: expected rule', 2, 1],
    ['package a\np := $"a {x := 1}"', "unexpected assignment (':=') in template-string expression", 2, 11],
    ['package a\np := $"a {x = 1}"', "unexpected unification ('=') in template-string expression", 2, 11],
    ['package a\np := $"a {not x}"', "unexpected negation ('not') in template-string expression", 2, 11],
    ['package a\np := $"a {some x}"', "unexpected 'some' in template-string expression", 2, 11],
    ['package a\np := $"a {x y}"', 'expected } to end template string expression', 2, 13],
    ['package a\np := "unterminated', 'non-terminated string', 2, 6],
  ])('%j', (src, detail, row, col) => {
    expect(parseError(() => parseModule(src, 't.rego'))).toEqual({ detail, row, col });
  });

  it('formats errors as OPA does: file:row: code: message', () => {
    try {
      parseModule('package a\np := [x | ]', 'policy.rego');
    } catch (err) {
      expect((err as Error).message).toBe('policy.rego:2: rego_parse_error: found empty body');
      return;
    }
    throw new Error('expected a parse error');
  });
});
