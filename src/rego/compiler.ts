/**
 * The compiler: merges parsed modules into one rule tree keyed by package path, resolves names
 * (rule references, imports, builtins) nested declarations so that scopes cannot collide,
 * orders body literals for safety, and checks what can be checked before evaluation (unsafe vars,
 * undefined functions, arity, recursion, mixed rule kinds).
 */
import type { Annotation, Expr, Module, Rule, RuleHead, Term, VarTerm, RefTerm, CallTerm, Location } from './ast.js';
import { RegoError, RegoErrors } from './errors.js';
import { BUILTINS } from './builtins/index.js';
import { ENGINE_BUILTINS } from './engine-builtins.js';
import { Orderer } from './safety.js';

export type RuleKind = 'complete' | 'set' | 'object' | 'function';

export interface CompiledRule {
  kind: RuleKind;
  /** Full path of the node the rule defines, e.g. ['test', 'p'] for data.test.p. */
  path: string[];
  /** For object rules (`p[k] := v`, `a.b[x].c := v`): the head path terms after the node's path. */
  dynamicPath: Term[];
  /** For set rules: the element. */
  key?: Term;
  value?: Term;
  args?: Term[];
  body: Expr[];
  elseChain: CompiledRule[];
  isDefault: boolean;
  annotations: Annotation[];
  packagePath: string[];
  packageAnnotations: Annotation[];
  loc: Location;
  file: string;
}

export class RuleNode {
  readonly children = new Map<string, RuleNode>();
  readonly rules: CompiledRule[] = [];
  readonly defaults: CompiledRule[] = [];
  kind: RuleKind | undefined;
  constructor(
    readonly path: string[],
    readonly parent: RuleNode | undefined,
  ) {}

  child(key: string): RuleNode {
    let c = this.children.get(key);
    if (!c) {
      c = new RuleNode([...this.path, key], this);
      this.children.set(key, c);
    }
    return c;
  }

  get hasRules(): boolean {
    return this.rules.length > 0 || this.defaults.length > 0;
  }

  get arity(): number | undefined {
    const r = this.rules[0] ?? this.defaults[0];
    return r?.args?.length;
  }
}

export interface CompiledPolicy {
  root: RuleNode;
  modules: Module[];
}

/** Names with special meaning in a body; never treated as locals. */
const ROOTS = new Set(['input', 'data']);

let uniqueCounter = 0;
const fresh = (name: string): string => `${name}$${++uniqueCounter}`;


export function compileModules(modules: Module[]): CompiledPolicy {
  const root = new RuleNode([], undefined);
  const errors: RegoError[] = [];
  const packageAnnotations = new Map<string, Annotation[]>();

  // Rule names of each package, for resolving bare references to rules of the same package.
  const packageRules = new Map<string, Set<string>>();
  for (const m of modules) {
    const key = m.package.join('.');
    const names = packageRules.get(key) ?? new Set<string>();
    for (const r of m.rules) names.add(r.head.name);
    packageRules.set(key, names);
    if (m.packageAnnotations.length) packageAnnotations.set(key, [...(packageAnnotations.get(key) ?? []), ...m.packageAnnotations]);
  }

  for (const m of modules) {
    const resolver = new Resolver(m, packageRules.get(m.package.join('.'))!);
    for (const rule of m.rules) {
      try {
        const compiled = compileRule(rule, m, resolver, packageAnnotations.get(m.package.join('.')) ?? []);
        const node = nodeAt(root, compiled.path);
        const kindError = checkKind(node, compiled);
        if (kindError) {
          errors.push(kindError);
          continue;
        }
        (compiled.isDefault ? node.defaults : node.rules).push(compiled);
      } catch (e) {
        if (e instanceof RegoError) errors.push(e);
        else if (e instanceof RegoErrors) errors.push(...e.errors);
        else throw e;
      }
    }
  }
  if (errors.length === 0) errors.push(...checkCalls(root), ...checkRecursion(root));
  if (errors.length === 0) errors.push(...orderBodies(root));
  if (errors.length) throw new RegoErrors(errors);
  return { root, modules };
}

