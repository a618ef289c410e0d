/**
 * A subset of Go's text/template for strings.render_template: text, `{{- … -}}` trimming,
 * comments, fields (`.a.b`), variables (`$x := …`, `$i, $v := range …`), pipelines with `|`,
 * `if`/`else if`/`else`, `range` (with `else`, `break`, `continue`), `with`, and the functions
 * and, or, not, len, index, print, printf, println, eq, ne, lt, le, gt, ge.
 *
 * Values are what OPA hands Go (it converts the variables through JSON): numbers are json.Number,
 * a string type, so they are always truthy and print as written. A missing key prints
 * `<undefined>`, as OPA does.
 */
import type { Value } from '../value.js';
import { ObjectValue, SetValue, compareStrings, numberToString } from '../value.js';
import { BuiltinError } from './builtin.js';
import type { GoArg } from './sprintf-gofmt.js';
import { goSprintf } from './sprintf-gofmt.js';

// ---------- values ----------

/** A JSON number as Go's json.Number: its text. */
class JsonNumber {
  constructor(readonly text: string) {}
}
/** A Go int produced by the template itself (range index, len). */
class GoInt {
  constructor(readonly value: number) {}
}
const MISSING = Symbol('missing');
type TValue = null | boolean | string | JsonNumber | GoInt | readonly TValue[] | Map<string, TValue> | typeof MISSING;

function fromRego(v: Value): TValue {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return new JsonNumber(numberToString(v));
  if (Array.isArray(v)) return (v as readonly Value[]).map(fromRego);
  if (v instanceof SetValue) return v.values().map(fromRego);
  const map = new Map<string, TValue>();
  for (const [k, x] of (v as ObjectValue).entries()) map.set(typeof k === 'string' ? k : JSON.stringify(k), fromRego(x));
  return map;
}

const isList = (v: TValue): v is readonly TValue[] => Array.isArray(v);

function truth(v: TValue): boolean {
  if (v === null || v === MISSING || v === false || v === '') return false;
  if (v instanceof GoInt) return v.value !== 0;
  if (isList(v)) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  return true;
}

/** fmt's %v of the Go value. */
function show(v: TValue): string {
  if (v === MISSING) return '<undefined>';
  if (v === null) return '<nil>';
  if (typeof v === 'boolean' || typeof v === 'string') return String(v);
  if (v instanceof JsonNumber) return v.text;
  if (v instanceof GoInt) return String(v.value);
  if (v instanceof Map) {
    const keys = [...v.keys()].sort(compareStrings);
    return 'map[' + keys.map((k) => `${k}:${show(v.get(k)!)}`).join(' ') + ']';
  }
  return '[' + (isList(v) ? v : []).map(show).join(' ') + ']';
}

function goTypeName(v: TValue): string {
  if (v === null || v === MISSING) return 'nil';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (v instanceof JsonNumber) return 'json.Number';
  if (v instanceof GoInt) return 'int';
  return v instanceof Map ? 'map[string]interface {}' : '[]interface {}';
}

// ---------- lexing and parsing ----------

type Arg =
  | { kind: 'dot' }
  | { kind: 'field'; base: Arg | undefined; path: string[] }
  | { kind: 'var'; name: string; path: string[] }
  | { kind: 'ident'; name: string }
  | { kind: 'const'; value: TValue }
  | { kind: 'pipe'; pipe: Pipe };
interface Pipe {
  decls: string[];
  assign: boolean;
  cmds: Arg[][];
}
interface ControlNode {
  kind: 'if' | 'with' | 'range';
  pipe: Pipe;
  list: Node[];
  elseList: Node[];
}
type Node = { kind: 'text'; text: string } | { kind: 'action'; pipe: Pipe } | ControlNode | { kind: 'break' | 'continue' };

type Token = { t: 'word' | 'field' | 'var' | 'str' | 'num' | 'op'; v: string };

const fail = (msg: string): never => {
  throw new BuiltinError(`template: template: ${msg}`);
};

const SPACE = /[ \t\r\n]/;

