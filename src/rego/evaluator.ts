/**
 * The evaluator: top-down evaluation with backtracking in continuation-passing style, as OPA's topdown.
 * Every eval function takes a continuation and returns `true` to stop the enumeration early (a
 * negation found a solution, `every` found a counter-example…). A binding lives exactly as long as
 * its continuation runs, so no undo trail is needed.
 */
import type { CallTerm, Expr, Location, RefTerm, Term, Annotation } from './ast.js';
import type { CompiledRule, RuleNode } from './compiler.js';
import { findNode, opName, refToName } from './compiler.js';
import { RegoError } from './errors.js';
import { BUILTINS } from './builtins/index.js';
import { ENGINE_BUILTINS } from './engine-builtins.js';
import { BuiltinError, OperandError } from './builtins/builtin.js';
import type { BuiltinContext, BuiltinDef } from './builtins/builtin.js';
import { displayName } from './safety.js';
import {
  ObjectValue,
  SetValue,
  equal,
  fromJSON,
  hashKey,
  isNumber,
  numberToString,
  toRegoString,
  type Value,
} from './value.js';

type K = () => boolean;
type KV = (v: Value) => boolean;

/** Variable bindings of one rule evaluation (comprehensions, negation and every share their rule's). */
export class Env {
  readonly vals = new Map<string, Value>();
  constructor(readonly rule: CompiledRule | undefined) {}
}

/** A replacement installed by `with`: another function, or a fixed value. */
type Mock = { kind: 'function'; name: string } | { kind: 'value'; value: Value };

const EVALUATING = Symbol('evaluating');

/** Everything a query's evaluation depends on; `with` derives a new state with its own caches. */
export class State {
  readonly nodeCache = new Map<RuleNode, Value | undefined | typeof EVALUATING>();
  readonly fnCache = new Map<RuleNode, ArgsMemo>();

  constructor(
    readonly root: RuleNode,
    readonly input: Value | undefined,
    readonly data: Value,
    readonly ctx: BuiltinContext,
    readonly strict: boolean,
    readonly mocks: ReadonlyMap<string, Mock>,
    /** Exact `with data.…` replacements of rule documents, keyed by dotted path. */
    readonly dataOverrides: ReadonlyMap<string, Value>,
  ) {}

  derive(changes: { input?: Value; data?: Value; mocks?: Map<string, Mock>; overrides?: Map<string, Value> }): State {
    return new State(
      this.root,
      'input' in changes ? changes.input : this.input,
      changes.data ?? this.data,
      this.ctx,
      this.strict,
      changes.mocks ?? this.mocks,
      changes.overrides ?? this.dataOverrides,
    );
  }
}

// ---- bodies and expressions ------------------------------------------------------------------

export function evalBody(body: readonly Expr[], i: number, env: Env, st: State, k: K): boolean {
  if (i === body.length) return k();
  return evalExpr(body[i], env, st, () => evalBody(body, i + 1, env, st, k));
}

function evalExpr(e: Expr, env: Env, st: State, k: K): boolean {
  if (e.with.length) {
    const inner = applyWith(e, env, st);
    const plain = { ...e, with: [] };
    // The modified state applies to this expression only; the continuation runs in the original one.
    return evalExpr(plain, env, inner, k);
  }
  if (e.negated) {
    const found = evalPositive(e, env, st, () => true);
    return found ? false : k();
  }
  return evalPositive(e, env, st, k);
}

function evalPositive(e: Expr, env: Env, st: State, k: K): boolean {
  switch (e.kind) {
    case 'some':
      if (!e.domain) return k();
      return evalTerm(e.domain, env, st, (coll) => iterate(coll, (key, val) => {
        if (e.vars.length === 1) return unifyValue(e.vars[0], val, env, st, k);
        return unifyValue(e.vars[0], key, env, st, () => unifyValue(e.vars[1], val, env, st, k));
      }));
    case 'every':
      return evalTerm(e.domain, env, st, (coll) => {
        const failed = iterate(coll, (key, val) => {
          const ok = (e.key ? unifyValue(e.key, key, env, st, () => unifyValue(e.value, val, env, st, () => evalBody(e.body, 0, env, st, () => true))) : unifyValue(e.value, val, env, st, () => evalBody(e.body, 0, env, st, () => true)));
          return !ok; // stop iterating at the first element without a solution
        });
        return failed ? false : k();
      });
    case 'term': {
      const t = e.term;
      if (t.type === 'call') return evalCallExpr(t, env, st, k);
      return evalTerm(t, env, st, (v) => (v === false ? false : k()));
    }
  }
}