function nodeAt(root: RuleNode, path: string[]): RuleNode {
  let n = root;
  for (const p of path) n = n.child(p);
  return n;
}

function checkKind(node: RuleNode, rule: CompiledRule): RegoError | undefined {
  if (node.kind === undefined || node.kind === rule.kind) {
    node.kind = rule.kind;
    if (rule.kind === 'function' && node.arity !== undefined && node.arity !== rule.args!.length)
      return new RegoError('rego_type_error', `function data.${node.path.join('.')} has arity ${node.arity}, but this definition has ${rule.args!.length} arguments`, rule.loc);
    return undefined;
  }
  const what = (k: RuleKind) => (k === 'function' ? 'function' : k === 'complete' ? 'complete rule' : k === 'set' ? 'multi-value (contains) rule' : 'partial object rule');
  return new RegoError('rego_type_error', `conflicting rules data.${node.path.join('.')} found: ${what(rule.kind)} mixed with ${what(node.kind)}`, rule.loc);
}

function compileRule(rule: Rule, m: Module, resolver: Resolver, pkgAnnotations: Annotation[]): CompiledRule {
  const head = rule.head;
  const staticPath: string[] = [...m.package];
  staticPath.push(head.name);
  let i = 0;
  for (; i < head.path.length; i++) {
    const seg = head.path[i];
    if (seg.type !== 'string') break;
    // The last segment of an object-style head (`p.q := v` vs `p[q] := v`) stays static for complete rules.
    staticPath.push(seg.value);
  }
  const dynamicPath = head.path.slice(i);
  let kind: RuleKind;
  if (head.args) kind = 'function';
  else if (head.key && !head.value) kind = 'set';
  else if (dynamicPath.length > 0) kind = 'object';
  else kind = 'complete';

  const compileOne = (r: Rule, h: RuleHead): CompiledRule => {
    const scope = new Scope(undefined);
    // Head vars (args, keys, values) live in the rule body's scope; arguments are declared there.
    const argVars = new Set<string>();
    for (const a of h.args ?? []) collectPatternVars(a, argVars);
    for (const v of argVars) if (v !== '_') scope.names.set(v, v);
    const resolvedArgs = h.args?.map((a) => resolver.term(a, scope, true));
    // An argument that is not a plain var (`f([a, b])`, `f($"{x}")`) becomes a fresh var unified with
    // it in the body, as OPA rewrites it, so that safety orders it like any other expression.
    const argUnifications: Expr[] = [];
    const args = resolvedArgs?.map((a) => {
      if (a.type === 'var') return a;
      const v: Term = { type: 'var', name: fresh('arg'), loc: a.loc };
      const eq: Term = { type: 'call', operator: { type: 'var', name: 'eq', loc: a.loc }, args: [v, a], loc: a.loc };
      argUnifications.push({ kind: 'term', term: eq, negated: false, with: [], loc: a.loc });
      return v;
    });
    const body = [...argUnifications, ...resolver.body(r.body, scope)];
    const key = h.key && resolver.term(h.key, scope, false);
    const value = h.value && resolver.term(h.value, scope, false);
    const dyn = dynamicPath.map((t) => resolver.term(t, scope, false));
    return {
      kind,
      path: staticPath,
      dynamicPath: dyn,
      key,
      value,
      args,
      body,
      elseChain: [],
      isDefault: r.isDefault,
      annotations: r.annotations ?? [],
      packagePath: m.package,
      packageAnnotations: pkgAnnotations,
      loc: r.loc,
      file: m.file,
    };
  };
  const compiled = compileOne(rule, head);
  for (let e = rule.else; e; e = e.else) {
    // An else branch shares the function's arguments.
    compiled.elseChain.push(compileOne(e, { ...e.head, args: head.args }));
  }
  return compiled;
}

/** Collects vars that a term binds when unified as a pattern (vars and vars nested in arrays/objects). */
export function collectPatternVars(t: Term, out: Set<string>): void {
  switch (t.type) {
    case 'var':
      out.add(t.name);
      return;
    case 'array':
      t.items.forEach((x) => collectPatternVars(x, out));
      return;
    case 'object':
      t.entries.forEach(([, v]) => collectPatternVars(v, out));
      return;
    default:
      return;
  }
}