/** Splits the source into text and action bodies, applying the trim markers. */
function splitActions(src: string): ({ text: string } | { action: string })[] {
  const parts: ({ text: string } | { action: string })[] = [];
  let pos = 0;
  let trimNext = false;
  while (pos <= src.length) {
    const open = src.indexOf('{{', pos);
    let text = src.slice(pos, open < 0 ? src.length : open);
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, '');
    if (open < 0) {
      parts.push({ text });
      break;
    }
    let start = open + 2;
    if (src[start] === '-' && SPACE.test(src[start + 1] ?? '')) {
      text = text.replace(/[ \t\r\n]+$/, '');
      start += 2;
    }
    parts.push({ text });
    const close = findClose(src, start);
    let body = src.slice(start, close);
    trimNext = false;
    if (/[ \t\r\n]-$/.test(body)) {
      body = body.slice(0, -2);
      trimNext = true;
    }
    parts.push({ action: body });
    pos = close + 2;
  }
  return parts;
}

function findClose(src: string, from: number): number {
  let quote = '';
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === '`' || c === "'") quote = c;
    else if (c === '}' && src[i + 1] === '}') return i;
    else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) fail('unclosed comment');
      i = end + 1;
    }
  }
  return fail('unclosed action');
}

function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    const rest = body.slice(i);
    let m: RegExpExecArray | null;
    if (SPACE.test(c)) i++;
    else if (rest.startsWith('/*')) i = body.indexOf('*/', i) + 2;
    else if ((m = /^(?:\.[A-Za-z_][A-Za-z0-9_]*)+|^\./.exec(rest))) {
      tokens.push({ t: 'field', v: m[0] });
      i += m[0].length;
    } else if ((m = /^\$[A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(rest))) {
      tokens.push({ t: 'var', v: m[0] });
      i += m[0].length;
    } else if ((m = /^"(?:[^"\\]|\\.)*"|^`[^`]*`/.exec(rest))) {
      const raw = m[0];
      tokens.push({ t: 'str', v: raw[0] === '`' ? raw.slice(1, -1) : (JSON.parse(raw) as string) });
      i += raw.length;
    } else if ((m = /^[+-]?(?:0x[0-9a-fA-F]+|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)/.exec(rest))) {
      tokens.push({ t: 'num', v: m[0] });
      i += m[0].length;
    } else if ((m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest))) {
      tokens.push({ t: 'word', v: m[0] });
      i += m[0].length;
    } else if ((m = /^(?::=|=|\||\(|\)|,)/.exec(rest))) {
      tokens.push({ t: 'op', v: m[0] });
      i += m[0].length;
    } else fail(`unexpected ${JSON.stringify(c)} in command`);
  }
  return tokens;
}

