import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { ObjectValue, SetValue, fromJSON, toRegoString } from '../value.js';
import { BuiltinError, OperandError } from './builtin.js';
import { builtins } from './json.js';
import { builtinCaller, testContext } from './test-support.js';

const ctx = testContext();

const call = builtinCaller(builtins, ctx);

const obj = (x: unknown): Value => fromJSON(x);
const show = (v: Value | undefined): string => (v === undefined ? 'undefined' : toRegoString(v));

describe('json.marshal', () => {
  it.each<[string, Value, string]>([
    ['sets become sorted arrays', [ObjectValue.fromEntries([['foo', SetValue.of([3, 1, 2])]])], '[{"foo":[1,2,3]}]'],
    ['keys sorted', obj({ b: 1, a: [true, null] }), '{"a":[true,null],"b":1}'],
    ['html-safe escaping', '<a href="x">&</a>', '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"'],
    ['big integers exact', 123456789012345678901234567890n, '123456789012345678901234567890'],
    ['non-string keys in Rego syntax', ObjectValue.fromEntries([[1, 'a'], [['x', 'y'], 'b']]), '{"1":"a","[\\"x\\", \\"y\\"]":"b"}'],
    ['floats', 1.5, '1.5'],
  ])('%s', (_name, input, expected) => {
    expect(call('json.marshal', input)).toBe(expected);
  });
});

describe('json.marshal_with_options', () => {
  it.each<[string, unknown, string]>([
    ['no options: compact', {}, '{"a":[1,2]}'],
    ['pretty with default tab', { pretty: true }, '{\n\t"a": [\n\t\t1,\n\t\t2\n\t]\n}'],
    ['indent implies pretty', { indent: '  ' }, '{\n  "a": [\n    1,\n    2\n  ]\n}'],
    ['prefix on every line', { prefix: '> ', indent: ' ' }, '> {\n>  "a": [\n>   1,\n>   2\n>  ]\n> }'],
    ['explicit pretty false wins', { pretty: false, indent: '  ' }, '{"a":[1,2]}'],
  ])('%s', (_name, options, expected) => {
    expect(call('json.marshal_with_options', obj({ a: [1, 2] }), obj(options))).toBe(expected);
  });

  it('rejects unknown keys as a type error', () => {
    expect(() => call('json.marshal_with_options', 1, obj({ colour: 1 }))).toThrow(
      new OperandError('operand 2 object contained unknown key colour'),
    );
  });

  it('empty containers stay on one line', () => {
    expect(call('json.marshal_with_options', obj({ a: [], b: {} }), obj({ pretty: true }))).toBe('{\n\t"a": [],\n\t"b": {}\n}');
  });
});