/** Lexical scope of declared vars; renamed names map user names to unique internal ones. */
class Scope {
  readonly names = new Map<string, string>();
  constructor(readonly parent: Scope | undefined) {}
  lookup(name: string): string | undefined {
    return this.names.get(name) ?? this.parent?.lookup(name);
  }
}

/**
 * Rewrites terms of one module: bare rule names and import aliases become data/input references,
 * `_` becomes a fresh var, declarations in nested scopes (comprehensions, every) get unique names.
 */
class Resolver {
  private readonly imports = new Map<string, RefTerm | VarTerm>();

  constructor(
    private readonly module: Module,
    private readonly ruleNames: Set<string>,
  ) {
    for (const imp of module.imports) {
      const root = imp.path.type === 'var' ? imp.path.name : imp.path.head.type === 'var' ? imp.path.head.name : '';
      if (root !== 'data' && root !== 'input') continue; // rego.v1, future.keywords: syntax switches only
      const last = imp.path.type === 'ref' ? imp.path.path[imp.path.path.length - 1] : undefined;
      const alias = imp.alias ?? (last && last.type === 'string' ? last.value : root);
      this.imports.set(alias, imp.path);
    }
  }

  body(exprs: Expr[], scope: Scope): Expr[] {
    return exprs.map((e) => this.expr(e, scope));
  }

  private expr(e: Expr, scope: Scope): Expr {
    const withs = e.with.map((w) => ({ ...w, target: this.withTarget(w.target), value: this.term(w.value, scope, false) }));
    switch (e.kind) {
      case 'term': {
        let term = e.term;
        // `x := v` declares x (and vars of a pattern) in the current scope.
        if (term.type === 'call' && opName(term) === 'assign') {
          const value = this.term(term.args[1], scope, false);
          const target = this.declare(term.args[0], scope);
          return { ...e, with: withs, term: { ...term, args: [target, value] } };
        }
        term = this.term(term, scope, false);
        return { ...e, with: withs, term };
      }
      case 'some': {
        if (!e.domain) {
          const vars = e.vars.map((v) => this.declare(v, scope));
          return { ...e, with: withs, vars };
        }
        const domain = this.term(e.domain, scope, false);
        const vars = e.vars.map((v) => this.declare(v, scope));
        return { ...e, with: withs, vars, domain };
      }
      case 'every': {
        const domain = this.term(e.domain, scope, false);
        const inner = new Scope(scope);
        const key = e.key && this.declare(e.key, inner, true);
        const value = this.declare(e.value, inner, true);
        const body = this.body(e.body, inner);
        return { ...e, with: withs, key, value, domain, body };
      }
    }
  }

  /** A declared pattern: its vars get names local to this scope (unique when nested, to avoid capture). */
  private declare(t: Term, scope: Scope, forceFresh = false): Term {
    const vars = new Set<string>();
    collectPatternVars(t, vars);
    for (const v of vars) {
      if (v === '_') continue;
      const nested = scope.parent !== undefined || forceFresh;
      scope.names.set(v, nested ? fresh(v) : v);
    }
    return this.term(t, scope, false);
  }

  /** `with` targets stay as written but with import aliases and rule names expanded. */
  private withTarget(t: Term): Term {
    if (t.type === 'var') {
      const imp = this.imports.get(t.name);
      if (imp) return imp;
      if (this.ruleNames.has(t.name)) return dataRef([...this.module.package, t.name], t.loc);
      return t;
    }
    if (t.type === 'ref' && t.head.type === 'var') {
      const imp = this.imports.get(t.head.name);
      if (imp) return { ...t, head: refHead(imp), path: [...refPath(imp), ...t.path] };
    }
    return t;
  }