/** Calls every (key, value) of a collection; a scalar has none. Returns true when `f` stopped. */
function iterate(coll: Value, f: (key: Value, val: Value) => boolean): boolean {
  if (Array.isArray(coll)) {
    const arr = coll as readonly Value[];
    for (let i = 0; i < arr.length; i++) if (f(i, arr[i])) return true;
  } else if (coll instanceof ObjectValue) {
    for (const [key, val] of coll.entries()) if (f(key, val)) return true;
  } else if (coll instanceof SetValue) {
    for (const v of coll.values()) if (f(v, v)) return true;
  }
  return false;
}

// ---- with ------------------------------------------------------------------------------------

function applyWith(e: Expr, env: Env, st: State): State {
  let input = st.input;
  let data = st.data;
  let mocks: Map<string, Mock> | undefined;
  let overrides: Map<string, Value> | undefined;
  let inputChanged = false;
  for (const w of e.with) {
    const target = w.target;
    const name = target.type === 'var' ? target.name : target.type === 'ref' && target.head.type === 'var' ? target.head.name : '';
    const path = target.type === 'ref' ? target.path.map((p) => groundValue(p, env, st)) : [];
    if (name === 'input') {
      const value = groundValue(w.value, env, st);
      input = path.length ? upsert(input, path, value) : value;
      inputChanged = true;
    } else if (name === 'data' && !isFunctionTarget(st.root, path)) {
      const value = groundValue(w.value, env, st);
      data = upsert(data, path, value);
      overrides ??= new Map(st.dataOverrides);
      overrides.set(path.map(String).join('.'), value);
    } else {
      const fname = refToName(target);
      if (!fname) throw new RegoError('rego_compile_error', 'with keyword target must reference existing input, data, or a function', w.loc);
      mocks ??= new Map(st.mocks);
      mocks.set(fname, mockFor(w.value, env, st));
    }
  }
  return st.derive({ ...(inputChanged ? { input } : {}), data, mocks, overrides });
}

function isFunctionTarget(root: RuleNode, path: Value[]): boolean {
  const names = path.filter((p): p is string => typeof p === 'string');
  return names.length === path.length && findNode(root, names)?.kind === 'function';
}

function mockFor(value: Term, env: Env, st: State): Mock {
  const name = refToName(value);
  if (name !== undefined) {
    if (name.startsWith('data.') && findNode(st.root, name.split('.').slice(1))?.kind === 'function') return { kind: 'function', name };
    if (!name.startsWith('data.') && !env.vals.has(name) && (BUILTINS.has(name) || ENGINE_BUILTINS.has(name))) return { kind: 'function', name };
  }
  return { kind: 'value', value: groundValue(value, env, st) };
}


/** Returns `doc` with `value` placed at `path`, creating objects on the way (documents are immutable). */
function upsert(doc: Value | undefined, path: Value[], value: Value): Value {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const obj = doc instanceof ObjectValue ? doc : new ObjectValue();
  const out = ObjectValue.fromEntries(obj.entries());
  out.put(head, upsert(obj.get(head), rest, value));
  return out;
}

/** The single value of a term that must be ground (with values, keys of a path). */
function groundValue(t: Term, env: Env, st: State): Value {
  let result: Value | undefined;
  evalTerm(t, env, st, (v) => {
    result = v;
    return true;
  });
  if (result === undefined) throw new RegoError('eval_type_error', 'with value is undefined', t.loc);
  return result;
}

// ---- terms -----------------------------------------------------------------------------------

const literalCache = new WeakMap<Term, Value | null>();
const NOT_LITERAL = null;

/**
 * The value of a term made only of constants (`[1, {"a": "b"}]`), built once and cached; undefined
 * for terms that need evaluation. Large constant tables in policies then cost nothing per query.
 */
function literalValue(t: Term): Value | undefined {
  const cached = literalCache.get(t);
  if (cached !== undefined) return cached === NOT_LITERAL ? undefined : (cached);
  const v = buildLiteral(t);
  literalCache.set(t, v === undefined ? NOT_LITERAL : v);
  return v;
}

function buildLiteral(t: Term): Value | undefined {
  switch (t.type) {
    case 'null':
      return null;
    case 'boolean':
    case 'string':
    case 'number':
      return t.value;
    case 'array': {
      const out: Value[] = [];
      for (const item of t.items) {
        const v = literalValue(item);
        if (v === undefined) return undefined;
        out.push(v);
      }
      return out;
    }
    case 'set': {
      const out = new SetValue();
      for (const item of t.items) {
        const v = literalValue(item);
        if (v === undefined) return undefined;
        out.add(v);
      }
      return out;
    }
    case 'object': {
      const out = new ObjectValue();
      for (const [kt, vt] of t.entries) {
        const key = literalValue(kt);
        const val = key === undefined ? undefined : literalValue(vt);
        if (key === undefined || val === undefined) return undefined;
        const prev = out.get(key);
        if (prev !== undefined && !equal(prev, val)) return undefined; // let evaluation report the conflict
        out.put(key, val);
      }
      return out;
    }
    default:
      return undefined;
  }
}

