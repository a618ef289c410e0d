/** Glue between the layers: parse → compile → evaluate, behind the API declared in index.ts. */
import type { Bindings, EvalOptions, Policy, SourceFile, TestRule } from './index.js';
import type { Module } from './ast.js';
import { parseModule, parseQuery, parseTerm } from './parser.js';
import { compileModules, compileQuery, type CompiledPolicy } from './compiler.js';
import { Env, State, evalBody, evalTerm } from './evaluator.js';
import { termVars } from './safety.js';
import { ObjectValue, type Value } from './value.js';
import { RegoError, RegoErrors } from './errors.js';

export function compile(sources: SourceFile[]): Policy {
  const modules: Module[] = [];
  const errors: RegoError[] = [];
  for (const s of sources) {
    try {
      modules.push(parseModule(s.text, s.file));
    } catch (e) {
      if (e instanceof RegoErrors) errors.push(...e.errors);
      else if (e instanceof RegoError) errors.push(e);
      else throw e;
    }
  }
  if (errors.length) throw new RegoErrors(errors);
  return new CompiledRegoPolicy(compileModules(modules));
}

class CompiledRegoPolicy implements Policy {
  constructor(private readonly compiled: CompiledPolicy) {}

  get modules(): readonly Module[] {
    return this.compiled.modules;
  }

  query(query: string, options: EvalOptions = {}): Bindings[] {
    const body = compileQuery(parseQuery(query), this.compiled.root);
    const names = new Set<string>();
    for (const e of body) {
      if (e.kind === 'term') termVars(e.term, names);
      else if (e.kind === 'some') e.vars.forEach((v) => termVars(v, names));
    }
    const userVars = [...names].filter((n) => !n.includes('$'));
    const st = this.state(options);
    const env = new Env(undefined);
    const rows: Bindings[] = [];
    evalBody(body, 0, env, st, () => {
      const row: Bindings = new Map();
      for (const n of userVars) {
        const v = env.vals.get(n);
        if (v !== undefined) row.set(n, v);
      }
      rows.push(row);
      return false;
    });
    return rows;
  }

  evaluate(path: string, options: EvalOptions = {}): Value | undefined {
    return this.evaluateAll([path], options)[0];
  }

  evaluateAll(paths: readonly string[], options: EvalOptions = {}): (Value | undefined)[] {
    const st = this.state(options);
    return paths.map((path) => {
      const term = parseTerm(path);
      const [expr] = compileQuery([{ kind: 'term', term, negated: false, with: [], loc: term.loc }], this.compiled.root);
      if (expr.kind !== 'term') return undefined;
      let result: Value | undefined;
      evalTerm(expr.term, new Env(undefined), st, (v) => ((result = v), true));
      return result;
    });
  }

  tests(): TestRule[] {
    const out: TestRule[] = [];
    const seen = new Set<string>();
    for (const m of this.compiled.modules) {
      const packagePath = ['data', ...m.package].join('.');
      for (const rule of m.rules) {
        const { name, path, args } = rule.head;
        const full = `${packagePath}.${name}`;
        // A test defined several times (incremental definitions) is one test.
        if (!name.startsWith('test_') || path.length || args || seen.has(full)) continue;
        seen.add(full);
        out.push({ path: full, packagePath, name, rule, file: m.file });
      }
    }
    return out;
  }

  private state(options: EvalOptions): State {
    const nowNs = options.nowNs ?? BigInt(Date.now()) * 1_000_000n;
    const print = options.print ?? ((m: string) => process.stderr.write(m + '\n'));
    return new State(
      this.compiled.root,
      options.input,
      options.data ?? new ObjectValue(),
      { nowNs, cache: new Map(), print },
      options.strictBuiltinErrors ?? false,
      new Map(),
      new Map(),
    );
  }
}