describe('json.unmarshal', () => {
  it.each<[string, string]>([
    ['{"a": [1, 2.5, "x", null, true]}', '{"a": [1, 2.5, "x", null, true]}'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
    ['  "\\u00e9\\n"  ', '"é\\n"'],
    ['1 null', '1'],
  ])('%s', (text, expected) => {
    expect(show(call('json.unmarshal', text))).toBe(expected);
  });

  it('keeps big integers exact', () => {
    expect(call('json.unmarshal', '[9007199254740993]')).toEqual([9007199254740993n]);
  });

  it.each<[string, string]>([
    ['', 'EOF'],
    ['{', 'unexpected EOF'],
    ['x', "invalid character 'x' looking for beginning of value"],
    ['[1 2]', "invalid character '2' after array element"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{1: 2}', "invalid character '1' looking for beginning of object key string"],
    ['1 2', "error: invalid character '2' after top-level value"],
    ['1 }', "invalid character '}' looking for beginning of value"],
    ['tru', 'unexpected EOF'],
    ['trux', "invalid character 'x' in literal true (expecting 'e')"],
    ['01', "error: invalid character '1' after top-level value"],
    ['1.', 'unexpected EOF'],
    ['1.x', "invalid character 'x' after decimal point in numeric literal"],
  ])('error for %j', (text, message) => {
    expect(() => call('json.unmarshal', text)).toThrow(new BuiltinError(message));
  });
});

describe('json.is_valid', () => {
  it.each<[Value, boolean]>([
    ['plainstring', false],
    ['{', false],
    ['{"json": "ok"}', true],
    [' [1, {"a": null}] ', true],
    ['1 2', false],
    [1, false],
  ])('%j → %s', (input, expected) => {
    expect(call('json.is_valid', input)).toBe(expected);
  });
});

describe('json.filter', () => {
  it.each<[string, unknown, Value, unknown]>([
    ['empty object', {}, SetValue.of(['a/b']), {}],
    ['arrays', { a: [{ b: 7, c: 8 }, { d: 9 }] }, SetValue.of(['a/0/b', 'a/1']), { a: [{ b: 7 }, { d: 9 }] }],
    [
      'mixed root types',
      { a: { b: { c: 7, d: 8, x: 0 } }, e: 9 },
      SetValue.of(['a/b/d', ['a', 'b', 'c']]),
      { a: { b: { c: 7, d: 8 } } },
    ],
    ['shorter path wins', { a: { b: 1, c: 2 } }, ['a/b', 'a'], { a: { b: 1, c: 2 } }],
    ['escaped segments', { 'a/b': { '~c': 1, d: 2 } }, ['a~1b/~0c'], { 'a/b': { '~c': 1 } }],
  ])('%s', (_name, input, paths, expected) => {
    expect(show(call('json.filter', obj(input), paths))).toBe(show(obj(expected)));
  });
});

describe('json.remove', () => {
  it.each<[string, unknown, Value, unknown]>([
    ['base', { a: { b: { c: 7, d: 8 } }, e: 9 }, SetValue.of(['a/b/c']), { a: { b: { d: 8 } }, e: 9 }],
    ['multiple roots', { a: { b: { c: 7, d: 8 } }, e: 9 }, SetValue.of(['a/b/c', 'e']), { a: { b: { d: 8 } } }],
    ['conflict', { a: { b: 7 }, c: 1 }, SetValue.of(['a', 'a/b']), { c: 1 }],
    ['empty list', { a: 7 }, SetValue.of([]), { a: 7 }],
    ['arrays', { a: [{ b: 7, c: 8 }, { d: 9 }] }, SetValue.of(['a/0/b', 'a/1']), { a: [{ c: 8 }] }],
    ['arrays of roots', { a: { b: { c: 7, d: 8 } }, e: 9 }, SetValue.of([['a', 'b', 'c'], ['e']]), { a: { b: { d: 8 } } }],
  ])('%s', (_name, input, paths, expected) => {
    expect(show(call('json.remove', obj(input), paths))).toBe(show(obj(expected)));
  });

  it.each<[string, Value, Value, string]>([
    ['target not an object', 'foo', SetValue.of(['a/b/c']), 'operand 1 must be object but got string'],
    ['paths not a collection', obj({ a: 1 }), 22, 'operand 2 must be one of {set, array} but got number'],
    [
      'path of the wrong type',
      obj({ a: 1 }),
      SetValue.of(['a', obj({ x: 1 })]),
      'operand 2 must be one of {set, array} containing string paths or array of path segments but got object',
    ],
  ])('type error: %s', (_name, target, paths, message) => {
    expect(() => call('json.remove', target, paths)).toThrow(new OperandError(message));
  });
});

describe('json.patch', () => {
  const patch = (doc: unknown, ops: unknown[]): string => show(call('json.patch', obj(doc), obj(ops)));

  it.each<[string, unknown, unknown[], string]>([
    ['add member', { foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }], '{"baz": "qux", "foo": "bar"}'],
    ['add array element', { foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }], '{"foo": ["bar", "qux", "baz"]}'],
    ['append with -', [1, 2], [{ op: 'add', path: '/-', value: 3 }], '[1, 2, 3]'],
    ['remove member', { baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }], '{"foo": "bar"}'],
    ['remove element', { foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }], '{"foo": ["bar", "baz"]}'],
    ['replace', { baz: 'qux' }, [{ op: 'replace', path: '/baz', value: 'boo' }], '{"baz": "boo"}'],
    ['replace root', { foo: 'bar' }, [{ op: 'replace', path: '', value: { baz: 'qux' } }], '{"baz": "qux"}'],
    [
      'move member',
      { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
      [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
      '{"foo": {"bar": "baz"}, "qux": {"corge": "grault", "thud": "fred"}}',
    ],
    ['move element', { foo: ['all', 'grass', 'cows', 'eat'] }, [{ op: 'move', from: '/foo/1', path: '/foo/3' }], '{"foo": ["all", "cows", "eat", "grass"]}'],
    ['copy', { a: { b: 1 } }, [{ op: 'copy', from: '/a', path: '/c' }], '{"a": {"b": 1}, "c": {"b": 1}}'],
    ['test success', { foo: ['a', 2] }, [{ op: 'test', path: '/foo/1', value: 2 }], '{"foo": ["a", 2]}'],
    ['test failure', { baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }], 'undefined'],
    ['missing parent', { q: { bar: 2 } }, [{ op: 'add', path: '/a/b', value: 1 }], 'undefined'],
    ['bad index', [1, 2, 3], [{ op: 'add', path: '1.2', value: 'foo' }], 'undefined'],
    ['leading zero index', [1, 2], [{ op: 'add', path: '/01', value: 0 }], 'undefined'],
    ['index past the end', [1], [{ op: 'add', path: '/2', value: 0 }], 'undefined'],
    ['missing value', [1], [{ op: 'add', path: '/-' }], 'undefined'],
    ['unknown op', { foo: 1 }, [{ op: 'spam', path: '/foo', value: 1 }], 'undefined'],
    ['empty-string key', { '': 1 }, [{ op: 'test', path: '/', value: 1 }], '{"": 1}'],
    ['array path', { a: { b: 1 } }, [{ op: 'add', path: ['a', 'c'], value: 2 }], '{"a": {"b": 1, "c": 2}}'],
  ])('%s', (_name, doc, ops, expected) => {
    expect(patch(doc, ops)).toBe(expected);
  });

  it('patches sets by element', () => {
    const doc = ObjectValue.fromEntries([['s', SetValue.of(['a', 'b'])]]);
    const ops = obj([
      { op: 'add', path: '/s/c', value: 'c' },
      { op: 'remove', path: '/s/a' },
    ]);
    expect(show(call('json.patch', doc, ops))).toBe('{"s": {"b", "c"}}');
  });

  it('needs an array of operations', () => {
    expect(() => call('json.patch', 1, 'x')).toThrow(new OperandError('operand 2 must be array but got string'));
  });
});