export function evalTerm(t: Term, env: Env, st: State, k: KV): boolean {
  switch (t.type) {
    case 'null':
      return k(null);
    case 'boolean':
    case 'string':
    case 'number':
      return k(t.value);
    case 'var': {
      if (t.name === 'input') return st.input === undefined ? false : k(st.input);
      if (t.name === 'data') return evalData(st.root, st.data, [], 0, env, st, k);
      const v = env.vals.get(t.name);
      if (v === undefined) throw new RegoError('rego_unsafe_var_error', `var ${displayName(t.name)} is unsafe`, t.loc);
      return k(v);
    }
    case 'ref':
      return evalRef(t, env, st, k);
    case 'array': {
      const lit = literalValue(t);
      if (lit !== undefined) return k(lit);
      return evalTerms(t.items, 0, [], env, st, (items) => k(items));
    }
    case 'set': {
      const lit = literalValue(t);
      if (lit !== undefined) return k(lit);
      return evalTerms(t.items, 0, [], env, st, (items) => k(SetValue.of(items)));
    }
    case 'object': {
      const lit = literalValue(t);
      if (lit !== undefined) return k(lit);
      return evalEntries(t.entries, 0, [], env, st, (entries) => {
        const obj = new ObjectValue();
        for (const [key, val] of entries) {
          const prev = obj.get(key);
          if (prev !== undefined && !equal(prev, val)) throw new RegoError('eval_conflict_error', 'object keys must be unique', t.loc);
          obj.put(key, val);
        }
        return k(obj);
      });
    }
    case 'arraycomp': {
      const out: Value[] = [];
      evalBody(t.body, 0, env, st, () => evalTerm(t.term, env, st, (v) => (out.push(v), false)));
      return k(out);
    }
    case 'setcomp': {
      const out = new SetValue();
      evalBody(t.body, 0, env, st, () => evalTerm(t.term, env, st, (v) => (out.add(v), false)));
      return k(out);
    }
    case 'objectcomp': {
      const out = new ObjectValue();
      evalBody(t.body, 0, env, st, () =>
        evalTerm(t.key, env, st, (key) =>
          evalTerm(t.value, env, st, (val) => {
            const prev = out.get(key);
            if (prev !== undefined && !equal(prev, val)) throw new RegoError('eval_conflict_error', 'object keys must be unique', t.loc);
            out.put(key, val);
            return false;
          }),
        ),
      );
      return k(out);
    }
    case 'call':
      return evalCall(t, env, st, k);
    case 'template':
      return k(renderTemplate(t.parts, env, st));
  }
}

function evalTerms(items: readonly Term[], i: number, acc: Value[], env: Env, st: State, k: (vs: Value[]) => boolean): boolean {
  if (i === items.length) return k(acc.slice());
  return evalTerm(items[i], env, st, (v) => {
    acc.push(v);
    const stop = evalTerms(items, i + 1, acc, env, st, k);
    acc.pop();
    return stop;
  });
}

function evalEntries(entries: readonly [Term, Term][], i: number, acc: [Value, Value][], env: Env, st: State, k: (es: [Value, Value][]) => boolean): boolean {
  if (i === entries.length) return k(acc.slice());
  return evalTerm(entries[i][0], env, st, (key) =>
    evalTerm(entries[i][1], env, st, (val) => {
      acc.push([key, val]);
      const stop = evalEntries(entries, i + 1, acc, env, st, k);
      acc.pop();
      return stop;
    }),
  );
}

/** Template strings print each embedded value; an undefined one prints as `<undefined>`. */
function renderTemplate(parts: readonly (string | Term)[], env: Env, st: State): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') {
      out += p;
      continue;
    }
    const values: Value[] = [];
    evalTerm(p, env, st, (v) => (values.push(v), false));
    if (values.length === 0) out += '<undefined>';
    else if (values.length > 1) throw new RegoError('eval_conflict_error', 'template expression produced multiple outputs', p.loc);
    else out += typeof values[0] === 'string' ? values[0] : toRegoString(values[0]);
  }
  return out;
}

// ---- references ------------------------------------------------------------------------------

function evalRef(t: RefTerm, env: Env, st: State, k: KV): boolean {
  const head = t.head;
  if (head.type === 'var') {
    if (head.name === 'data') return evalData(st.root, st.data, t.path, 0, env, st, k);
    if (head.name === 'input') return st.input === undefined ? false : evalPath(st.input, t.path, 0, env, st, k);
  }
  return evalTerm(head, env, st, (v) => evalPath(v, t.path, 0, env, st, k));
}