const FIELD_PATH = (text: string): string[] => text.split('.').filter((s) => s !== '');

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.pos >= this.tokens.length;
  }

  pipe(): Pipe {
    const decls: string[] = [];
    let assign = false;
    // Declarations: `$x :=`, `$x =`, `$i, $v :=`.
    const save = this.pos;
    while (this.tokens[this.pos]?.t === 'var') {
      decls.push(this.tokens[this.pos].v);
      const next = this.tokens[this.pos + 1];
      if (next?.t === 'op' && next.v === ',') {
        this.pos += 2;
        continue;
      }
      if (next?.t === 'op' && (next.v === ':=' || next.v === '=')) {
        assign = next.v === '=';
        this.pos += 2;
        break;
      }
      decls.length = 0;
      this.pos = save;
      break;
    }
    const cmds: Arg[][] = [[]];
    while (!this.done()) {
      const tok = this.tokens[this.pos];
      if (tok.t === 'op' && tok.v === ')') break;
      this.pos++;
      if (tok.t === 'op' && tok.v === '|') cmds.push([]);
      else cmds[cmds.length - 1].push(this.operand(tok));
    }
    if (cmds.some((c) => c.length === 0)) fail('missing value for command');
    return { decls, assign, cmds };
  }

  private operand(tok: Token): Arg {
    switch (tok.t) {
      case 'field':
        return tok.v === '.' ? { kind: 'dot' } : { kind: 'field', base: undefined, path: FIELD_PATH(tok.v) };
      case 'var': {
        const [name, ...path] = tok.v.split('.');
        return { kind: 'var', name, path };
      }
      case 'str':
        return { kind: 'const', value: tok.v };
      case 'num':
        return { kind: 'const', value: new GoInt(Number(tok.v)) };
      case 'word':
        if (tok.v === 'true' || tok.v === 'false') return { kind: 'const', value: tok.v === 'true' };
        if (tok.v === 'nil') return { kind: 'const', value: null };
        return { kind: 'ident', name: tok.v };
      case 'op': {
        if (tok.v !== '(') return fail(`unexpected "${tok.v}" in operand`);
        const inner = this.pipe();
        if (this.tokens[this.pos]?.v !== ')') fail('unclosed left paren');
        this.pos++;
        const next = this.tokens[this.pos];
        // `(pipeline).field`
        if (next?.t === 'field' && next.v !== '.') {
          this.pos++;
          return { kind: 'field', base: { kind: 'pipe', pipe: inner }, path: FIELD_PATH(next.v) };
        }
        return { kind: 'pipe', pipe: inner };
      }
    }
  }
}

function parseTemplate(src: string): Node[] {
  const parts = splitActions(src);
  let index = 0;
  // Parses nodes until an `end` or `else` keyword, which it returns (undefined at the end of input).
  const parseList = (): { nodes: Node[]; stop?: { word: string; rest: Token[] } } => {
    const nodes: Node[] = [];
    while (index < parts.length) {
      const part = parts[index++];
      if ('text' in part) {
        if (part.text) nodes.push({ kind: 'text', text: part.text });
        continue;
      }
      const tokens = tokenize(part.action);
      if (tokens.length === 0) continue; // a comment
      const [head, ...rest] = tokens;
      const word = head.t === 'word' ? head.v : '';
      if (word === 'end' || word === 'else') return { nodes, stop: { word, rest } };
      if (word === 'if' || word === 'with' || word === 'range') nodes.push(parseControl(word, rest));
      else if (word === 'break' || word === 'continue') nodes.push({ kind: word });
      else if (['define', 'template', 'block'].includes(word)) fail(`unsupported action "${word}"`);
      else nodes.push({ kind: 'action', pipe: parsePipe(tokens) });
    }
    return { nodes };
  };
  const parsePipe = (tokens: Token[]): Pipe => {
    const parser = new Parser(tokens);
    const pipe = parser.pipe();
    if (!parser.done()) fail('unexpected ")" in command');
    return pipe;
  };
  const parseControl = (kind: 'if' | 'with' | 'range', tokens: Token[]): Node => {
    const pipe = parsePipe(tokens);
    const body = parseList();
    if (!body.stop) return fail(`unexpected EOF`);
    let elseList: Node[] = [];
    if (body.stop.word === 'else') {
      const chained = body.stop.rest;
      if (chained.length > 0 && chained[0].t === 'word' && (chained[0].v === 'if' || chained[0].v === 'with')) {
        // `{{else if …}}` is an `if` nested in the else branch that shares the `end`.
        elseList = [parseControl(chained[0].v, chained.slice(1))];
      } else {
        const tail = parseList();
        if (tail.stop?.word !== 'end') fail('expected end; found EOF');
        elseList = tail.nodes;
      }
    }
    return { kind, pipe, list: body.nodes, elseList };
  };
  const top = parseList();
  if (top.stop) fail(`unexpected {{${top.stop.word}}}`);
  return top.nodes;
}

// ---------- execution ----------

class BreakSignal extends Error {}
class ContinueSignal extends Error {}

type Scope = Map<string, TValue>[];

function lookupVar(scope: Scope, name: string): TValue {
  for (let i = scope.length - 1; i >= 0; i--) if (scope[i].has(name)) return scope[i].get(name)!;
  return fail(`undefined variable: ${name}`);
}