  term(t: Term, scope: Scope, isPatternDecl: boolean): Term {
    switch (t.type) {
      case 'var':
        return this.varTerm(t, scope, isPatternDecl);
      case 'ref': {
        const head = this.term(t.head, scope, false);
        const path = t.path.map((p) => this.term(p, scope, false));
        if (head.type === 'ref') return { ...t, head: head.head, path: [...head.path, ...path] };
        return { ...t, head, path };
      }
      case 'array':
        return { ...t, items: t.items.map((x) => this.term(x, scope, isPatternDecl)) };
      case 'set':
        return { ...t, items: t.items.map((x) => this.term(x, scope, false)) };
      case 'object':
        return {
          ...t,
          entries: t.entries.map(([k, v]) => [this.term(k, scope, false), this.term(v, scope, isPatternDecl)] as [Term, Term]),
        };
      case 'arraycomp':
      case 'setcomp': {
        const inner = new Scope(scope);
        const body = this.body(t.body, inner);
        return { ...t, body, term: this.term(t.term, inner, false) };
      }
      case 'objectcomp': {
        const inner = new Scope(scope);
        const body = this.body(t.body, inner);
        return { ...t, body, key: this.term(t.key, inner, false), value: this.term(t.value, inner, false) };
      }
      case 'call':
        return this.call(t, scope);
      case 'template':
        return { ...t, parts: t.parts.map((p) => (typeof p === 'string' ? p : this.term(p, scope, false))) };
      default:
        return t;
    }
  }

  private varTerm(t: VarTerm, scope: Scope, isPatternDecl: boolean): Term {
    if (t.name === '_') return { ...t, name: fresh('_') };
    const local = scope.lookup(t.name);
    if (local !== undefined) return local === t.name ? t : { ...t, name: local };
    if (isPatternDecl) return t;
    if (ROOTS.has(t.name)) return t;
    const imp = this.imports.get(t.name);
    if (imp) return imp;
    if (this.ruleNames.has(t.name)) return dataRef([...this.module.package, t.name], t.loc);
    return t;
  }

  private call(t: CallTerm, scope: Scope): Term {
    const args = t.args.map((a) => this.term(a, scope, false));
    const name = opName(t);
    // A call whose operator names a rule of this package or an import is a user function.
    const first = name.split('.')[0];
    let operator: RefTerm | VarTerm = t.operator;
    if (!scope.lookup(first)) {
      if (t.operator.type === 'var' && this.ruleNames.has(name)) operator = dataRef([...this.module.package, name], t.operator.loc);
      else if (this.imports.has(first) && !BUILTINS.has(name) && !ENGINE_BUILTINS.has(name)) {
        const imp = this.imports.get(first)!;
        const rest = name.split('.').slice(1);
        operator = { type: 'ref', head: refHead(imp), path: [...refPath(imp), ...rest.map((s) => str(s, t.loc))], loc: t.loc };
      } else if (first !== 'data' && this.ruleNames.has(first) && !BUILTINS.has(name) && !ENGINE_BUILTINS.has(name)) {
        operator = dataRef([...this.module.package, ...name.split('.')], t.operator.loc);
      }
    }
    return { ...t, operator, args };
  }
}

const str = (value: string, loc: Location): Term => ({ type: 'string', value, loc });

function dataRef(path: string[], loc: Location): RefTerm {
  return { type: 'ref', head: { type: 'var', name: 'data', loc }, path: path.map((p) => str(p, loc)), loc };
}

const refHead = (t: RefTerm | VarTerm): Term => (t.type === 'ref' ? t.head : t);
const refPath = (t: RefTerm | VarTerm): Term[] => (t.type === 'ref' ? t.path : []);

/** The dotted name of a call's operator: `count`, `strings.replace_n`, `data.lib.f`. */
export function opName(t: CallTerm): string {
  return refToName(t.operator) ?? '';
}

/** A reference made only of a var head and string segments, as a dotted name; undefined otherwise. */
export function refToName(t: Term): string | undefined {
  if (t.type === 'var') return t.name;
  if (t.type !== 'ref' || t.head.type !== 'var') return undefined;
  const parts = [t.head.name];
  for (const p of t.path) {
    if (p.type !== 'string') return undefined;
    parts.push(p.value);
  }
  return parts.join('.');
}

/** Looks a data path up in the rule tree: the node when every segment exists. */
export function findNode(root: RuleNode, path: readonly string[]): RuleNode | undefined {
  let n: RuleNode | undefined = root;
  for (const p of path) {
    n = n.children.get(p);
    if (!n) return undefined;
  }
  return n;
}