/** Whether a path segment can be evaluated to keys (its pattern vars are bound) or must enumerate. */
function isBound(t: Term, env: Env): boolean {
  switch (t.type) {
    case 'var':
      return t.name === 'input' || t.name === 'data' || env.vals.has(t.name);
    case 'array':
      return t.items.every((x) => isBound(x, env));
    case 'object':
      return t.entries.every(([, v]) => isBound(v, env));
    default:
      return true;
  }
}

function evalPath(value: Value, path: readonly Term[], i: number, env: Env, st: State, k: KV): boolean {
  if (i === path.length) return k(value);
  const seg = path[i];
  if (isBound(seg, env)) {
    return evalTerm(seg, env, st, (key) => {
      const next = lookup(value, key);
      return next === undefined ? false : evalPath(next, path, i + 1, env, st, k);
    });
  }
  return iterate(value, (key, val) => unifyValue(seg, key, env, st, () => evalPath(val, path, i + 1, env, st, k)));
}

/** Like evalPath, for base documents under `data`, whose object keys are strings: `data.x[2]` finds "2". */
function evalBasePath(value: Value, path: readonly Term[], i: number, env: Env, st: State, k: KV): boolean {
  if (i === path.length || !(value instanceof ObjectValue)) return evalPath(value, path, i, env, st, k);
  const seg = path[i];
  if (!isBound(seg, env)) return iterate(value, (key, val) => unifyValue(seg, key, env, st, () => evalBasePath(val, path, i + 1, env, st, k)));
  return evalTerm(seg, env, st, (key) => {
    const next = value.get(isNumber(key) ? numberToString(key) : key);
    return next === undefined ? false : evalBasePath(next, path, i + 1, env, st, k);
  });
}

export function lookup(value: Value, key: Value): Value | undefined {
  if (Array.isArray(value)) {
    if (!isNumber(key)) return undefined;
    const n = Number(key);
    return Number.isInteger(n) && n >= 0 && n < value.length ? (value as readonly Value[])[n] : undefined;
  }
  if (value instanceof ObjectValue) return value.get(key);
  if (value instanceof SetValue) return value.has(key) ? key : undefined;
  return undefined;
}

/** Walks `data`: rule nodes give virtual documents, the rest comes from the base documents. */
function evalData(node: RuleNode, base: Value | undefined, path: readonly Term[], i: number, env: Env, st: State, k: KV): boolean {
  if (node.hasRules || st.dataOverrides.has(node.path.join('.'))) {
    const v = nodeValue(node, st);
    return v === undefined ? false : evalPath(v, path, i, env, st, k);
  }
  if (i === path.length) return k(namespaceValue(node, base, st));
  const seg = path[i];
  const step = (segment: Value): boolean => {
    // Base documents are stored under string keys, so `data.x[2]` finds the key "2" (as in OPA's store).
    const key = isNumber(segment) ? numberToString(segment) : segment;
    const child = typeof key === 'string' ? node.children.get(key) : undefined;
    const baseChild = base === undefined ? undefined : lookup(base, key);
    if (child) return evalData(child, baseChild, path, i + 1, env, st, k);
    return baseChild === undefined ? false : evalBasePath(baseChild, path, i + 1, env, st, k);
  };
  if (isBound(seg, env)) return evalTerm(seg, env, st, step);
  const keys = new Map<string, Value>();
  for (const name of node.children.keys()) keys.set(hashKey(name), name);
  if (base instanceof ObjectValue) for (const key of base.keys()) keys.set(hashKey(key), key);
  return [...keys.values()].sort((a, b) => (a as string).localeCompare(b as string)).some((key) => unifyValue(seg, key, env, st, () => step(key)));
}

/** The value of a package: its rules' documents merged over the base documents at that path. */
function namespaceValue(node: RuleNode, base: Value | undefined, st: State): Value {
  const out = base instanceof ObjectValue ? ObjectValue.fromEntries(base.entries()) : new ObjectValue();
  for (const [name, child] of node.children) {
    const baseChild = base === undefined ? undefined : lookup(base, name);
    // Where a base document and a rule overlap, OPA's merged view keeps the base document.
    if (baseChild !== undefined && child.hasRules) continue;
    let v: Value | undefined;
    if (child.hasRules || st.dataOverrides.has(child.path.join('.'))) {
      if (child.kind === 'function') continue;
      v = nodeValue(child, st);
    } else v = namespaceValue(child, baseChild, st);
    if (v !== undefined) out.put(name, v);
  }
  return out;
}

// ---- rules -----------------------------------------------------------------------------------