function field(base: TValue, name: string): TValue {
  if (base === MISSING) return MISSING;
  if (base instanceof Map) return base.has(name) ? base.get(name)! : MISSING;
  if (base === null) return fail(`nil pointer evaluating interface {}.${name}`);
  return fail(`can't evaluate field ${name} in type ${goTypeName(base)}`);
}

function goArg(v: TValue): GoArg {
  if (v instanceof GoInt) return { kind: 'int', value: BigInt(v.value) };
  return { kind: 'string', value: show(v) };
}

/** Go's fmt.Sprint: a space goes between operands when neither is a string. */
function sprint(values: TValue[]): string {
  let out = '';
  values.forEach((v, i) => {
    const isString = typeof v === 'string';
    if (i > 0 && !isString && typeof values[i - 1] !== 'string') out += ' ';
    out += show(v);
  });
  return out;
}

function basicCompare(a: TValue, b: TValue): number {
  const key = (v: TValue): [string, string | number | boolean] => {
    if (typeof v === 'string' || v instanceof JsonNumber) return ['string', typeof v === 'string' ? v : v.text];
    if (v instanceof GoInt) return ['int', v.value];
    if (typeof v === 'boolean') return ['bool', v];
    return fail(`invalid type for comparison`);
  };
  const [ka, va] = key(a);
  const [kb, vb] = key(b);
  if (ka !== kb) fail('incompatible types for comparison');
  return va < vb ? -1 : va > vb ? 1 : 0;
}

const FUNCTIONS: Record<string, (args: TValue[]) => TValue> = {
  not: ([a]) => !truth(a),
  and: (args) => args.find((a) => !truth(a)) ?? args[args.length - 1],
  or: (args) => args.find((a) => truth(a)) ?? args[args.length - 1],
  len: ([a]) => {
    if (typeof a === 'string') return new GoInt(Buffer.byteLength(a));
    if (a instanceof JsonNumber) return new GoInt(a.text.length);
    if (isList(a)) return new GoInt(a.length);
    if (a instanceof Map) return new GoInt(a.size);
    return fail(`error calling len: len of type ${goTypeName(a)}`);
  },
  index: ([base, ...keys]) =>
    keys.reduce<TValue>((acc, k) => {
      if (isList(acc) && k instanceof GoInt) {
        if (k.value < 0 || k.value >= acc.length) fail(`error calling index: index out of range: ${k.value}`);
        return acc[k.value];
      }
      if (acc instanceof Map && typeof k === 'string') return acc.has(k) ? acc.get(k)! : MISSING;
      return fail(`error calling index: cannot index ${goTypeName(acc)}`);
    }, base),
  print: (args) => sprint(args),
  println: (args) => args.map(show).join(' ') + '\n',
  printf: ([format, ...args]) => goSprintf(typeof format === 'string' ? format : show(format), args.map(goArg)),
  eq: ([a, ...rest]) => rest.some((b) => basicCompare(a, b) === 0),
  ne: ([a, b]) => basicCompare(a, b) !== 0,
  lt: ([a, b]) => basicCompare(a, b) < 0,
  le: ([a, b]) => basicCompare(a, b) <= 0,
  gt: ([a, b]) => basicCompare(a, b) > 0,
  ge: ([a, b]) => basicCompare(a, b) >= 0,
};

class Executor {
  out = '';
  constructor(private readonly root: TValue) {}

  run(nodes: Node[], dot: TValue, scope: Scope): void {
    for (const node of nodes) this.node(node, dot, scope);
  }

  private node(node: Node, dot: TValue, scope: Scope): void {
    switch (node.kind) {
      case 'text':
        this.out += node.text;
        return;
      case 'action': {
        const value = this.pipe(node.pipe, dot, scope);
        if (node.pipe.decls.length === 0) this.out += show(value);
        return;
      }
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      case 'if':
      case 'with': {
        const inner: Scope = [...scope, new Map<string, TValue>()];
        const value = this.pipe(node.pipe, dot, inner);
        if (truth(value)) this.run(node.list, node.kind === 'with' ? value : dot, inner);
        else this.run(node.elseList, dot, inner);
        return;
      }
      case 'range':
        this.range(node, dot, scope);
        return;
    }
  }