describe('json schema', () => {
  const schema = { properties: { id: { type: 'integer' } }, required: ['id'] };

  it.each<[string, Value, Value, string]>([
    ['object document', obj({ id: 5 }), obj(schema), '[true, []]'],
    ['string document', '{"id": 5}', obj(schema), '[true, []]'],
    ['string schema', obj({ id: 5 }), JSON.stringify(schema), '[true, []]'],
    [
      'invalid type',
      obj({ id: 'foo' }),
      obj(schema),
      '[false, [{"desc": "Invalid type. Expected: integer, given: string", "error": "id: Invalid type. Expected: integer, given: string", "field": "id", "type": "invalid_type"}]]',
    ],
    [
      'missing required',
      obj({}),
      obj(schema),
      '[false, [{"desc": "id is required", "error": "(root): id is required", "field": "(root)", "type": "required"}]]',
    ],
    ['empty enum rejects everything', obj({ value: 'allow' }), obj({ enum: [] }), 'false'],
    [
      'pattern uses RE2',
      '"abc"',
      obj({ pattern: '^\\d+$' }),
      `[false, [{"desc": "Does not match pattern '^\\\\d+$'", "error": "(root): Does not match pattern '^\\\\d+$'", "field": "(root)", "type": "pattern"}]]`,
    ],
  ])('json.match_schema: %s', (_name, document, schemaValue, expected) => {
    const result = call('json.match_schema', document, schemaValue);
    if (expected === 'false') expect((result as Value[])[0]).toBe(false);
    else expect(show(result)).toBe(expected);
  });

  it('reports an invalid schema as a builtin error', () => {
    expect(() => call('json.match_schema', obj({ id: 'foo' }), obj({ properties: { id: { type: 'unknown' } } }))).toThrow(
      new BuiltinError(
        'has a primitive type that is NOT VALID -- given: /unknown/ Expected valid values are:[array boolean integer number null object string]',
      ),
    );
  });

  it.each<[string, Value, string]>([
    ['valid', obj(schema), '[true, null]'],
    ['bad JSON text', '{', '[false, "jsonschema: invalid JSON string"]'],
    ['wrong type', 5, '[false, "jsonschema: wrong type, expected string or object"]'],
    [
      'bad type name',
      obj({ type: 'nope' }),
      '[false, "jsonschema: has a primitive type that is NOT VALID -- given: /nope/ Expected valid values are:[array boolean integer number null object string]"]',
    ],
  ])('json.verify_schema: %s', (_name, schemaValue, expected) => {
    expect(show(call('json.verify_schema', schemaValue))).toBe(expected);
  });
});