/** The document a rule node defines (cached per state). */
export function nodeValue(node: RuleNode, st: State): Value | undefined {
  const override = st.dataOverrides.get(node.path.join('.'));
  if (override !== undefined) return override;
  const cached = st.nodeCache.get(node);
  if (cached === EVALUATING) throw new RegoError('rego_recursion_error', `rule data.${node.path.join('.')} is recursive`, node.rules[0]?.loc);
  if (st.nodeCache.has(node)) return cached;
  st.nodeCache.set(node, EVALUATING);
  try {
    const v = computeNode(node, st);
    st.nodeCache.set(node, v);
    return v;
  } catch (e) {
    st.nodeCache.delete(node);
    throw e;
  }
}

function computeNode(node: RuleNode, st: State): Value | undefined {
  switch (node.kind) {
    case 'function':
    case undefined:
      return undefined;
    case 'complete': {
      let result: Value | undefined;
      for (const rule of node.rules) {
        for (const v of ruleValues(rule, st)) {
          if (result !== undefined && !equal(result, v))
            throw new RegoError('eval_conflict_error', `rule data.${node.path.join('.')} produced conflicting values (complete rules must not produce multiple outputs)`, rule.loc);
          result = v;
        }
      }
      return result !== undefined ? result : defaultValue(node, st);
    }
    case 'set': {
      if (node.rules.some((r) => r.dynamicPath.length > 0)) return multiValueObject(node, st);
      const out = new SetValue();
      for (const rule of node.rules) {
        const env = new Env(rule);
        evalBody(rule.body, 0, env, st, () => evalTerm(rule.key!, env, st, (v) => (out.add(v), false)));
      }
      return out;
    }
    case 'object': {
      const out = new ObjectValue();
      for (const rule of node.rules) {
        const env = new Env(rule);
        evalBody(rule.body, 0, env, st, () =>
          evalTerms(rule.dynamicPath, 0, [], env, st, (keys) =>
            evalTerm(rule.value ?? TRUE_TERM, env, st, (v) => {
              insertAt(out, keys, v, node, rule);
              return false;
            }),
          ),
        );
      }
      addChildren(out, node, st);
      return out;
    }
  }
}

/** Rules with a static key under this one (`p["foo"] := 1` beside `p[k] := v`) add their documents. */
function addChildren(out: ObjectValue, node: RuleNode, st: State): void {
  for (const [name, child] of node.children) {
    if (child.kind === 'function') continue;
    const v = child.hasRules ? nodeValue(child, st) : namespaceValue(child, undefined, st);
    if (v !== undefined) insertAt(out, [name], v, node, child.rules[0] ?? node.rules[0]);
  }
}

/** `p[a][b] contains x`: nested objects whose leaves are sets. */
function multiValueObject(node: RuleNode, st: State): ObjectValue {
  const out = new ObjectValue();
  for (const rule of node.rules) {
    const env = new Env(rule);
    evalBody(rule.body, 0, env, st, () =>
      evalTerms(rule.dynamicPath, 0, [], env, st, (keys) =>
        evalTerm(rule.key!, env, st, (v) => {
          let cur = out;
          for (const key of keys.slice(0, -1)) {
            let next = cur.get(key);
            if (!(next instanceof ObjectValue)) cur.put(key, (next = new ObjectValue()));
            cur = next;
          }
          const last = keys[keys.length - 1];
          let leaf = cur.get(last);
          if (!(leaf instanceof SetValue)) cur.put(last, (leaf = new SetValue()));
          leaf.add(v);
          return false;
        }),
      ),
    );
  }
  addChildren(out, node, st);
  return out;
}

const TRUE_TERM: Term = { type: 'boolean', value: true, loc: { file: '', row: 0, col: 0 } };

/** Places a value of a ref-head rule (`p[a][b] := v`) into the nested object it builds. */
function insertAt(obj: ObjectValue, keys: Value[], v: Value, node: RuleNode, rule: CompiledRule): void {
  let cur = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    let next = cur.get(keys[i]);
    if (next === undefined) {
      next = new ObjectValue();
      cur.put(keys[i], next);
    } else if (!(next instanceof ObjectValue)) {
      throw new RegoError('eval_conflict_error', `rule data.${node.path.join('.')} produced conflicting values`, rule.loc);
    }
    cur = next;
  }
  const last = keys[keys.length - 1];
  const prev = cur.get(last);
  if (prev !== undefined && !equal(prev, v)) {
    const msg = keys.length > 1 ? `rule data.${[...node.path, ...keys.slice(0, -1).map(String)].join('.')} produced conflicting values` : 'object keys must be unique';
    throw new RegoError('eval_conflict_error', msg, rule.loc);
  }
  cur.put(last, v);
}