const isBuiltinName = (name: string): boolean => BUILTINS.has(name) || ENGINE_BUILTINS.has(name);

/** The arity of a call's operator: a builtin's, or a user function's from the rule tree. */
export function arityLookup(root: RuleNode): (call: CallTerm) => number | undefined {
  return (call) => {
    const name = opName(call);
    if (name.startsWith('data.')) return findNode(root, name.split('.').slice(1))?.arity;
    const b = BUILTINS.get(name) ?? ENGINE_BUILTINS.get(name);
    return b && b.arity >= 0 ? b.arity : undefined;
  };
}

function orderBodies(root: RuleNode): RegoError[] {
  const orderer = new Orderer(arityLookup(root), isBuiltinName);
  const errors: RegoError[] = [];
  for (const r of allRules(root)) {
    const bound = new Set<string>();
    for (const a of r.args ?? []) collectPatternVars(a, bound);
    const headTerms = [r.key, r.value, ...r.dynamicPath].filter((t): t is Term => t !== undefined);
    try {
      r.body = orderer.order(r.body, bound, headTerms, r.loc);
    } catch (e) {
      if (e instanceof RegoError) errors.push(e);
      else throw e;
    }
  }
  return errors;
}

/** Resolves and orders a query against a compiled policy; its vars keep their names for the results. */
export function compileQuery(query: Expr[], root: RuleNode): Expr[] {
  const loc = query[0]?.loc ?? { file: 'query', row: 1, col: 1 };
  const module: Module = { file: loc.file, package: [], packageLoc: loc, imports: [], rules: [], packageAnnotations: [] };
  const body = new Resolver(module, new Set()).body(query, new Scope(undefined));
  const errors: RegoError[] = [];
  for (const e of body) for (const t of exprTerms(e)) if (t.type === 'call') {
    const err = checkCall(root, t);
    if (err) errors.push(err);
  }
  if (errors.length) throw new RegoErrors(errors);
  try {
    return new Orderer(arityLookup(root), isBuiltinName).order(body, new Set(), [], loc);
  } catch (e) {
    if (e instanceof RegoError) throw new RegoErrors([e]);
    throw e;
  }
}

// ---- checks after all rules are placed -------------------------------------------------------

function* allRules(node: RuleNode): Generator<CompiledRule> {
  for (const r of [...node.rules, ...node.defaults]) {
    yield r;
    yield* r.elseChain;
  }
  for (const c of node.children.values()) yield* allRules(c);
}

function* walkTerms(t: Term): Generator<Term> {
  yield t;
  switch (t.type) {
    case 'ref':
      yield* walkTerms(t.head);
      for (const p of t.path) yield* walkTerms(p);
      return;
    case 'array':
    case 'set':
      for (const x of t.items) yield* walkTerms(x);
      return;
    case 'object':
      for (const [k, v] of t.entries) {
        yield* walkTerms(k);
        yield* walkTerms(v);
      }
      return;
    case 'arraycomp':
    case 'setcomp':
      yield* walkTerms(t.term);
      for (const e of t.body) yield* exprTerms(e);
      return;
    case 'objectcomp':
      yield* walkTerms(t.key);
      yield* walkTerms(t.value);
      for (const e of t.body) yield* exprTerms(e);
      return;
    case 'call':
      for (const a of t.args) yield* walkTerms(a);
      return;
    case 'template':
      for (const p of t.parts) if (typeof p !== 'string') yield* walkTerms(p);
      return;
    default:
      return;
  }
}

export function* exprTerms(e: Expr): Generator<Term> {
  for (const w of e.with) yield* walkTerms(w.value);
  switch (e.kind) {
    case 'term':
      yield* walkTerms(e.term);
      return;
    case 'some':
      for (const v of e.vars) yield* walkTerms(v);
      if (e.domain) yield* walkTerms(e.domain);
      return;
    case 'every':
      if (e.key) yield* walkTerms(e.key);
      yield* walkTerms(e.value);
      yield* walkTerms(e.domain);
      for (const b of e.body) yield* exprTerms(b);
      return;
  }
}