  private range(node: ControlNode, dot: TValue, scope: Scope): void {
    const { decls } = node.pipe;
    const collection = this.pipe({ ...node.pipe, decls: [] }, dot, scope);
    let entries: [TValue, TValue][];
    if (isList(collection)) entries = collection.map((v, i) => [new GoInt(i), v]);
    else if (collection instanceof Map) entries = [...collection.keys()].sort(compareStrings).map((k) => [k, collection.get(k)!]);
    else if (collection instanceof GoInt) entries = Array.from({ length: collection.value }, (_, i) => [new GoInt(i), new GoInt(i)]);
    else if (collection === null || collection === MISSING) entries = [];
    else return fail(`range can't iterate over ${show(collection)}`);
    if (entries.length === 0) {
      this.run(node.elseList, dot, scope);
      return;
    }
    for (const [key, value] of entries) {
      const vars = new Map<string, TValue>();
      if (decls.length === 1) vars.set(decls[0], value);
      else if (decls.length === 2) {
        vars.set(decls[0], key);
        vars.set(decls[1], value);
      }
      try {
        this.run(node.list, value, [...scope, vars]);
      } catch (signal) {
        if (signal instanceof BreakSignal) break;
        if (!(signal instanceof ContinueSignal)) throw signal;
      }
    }
  }

  private pipe(pipe: Pipe, dot: TValue, scope: Scope): TValue {
    let value: TValue | undefined;
    for (const cmd of pipe.cmds) value = this.command(cmd, dot, scope, value);
    const result = value ?? null;
    for (const name of pipe.decls) {
      if (pipe.assign) {
        const frame = [...scope].reverse().find((f) => f.has(name));
        if (!frame) fail(`undefined variable: ${name}`);
        frame!.set(name, result);
      } else scope[scope.length - 1].set(name, result);
    }
    return result;
  }

  private command(cmd: Arg[], dot: TValue, scope: Scope, piped: TValue | undefined): TValue {
    const [head, ...rest] = cmd;
    if (head.kind === 'ident') {
      const fn = FUNCTIONS[head.name];
      if (!fn) return fail(`function "${head.name}" not defined`);
      const args = rest.map((a) => this.arg(a, dot, scope));
      if (piped !== undefined) args.push(piped);
      return fn(args);
    }
    if (cmd.length > 1 || piped !== undefined) fail(`can't give argument to non-function ${describe(head)}`);
    return this.arg(head, dot, scope);
  }

  private arg(arg: Arg, dot: TValue, scope: Scope): TValue {
    switch (arg.kind) {
      case 'dot':
        return dot;
      case 'const':
        return arg.value;
      case 'ident':
        return this.command([arg], dot, scope, undefined);
      case 'pipe':
        return this.pipe(arg.pipe, dot, [...scope, new Map<string, TValue>()]);
      case 'var': {
        const base = arg.name === '$' ? this.root : lookupVar(scope, arg.name);
        return arg.path.reduce(field, base);
      }
      case 'field':
        return arg.path.reduce(field, arg.base ? this.arg(arg.base, dot, scope) : dot);
    }
  }
}

function describe(arg: Arg): string {
  if (arg.kind === 'field') return '.' + arg.path.join('.');
  if (arg.kind === 'var') return [arg.name, ...arg.path].join('.');
  return arg.kind;
}

export function renderTemplate(source: string, variables: ObjectValue): string {
  const nodes = parseTemplate(source);
  const root = fromRego(variables);
  const executor = new Executor(root);
  try {
    executor.run(nodes, root, [new Map([['$', root]])]);
  } catch (signal) {
    if (signal instanceof BreakSignal || signal instanceof ContinueSignal) fail('break or continue outside range');
    throw signal;
  }
  return executor.out;
}