/** Values a complete rule (with its else chain) produces: the first branch with a solution decides. */
function ruleValues(rule: CompiledRule, st: State): Value[] {
  for (const branch of [rule, ...rule.elseChain]) {
    const env = new Env(rule);
    const values: Value[] = [];
    evalBody(branch.body, 0, env, st, () => evalTerm(branch.value ?? TRUE_TERM, env, st, (v) => (values.push(v), false)));
    if (values.length) return values;
  }
  return [];
}

function defaultValue(node: RuleNode, st: State): Value | undefined {
  const d = node.defaults[0];
  if (!d) return undefined;
  let v: Value | undefined;
  evalTerm(d.value ?? TRUE_TERM, new Env(d), st, (x) => ((v = x), true));
  return v;
}

/** Calls a user-defined function; results are memoised per state and argument list. */
/**
 * A memo keyed by the arguments: scalars by value, composites by identity. Documents are immutable
 * and usually passed as the same instance (a resource object), so identity finds them without
 * hashing whole objects; an equal copy only misses the memo.
 */
class ArgsMemo {
  private readonly children = new Map<unknown, ArgsMemo>();
  private hit = false;
  private value: Value | undefined;

  private static node(root: ArgsMemo, args: readonly Value[], create: boolean): ArgsMemo | undefined {
    let cur = root;
    for (const a of args) {
      // Map keys compare numbers by value (SameValueZero) and big integers are always bigint, so scalars key themselves.
      let next = cur.children.get(a);
      if (!next) {
        if (!create) return undefined;
        cur.children.set(a, (next = new ArgsMemo()));
      }
      cur = next;
    }
    return cur;
  }

  lookup(args: readonly Value[]): { value: Value | undefined } | undefined {
    const n = ArgsMemo.node(this, args, false);
    return n?.hit ? { value: n.value } : undefined;
  }

  store(args: readonly Value[], value: Value | undefined): void {
    const n = ArgsMemo.node(this, args, true)!;
    n.hit = true;
    n.value = value;
  }
}

function callFunction(node: RuleNode, args: Value[], st: State, loc: Location): Value | undefined {
  let memo = st.fnCache.get(node);
  if (!memo) st.fnCache.set(node, (memo = new ArgsMemo()));
  const cached = memo.lookup(args);
  if (cached) return cached.value;
  let result: Value | undefined;
  for (const rule of node.rules) {
    for (const branch of [rule, ...rule.elseChain]) {
      const env = new Env(rule);
      let produced = false;
      bindArgs(branch.args ?? rule.args!, args, 0, env, st, () =>
        evalBody(branch.body, 0, env, st, () =>
          evalTerm(branch.value ?? TRUE_TERM, env, st, (v) => {
            produced = true;
            if (result !== undefined && !equal(result, v))
              throw new RegoError('eval_conflict_error', `function data.${node.path.join('.')} produced conflicting values for the same inputs (functions must not produce multiple outputs for same inputs)`, rule.loc ?? loc);
            result = v;
            return false;
          }),
        ),
      );
      if (produced) break;
    }
  }
  if (result === undefined) {
    const d = node.defaults[0];
    if (d) evalTerm(d.value ?? TRUE_TERM, new Env(d), st, (x) => ((result = x), true));
  }
  memo.store(args, result);
  return result;
}

function bindArgs(patterns: readonly Term[], args: Value[], i: number, env: Env, st: State, k: K): boolean {
  if (i === patterns.length) return k();
  return unifyValue(patterns[i], args[i], env, st, () => bindArgs(patterns, args, i + 1, env, st, k));
}

// ---- unification -----------------------------------------------------------------------------

function unify(a: Term, b: Term, env: Env, st: State, k: K): boolean {
  if (isBound(a, env)) return evalTerm(a, env, st, (va) => unifyValue(b, va, env, st, k));
  if (isBound(b, env)) return evalTerm(b, env, st, (vb) => unifyValue(a, vb, env, st, k));
  if (a.type === 'array' && b.type === 'array' && a.items.length === b.items.length) return unifyItems(a.items, b.items, 0, env, st, k);
  if (a.type === 'object' && b.type === 'object' && a.entries.length === b.entries.length) {
    return evalTerms(a.entries.map((e) => e[0]), 0, [], env, st, (keysA) => {
      const byKey = new Map<string, Term>();
      for (const [kt, vt] of b.entries) {
        let kv: Value | undefined;
        evalTerm(kt, env, st, (x) => ((kv = x), true));
        if (kv === undefined) return false;
        byKey.set(hashKey(kv), vt);
      }
      const pairsB: Term[] = [];
      for (const key of keysA) {
        const vt = byKey.get(hashKey(key));
        if (!vt) return false;
        pairsB.push(vt);
      }
      return unifyItems(a.entries.map((e) => e[1]), pairsB, 0, env, st, k);
    });
  }
  const v = firstUnbound(a, env) ?? firstUnbound(b, env) ?? '?';
  throw new RegoError('rego_unsafe_var_error', `var ${displayName(v)} is unsafe`, a.loc);
}