function* ruleTerms(r: CompiledRule): Generator<Term> {
  for (const t of [r.key, r.value, ...(r.args ?? []), ...r.dynamicPath]) if (t) yield* walkTerms(t);
  for (const e of r.body) yield* exprTerms(e);
}

/** Every call names a builtin or a function, with the right number of arguments. */
function checkCalls(root: RuleNode): RegoError[] {
  const errors: RegoError[] = [];
  for (const r of allRules(root)) {
    for (const t of ruleTerms(r)) {
      if (t.type !== 'call') continue;
      const err = checkCall(root, t);
      if (err) errors.push(err);
    }
  }
  return errors;
}

export function checkCall(root: RuleNode, t: CallTerm): RegoError | undefined {
  const name = opName(t);
  const n = t.args.length;
  if (name.startsWith('data.')) {
    const node = findNode(root, name.split('.').slice(1));
    if (!node) return new RegoError('rego_type_error', `undefined function ${name}`, t.loc);
    if (node.kind !== 'function') return undefined; // calling a non-function document: undefined at runtime, as OPA's type checker would flag
    const arity = node.arity ?? 0;
    if (n !== arity && n !== arity + 1) return arityError(name, arity, n, t.loc);
    return undefined;
  }
  const builtin = BUILTINS.get(name) ?? ENGINE_BUILTINS.get(name);
  if (!builtin) {
    if (t.operator.type === 'var' || t.operator.head.type === 'var') return new RegoError('rego_type_error', `undefined function ${name}`, t.loc);
    return undefined;
  }
  if (builtin.arity >= 0 && n !== builtin.arity && n !== builtin.arity + 1) return arityError(name, builtin.arity, n, t.loc);
  return undefined;
}

function arityError(name: string, arity: number, got: number, loc: Location): RegoError {
  return new RegoError('rego_type_error', `${name}: arity mismatch: expected ${arity} argument${arity === 1 ? '' : 's'}, got ${got}`, loc);
}

/** Rules that depend on themselves, directly or through others, are rejected as OPA does. */
function checkRecursion(root: RuleNode): RegoError[] {
  const deps = new Map<RuleNode, Set<RuleNode>>();
  const nodeOf = new Map<CompiledRule, RuleNode>();
  const collect = (n: RuleNode) => {
    for (const r of [...n.rules, ...n.defaults]) nodeOf.set(r, n);
    n.children.forEach(collect);
  };
  collect(root);
  for (const [rule, node] of nodeOf) {
    const set = deps.get(node) ?? new Set<RuleNode>();
    for (const r of [rule, ...rule.elseChain]) {
      for (const t of ruleTerms(r)) {
        const target = t.type === 'ref' ? refTarget(root, t) : t.type === 'call' ? refTarget(root, t.operator) : undefined;
        if (target) set.add(target);
      }
    }
    deps.set(node, set);
  }
  const errors: RegoError[] = [];
  const state = new Map<RuleNode, 'visiting' | 'done'>();
  const stack: RuleNode[] = [];
  const visit = (n: RuleNode): void => {
    state.set(n, 'visiting');
    stack.push(n);
    for (const d of deps.get(n) ?? []) {
      const s = state.get(d);
      if (s === 'visiting') {
        const cycle = stack.slice(stack.indexOf(d)).map((x) => 'data.' + x.path.join('.'));
        const first = d.rules[0] ?? d.defaults[0];
        errors.push(new RegoError('rego_recursion_error', `rule data.${d.path.join('.')} is recursive: ${[...cycle, cycle[0]].join(' -> ')}`, first?.loc));
      } else if (s === undefined) visit(d);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of deps.keys()) if (!state.has(n)) visit(n);
  return errors;
}

/** The rule node a data reference starts with (its longest static prefix that names rules). */
function refTarget(root: RuleNode, t: Term): RuleNode | undefined {
  if (t.type !== 'ref' || t.head.type !== 'var' || t.head.name !== 'data') return undefined;
  let n = root;
  for (const p of t.path) {
    if (p.type !== 'string') return undefined;
    const c = n.children.get(p.value);
    if (!c) return undefined;
    n = c;
    if (n.hasRules) return n;
  }
  return undefined;
}
