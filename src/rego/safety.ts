/**
 * Safety: orders the literals of a body so that every var is bound before an expression needs it
 * (OPA's reordering: keep the written order where possible, move a literal later only when it needs
 * a var that a later literal binds), and reports vars that nothing can bind as unsafe.
 */
import type { CallTerm, Expr, Location, Term } from './ast.js';
import { RegoError } from './errors.js';

/** Arity of a call's operator, or undefined when unknown (then every argument is an input). */
export type ArityOf = (call: CallTerm) => number | undefined;

const ROOTS = new Set(['input', 'data']);

interface VarUse {
  /** Vars that must be bound before the expression runs. */
  needs: Set<string>;
  /** Vars the expression binds. */
  binds: Set<string>;
}

export class Orderer {
  constructor(
    private readonly arityOf: ArityOf,
    private readonly isFunctionName: (name: string) => boolean,
  ) {}

  private isFunction(t: Term): boolean {
    if (t.type === 'var') return this.isFunctionName(t.name);
    if (t.type !== 'ref' || t.head.type !== 'var' || t.head.name === 'data' || t.head.name === 'input') return false;
    return t.path.every((p) => p.type === 'string') && this.isFunctionName(callName({ type: 'call', operator: t, args: [], loc: t.loc }));
  }

  /**
   * Orders `body` given vars already bound; `headTerms` must be fully bound by the body.
   * Nested bodies (comprehensions, every, negation) are ordered too.
   */
  order(body: Expr[], bound: ReadonlySet<string>, headTerms: Term[], loc: Location): Expr[] {
    const fixed = new Set<string>(bound);
    for (const t of headTerms) termVars(t, fixed);
    const litVars = new Map<Expr, Set<string>>();
    const counts = new Map<string, number>();
    for (const e of body) {
      const vs = new Set<string>();
      exprVars(e, vs);
      litVars.set(e, vs);
      for (const v of vs) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const outer = new Set<string>([...fixed, ...counts.keys()]);
    // A var of a negated literal is the outer var when it occurs anywhere else; otherwise it is local to the negation.
    const elsewhere = (v: string) => fixed.has(v) || (counts.get(v) ?? 0) > 1;
    const pending = body.slice();
    const done = new Set(bound);
    const result: Expr[] = [];
    while (pending.length) {
      let picked = -1;
      let use: VarUse | undefined;
      for (let i = 0; i < pending.length; i++) {
        const u = this.use(pending[i], done, outer, litVars.get(pending[i])!, elsewhere);
        if (u && [...u.needs].every((v) => done.has(v))) {
          picked = i;
          use = u;
          break;
        }
      }
      if (picked < 0) {
        const e = pending[0];
        const u = this.use(e, done, outer, litVars.get(e)!, elsewhere);
        const missing = [...(u?.needs ?? []), ...litVars.get(e)!].find((v) => !done.has(v)) ?? '?';
        throw new RegoError('rego_unsafe_var_error', `var ${displayName(missing)} is unsafe`, e.loc);
      }
      const e = pending.splice(picked, 1)[0];
      result.push(this.nested(e, done, outer));
      for (const v of use!.binds) done.add(v);
    }
    // Head terms are evaluated after the body: their vars must be bound, though refs in them may still iterate.
    for (const t of headTerms) {
      const needs = new Set<string>();
      valueNeeds(t, needs, new Set(), outer);
      for (const v of needs) if (!done.has(v)) throw new RegoError('rego_unsafe_var_error', `var ${displayName(v)} is unsafe`, t.loc ?? loc);
    }
    return result;
  }

  /** Needs and binds of one expression; undefined when it cannot run yet (a unification with unbound vars on both sides). */
  private use(e: Expr, bound: Set<string>, outer: Set<string>, own: Set<string>, elsewhere: (v: string) => boolean): VarUse | undefined {
    const needs = new Set<string>();
    const binds = new Set<string>();
    // A `with` value naming a function (`with count as object.union_n`) is not a var to bind.
    for (const w of e.with) if (!this.isFunction(w.value)) valueNeeds(w.value, needs, binds, outer);
    if (e.negated) {
      for (const v of own) if (elsewhere(v)) needs.add(v);
      return { needs, binds: new Set() };
    }
    const ok = this.positive(e, needs, binds, outer, bound);
    return ok ? { needs, binds } : undefined;
  }

  private positive(e: Expr, needs: Set<string>, binds: Set<string>, outer: Set<string>, bound: Set<string>): boolean {
    switch (e.kind) {
      case 'some':
        if (!e.domain) return true;
        valueNeeds(e.domain, needs, binds, outer);
        for (const v of e.vars) patternVars(v, binds, needs, outer);
        return true;
      case 'every': {
        valueNeeds(e.domain, needs, binds, outer);
        const free = new Set<string>();
        for (const b of e.body) exprVars(b, free);
        const local = new Set<string>();
        if (e.key) termVars(e.key, local);
        termVars(e.value, local);
        for (const v of free) if (!local.has(v) && outer.has(v)) needs.add(v);
        return true;
      }
      case 'term':
        return this.termExpr(e.term, needs, binds, outer, bound);
    }
  }

  private termExpr(t: Term, needs: Set<string>, binds: Set<string>, outer: Set<string>, bound: Set<string>): boolean {
    if (t.type !== 'call') {
      valueNeeds(t, needs, binds, outer);
      return true;
    }
    const name = callName(t);
    if (name === 'eq' || name === 'assign') {
      const [a, b] = t.args;
      if (!unifiable(a, b, bound)) {
        // Not ready yet; report what it needs so the caller can explain an unsafe var.
        valueNeeds(a, needs, binds, outer);
        valueNeeds(b, needs, binds, outer);
        return false;
      }
      patternVars(a, binds, needs, outer);
      patternVars(b, binds, needs, outer);
      for (const v of binds) needs.delete(v);
      return true;
    }
    const arity = this.arityOf(t);
    const hasOutput = arity !== undefined && t.args.length === arity + 1;
    const inputs = hasOutput ? t.args.slice(0, -1) : t.args;
    for (const a of inputs) valueNeeds(a, needs, binds, outer);
    if (hasOutput) patternVars(t.args[t.args.length - 1], binds, needs, outer);
    // A var that a reference in another argument binds is available to the call (`x == xs[x]`).
    for (const v of binds) needs.delete(v);
    return true;
  }

  /** Orders the bodies nested in an expression, with the vars bound at the point it runs. */
  private nested(e: Expr, bound: Set<string>, outer: Set<string>): Expr {
    const visible = new Set([...bound, ...outer]);
    const mapT = (t: Term): Term => this.mapTerm(t, visible);
    const withs = e.with.map((w) => ({ ...w, value: mapT(w.value) }));
    switch (e.kind) {
      case 'term':
        return { ...e, with: withs, term: mapT(e.term) };
      case 'some':
        return { ...e, with: withs, domain: e.domain && mapT(e.domain) };
      case 'every': {
        const inner = new Set(visible);
        if (e.key) termVars(e.key, inner);
        termVars(e.value, inner);
        return { ...e, with: withs, domain: mapT(e.domain), body: this.order(e.body, inner, [], e.loc) };
      }
    }
  }

  private mapTerm(t: Term, visible: Set<string>): Term {
    const m = (x: Term) => this.mapTerm(x, visible);
    switch (t.type) {
      case 'ref':
        return { ...t, head: m(t.head), path: t.path.map(m) };
      case 'array':
      case 'set':
        return { ...t, items: t.items.map(m) };
      case 'object':
        return { ...t, entries: t.entries.map(([k, v]) => [m(k), m(v)] as [Term, Term]) };
      case 'call':
        return { ...t, args: t.args.map(m) };
      case 'template':
        return { ...t, parts: t.parts.map((p) => (typeof p === 'string' ? p : m(p))) };
      case 'arraycomp':
      case 'setcomp':
        return { ...t, body: this.order(t.body, closure(t, visible), [t.term], t.loc) };
      case 'objectcomp':
        return { ...t, body: this.order(t.body, closure(t, visible), [t.key, t.value], t.loc) };
      default:
        return t;
    }
  }
}

/** The vars of a comprehension that refer to the enclosing scope. */
function closure(t: Term, visible: Set<string>): Set<string> {
  const vars = new Set<string>();
  termVarsDeep(t, vars);
  return new Set([...vars].filter((v) => visible.has(v)));
}




export function callName(t: CallTerm): string {
  const op = t.operator;
  if (op.type === 'var') return op.name;
  if (op.head.type !== 'var') return '';
  return [op.head.name, ...op.path.map((p) => (p.type === 'string' ? p.value : '?'))].join('.');
}

/** Whether `a = b` can run with the vars bound so far: one side evaluable, or both composite of one shape. */
function unifiable(a: Term, b: Term, bound: Set<string>): boolean {
  if (evaluable(a, bound) || evaluable(b, bound)) return true;
  if (a.type === 'array' && b.type === 'array') return a.items.length === b.items.length && a.items.every((x, i) => unifiable(x, b.items[i], bound));
  if (a.type === 'object' && b.type === 'object') {
    if (a.entries.length !== b.entries.length) return false;
    return a.entries.every(([, v], i) => unifiable(v, b.entries[i][1], bound));
  }
  return false;
}

/** A term whose pattern-position vars are all bound can be evaluated to values (refs inside may still iterate). */
function evaluable(t: Term, bound: Set<string>): boolean {
  switch (t.type) {
    case 'var':
      return ROOTS.has(t.name) || bound.has(t.name);
    case 'array':
      return t.items.every((x) => evaluable(x, bound));
    case 'object':
      return t.entries.every(([, v]) => evaluable(v, bound));
    default:
      return true;
  }
}

/**
 * Vars in pattern position (the term itself, array items, object values) may be bound by unification;
 * vars inside refs, calls and comprehensions of the pattern are evaluated, so they are needs or outputs.
 */
function patternVars(t: Term, binds: Set<string>, needs: Set<string>, outer: Set<string>): void {
  switch (t.type) {
    case 'var':
      if (!ROOTS.has(t.name)) binds.add(t.name);
      return;
    case 'array':
      t.items.forEach((x) => patternVars(x, binds, needs, outer));
      return;
    case 'object':
      for (const [k, v] of t.entries) {
        valueNeeds(k, needs, binds, outer);
        patternVars(v, binds, needs, outer);
      }
      return;
    default:
      valueNeeds(t, needs, binds, outer);
  }
}

/**
 * Needs of a term evaluated as a value: vars must be bound, except vars in reference path positions,
 * which are bound by iterating the collection (`input.xs[i]` binds i).
 */
function valueNeeds(t: Term, needs: Set<string>, binds: Set<string>, outer: Set<string>): void {
  switch (t.type) {
    case 'var':
      if (!ROOTS.has(t.name)) needs.add(t.name);
      return;
    case 'ref':
      valueNeeds(t.head, needs, binds, outer);
      for (const p of t.path) {
        if (p.type === 'var' || p.type === 'array' || p.type === 'object') patternVars(p, binds, needs, outer);
        else valueNeeds(p, needs, binds, outer);
      }
      return;
    case 'array':
    case 'set':
      t.items.forEach((x) => valueNeeds(x, needs, binds, outer));
      return;
    case 'object':
      for (const [k, v] of t.entries) {
        valueNeeds(k, needs, binds, outer);
        valueNeeds(v, needs, binds, outer);
      }
      return;
    case 'call':
      t.args.forEach((a) => valueNeeds(a, needs, binds, outer));
      return;
    case 'template':
      for (const p of t.parts) if (typeof p !== 'string') valueNeeds(p, needs, binds, outer);
      return;
    case 'arraycomp':
    case 'setcomp':
    case 'objectcomp': {
      const vars = new Set<string>();
      termVarsDeep(t, vars);
      for (const v of vars) if (outer.has(v)) needs.add(v);
      return;
    }
    default:
      return;
  }
}

/**
 * Vars of an expression. By default comprehensions and `every` bodies are not looked into (their vars
 * are their own unless outer); `deep` collects those too.
 */
export function exprVars(e: Expr, out: Set<string>, deep = false): void {
  for (const w of e.with) termVars(w.value, out, deep);
  switch (e.kind) {
    case 'term':
      termVars(e.term, out, deep);
      return;
    case 'some':
      e.vars.forEach((v) => termVars(v, out, deep));
      if (e.domain) termVars(e.domain, out, deep);
      return;
    case 'every':
      if (deep) {
        if (e.key) termVars(e.key, out, deep);
        termVars(e.value, out, deep);
        e.body.forEach((b) => exprVars(b, out, deep));
      }
      termVars(e.domain, out, deep);
      return;
  }
}

export function termVars(t: Term, out: Set<string>, deep = false): void {
  const rec = (x: Term) => termVars(x, out, deep);
  switch (t.type) {
    case 'var':
      if (!ROOTS.has(t.name)) out.add(t.name);
      return;
    case 'ref':
      rec(t.head);
      t.path.forEach(rec);
      return;
    case 'array':
    case 'set':
      t.items.forEach(rec);
      return;
    case 'object':
      t.entries.forEach(([k, v]) => {
        rec(k);
        rec(v);
      });
      return;
    case 'call':
      t.args.forEach(rec);
      return;
    case 'template':
      t.parts.forEach((p) => typeof p !== 'string' && rec(p));
      return;
    case 'arraycomp':
    case 'setcomp':
      if (deep) {
        rec(t.term);
        t.body.forEach((e) => exprVars(e, out, deep));
      }
      return;
    case 'objectcomp':
      if (deep) {
        rec(t.key);
        rec(t.value);
        t.body.forEach((e) => exprVars(e, out, deep));
      }
      return;
    default:
      return;
  }
}

/** All vars of a term, comprehensions and every-bodies included. */
const termVarsDeep = (t: Term, out: Set<string>): void => termVars(t, out, true);

/** User-facing name of a var: renamed declarations carry a `$N` suffix. */
export function displayName(v: string): string {
  const i = v.indexOf('$');
  return i > 0 ? v.slice(0, i) : v;
}