function unifyItems(as: readonly Term[], bs: readonly Term[], i: number, env: Env, st: State, k: K): boolean {
  if (i === as.length) return k();
  return unify(as[i], bs[i], env, st, () => unifyItems(as, bs, i + 1, env, st, k));
}

function firstUnbound(t: Term, env: Env): string | undefined {
  if (t.type === 'var') return env.vals.has(t.name) ? undefined : t.name;
  if (t.type === 'array') for (const x of t.items) return firstUnbound(x, env);
  return undefined;
}

/** Unifies a term (possibly a pattern with unbound vars) with a value. */
export function unifyValue(t: Term, v: Value, env: Env, st: State, k: K): boolean {
  switch (t.type) {
    case 'var': {
      if (t.name === 'input' || t.name === 'data') return evalTerm(t, env, st, (x) => (equal(x, v) ? k() : false));
      const bound = env.vals.get(t.name);
      if (bound !== undefined) return equal(bound, v) ? k() : false;
      env.vals.set(t.name, v);
      try {
        return k();
      } finally {
        env.vals.delete(t.name);
      }
    }
    case 'array': {
      if (!Array.isArray(v) || v.length !== t.items.length) return false;
      const arr = v as readonly Value[];
      const step = (i: number): boolean => (i === arr.length ? k() : unifyValue(t.items[i], arr[i], env, st, () => step(i + 1)));
      return step(0);
    }
    case 'object': {
      if (!(v instanceof ObjectValue) || v.size !== t.entries.length) return false;
      const step = (i: number): boolean => {
        if (i === t.entries.length) return k();
        const [kt, vt] = t.entries[i];
        return evalTerm(kt, env, st, (key) => {
          const x = v.get(key);
          return x === undefined ? false : unifyValue(vt, x, env, st, () => step(i + 1));
        });
      };
      return step(0);
    }
    default:
      return evalTerm(t, env, st, (x) => (equal(x, v) ? k() : false));
  }
}

// ---- calls -----------------------------------------------------------------------------------

/** A call's operator name, computed once per call site (calls run in hot loops). */
const callNames = new WeakMap<CallTerm, string>();
function callName(t: CallTerm): string {
  let name = callNames.get(t);
  if (name === undefined) callNames.set(t, (name = opName(t)));
  return name;
}

/** The rule node a `data.…` function name denotes, per policy. */
const functionNodes = new WeakMap<RuleNode, Map<string, RuleNode | undefined>>();
function functionNode(root: RuleNode, name: string): RuleNode | undefined {
  let byName = functionNodes.get(root);
  if (!byName) functionNodes.set(root, (byName = new Map<string, RuleNode | undefined>()));
  if (!byName.has(name)) byName.set(name, findNode(root, name.split('.').slice(1)));
  return byName.get(name);
}

function evalCallExpr(t: CallTerm, env: Env, st: State, k: K): boolean {
  const name = callName(t);
  if (name === 'eq' || name === 'assign') return unify(t.args[0], t.args[1], env, st, k);
  const arity = arityOf(name, st);
  if (arity !== undefined && t.args.length === arity + 1) {
    const out = t.args[arity];
    return callWith(t, name, t.args.slice(0, arity), env, st, (v) => unifyValue(out, v, env, st, k));
  }
  return callWith(t, name, t.args, env, st, (v) => (v === false ? false : k()));
}

function evalCall(t: CallTerm, env: Env, st: State, k: KV): boolean {
  const name = callName(t);
  if (name === 'eq' || name === 'assign') return unify(t.args[0], t.args[1], env, st, () => k(true));
  return callWith(t, name, t.args, env, st, k);
}

function arityOf(name: string, st: State): number | undefined {
  if (name.startsWith('data.')) return functionNode(st.root, name)?.arity;
  const b = BUILTINS.get(name) ?? ENGINE_BUILTINS.get(name);
  return b && b.arity >= 0 ? b.arity : undefined;
}

function callWith(t: CallTerm, name: string, argTerms: readonly Term[], env: Env, st: State, k: KV): boolean {
  const mock = st.mocks.size ? st.mocks.get(name) : undefined;
  if (mock) {
    if (mock.kind === 'value') return evalTerms(argTerms, 0, [], env, st, () => k(mock.value));
    // A mocked function is replaced by another, which runs with no mocks: a mock never calls another mock.
    return callWith(t, mock.name, argTerms, env, st.derive({ mocks: new Map() }), k);
  }
  switch (name) {
    case 'print':
      printCall(argTerms, env, st);
      return k(true);
    case 'internal.member_2':
      return evalTerms(argTerms, 0, [], env, st, ([x, coll]) => k(iterate(coll, (_key, val) => equal(val, x))));
    case 'internal.member_3':
      return evalTerms(argTerms, 0, [], env, st, ([key, x, coll]) => {
        const found = lookup(coll, key);
        return k(found !== undefined && !(coll instanceof SetValue) && equal(found, x));
      });
    case 'rego.metadata.rule':
      return k(ruleMetadata(env.rule));
    case 'rego.metadata.chain':
      return k(metadataChain(env.rule));
    case 'trace':
      return k(true);
    case 'opa.runtime':
      return k(new ObjectValue());
  }
  if (name.startsWith('data.')) {
    const node = functionNode(st.root, name);
    if (!node) return false;
    if (node.kind !== 'function') {
      // Calling a document that is not a function: its value, as OPA's `data.x.p(…)` is undefined otherwise.
      return false;
    }
    return evalTerms(argTerms, 0, [], env, st, (args) => {
      const v = callFunction(node, args, st, t.loc);
      return v === undefined ? false : k(v);
    });
  }
  const engine = ENGINE_BUILTINS.get(name);
  if (engine?.unavailable) throw new RegoError('eval_builtin_error', `${name}: not available: ${engine.unavailable}`, t.loc);
  const def = BUILTINS.get(name);
  if (!def) throw new RegoError('rego_type_error', `undefined function ${name}`, t.loc);
  return evalArgs(argTerms, env, st, (args) => {
    const result = invoke(def, args, st, t.loc);
    if (result === undefined) return false;
    if (def.relation) return (result as readonly Value[]).some((r) => k(r));
    return k(result);
  });
}

/**
 * Evaluates call arguments. Arguments that are unbound vars wait until the others ran, because a
 * reference in another argument may bind them (`foo == input.foos[foo]`).
 */
function evalArgs(argTerms: readonly Term[], env: Env, st: State, k: (vs: Value[]) => boolean): boolean {
  const deferred = argTerms.some((a) => a.type === 'var' && !isBound(a, env));
  if (!deferred) return evalTerms(argTerms, 0, [], env, st, k);
  const order = [...argTerms.keys()].sort((a, b) => Number(argTerms[a].type === 'var') - Number(argTerms[b].type === 'var'));
  return evalTerms(order.map((i) => argTerms[i]), 0, [], env, st, (vs) => {
    const args: Value[] = new Array<Value>(vs.length);
    order.forEach((argIndex, j) => (args[argIndex] = vs[j]));
    return k(args);
  });
}

function invoke(def: BuiltinDef, args: Value[], st: State, loc: Location): Value | undefined {
  try {
    return def.fn(args, st.ctx);
  } catch (e) {
    if (e instanceof RegoError) throw e;
    // As in OPA, a failing builtin (wrong operand type included) makes the call undefined, unless
    // strict builtin errors are on: then it is a query error.
    if (st.strict && e instanceof OperandError) throw new RegoError('eval_type_error', `${def.name}: ${e.message}`, loc);
    if (st.strict) {
      const message = e instanceof BuiltinError || e instanceof Error ? e.message : String(e);
      throw new RegoError('eval_builtin_error', `${def.name}: ${message}`, loc);
    }
    return undefined;
  }
}

function printCall(argTerms: readonly Term[], env: Env, st: State): void {
  const parts = argTerms.map((a) => {
    const values: Value[] = [];
    evalTerm(a, env, st, (v) => (values.push(v), false));
    if (values.length === 0) return '<undefined>';
    return values.map((v) => (typeof v === 'string' ? v : toRegoString(v))).join(', ');
  });
  st.ctx.print(parts.join(' '));
}

// ---- metadata --------------------------------------------------------------------------------

function annotationValue(a: Annotation): Value {
  return fromJSON({ ...a.fields, scope: a.scope });
}

function ruleMetadata(rule: CompiledRule | undefined): Value {
  const a = rule?.annotations.find((x) => x.scope === 'rule' || x.scope === 'document');
  return a ? annotationValue(a) : new ObjectValue();
}

function metadataChain(rule: CompiledRule | undefined): Value {
  if (!rule) return [];
  const chain: Value[] = [];
  const entry = (path: string[], a: Annotation | undefined) => {
    const o = new ObjectValue();
    o.put('path', path);
    if (a) o.put('annotations', annotationValue(a));
    chain.push(o);
  };
  const ruleAnn = rule.annotations.filter((x) => x.scope === 'rule' || x.scope === 'document');
  entry(rule.path, ruleAnn[0]);
  for (const a of rule.packageAnnotations.filter((x) => x.scope === 'package')) entry(rule.packagePath, a);
  for (const a of rule.packageAnnotations.filter((x) => x.scope === 'subpackages')) entry(rule.packagePath, a);
  return chain;
}
