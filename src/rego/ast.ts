/**
 * The Rego abstract syntax tree, as the parser produces it and the compiler consumes it.
 * Every node carries its source location. Infix operators are calls of their builtin names
 * (`a + b` is `plus(a, b)`, `x in xs` is `internal.member_2(x, xs)`, `a = b` is `eq`, `a := b` is
 * `assign`), as in OPA, so the compiler and evaluator see one shape.
 */
import type { Location } from './errors.js';
import type { Num } from './value.js';

export type { Location };

export type Term =
  | { type: 'null'; loc: Location }
  | { type: 'boolean'; value: boolean; loc: Location }
  | { type: 'number'; value: Num; text: string; loc: Location }
  | { type: 'string'; value: string; loc: Location }
  | VarTerm
  | RefTerm
  | { type: 'array'; items: Term[]; loc: Location }
  | { type: 'set'; items: Term[]; loc: Location }
  | { type: 'object'; entries: [Term, Term][]; loc: Location }
  | { type: 'arraycomp'; term: Term; body: Expr[]; loc: Location }
  | { type: 'setcomp'; term: Term; body: Expr[]; loc: Location }
  | { type: 'objectcomp'; key: Term; value: Term; body: Expr[]; loc: Location }
  | CallTerm
  | TemplateTerm;

export interface VarTerm {
  type: 'var';
  name: string;
  loc: Location;
}

/**
 * A reference: `head` followed by path operands. `input.a[x].b` is head `input` (a var) and path
 * [string "a", var x, string "b"]. The head may also be a composite or call term (`[1,2][0]`, `f(x).y`).
 */
export interface RefTerm {
  type: 'ref';
  head: Term;
  path: Term[];
  loc: Location;
}

/** A call used as a value: `count(x)`, `a + b`. `operator` is the dotted name (`strings.replace_n`, `data.lib.f`). */
export interface CallTerm {
  type: 'call';
  operator: RefTerm | VarTerm;
  args: Term[];
  loc: Location;
}

/** `$"text {expr} text"`: parts are literal strings or expressions whose value is printed in place. */
export interface TemplateTerm {
  type: 'template';
  parts: (string | Term)[];
  loc: Location;
}

export interface WithModifier {
  target: Term;
  value: Term;
  loc: Location;
}

/** One body literal. */
export type Expr = TermExpr | SomeExpr | EveryExpr;

interface ExprBase {
  negated: boolean;
  with: WithModifier[];
  loc: Location;
}

/** A term standing as an expression: a call (`x = 1`, `count(xs) > 0`, `f(x)`) or any other term (`input.ok`). */
export interface TermExpr extends ExprBase {
  kind: 'term';
  term: Term;
}

/** `some x, y` declares vars; `some x in xs` / `some k, v in xs` declare and iterate (then `domain` is set). */
export interface SomeExpr extends ExprBase {
  kind: 'some';
  vars: Term[];
  /** For `some … in …`: the collection iterated; `vars` then holds 1 (value) or 2 (key, value) terms. */
  domain?: Term;
}

export interface EveryExpr extends ExprBase {
  kind: 'every';
  key?: Term;
  value: Term;
  domain: Term;
  body: Expr[];
}

export interface RuleHead {
  /** The rule's reference: a var followed by path terms (`a.b[c]` is var a, string "b", var c). */
  name: string;
  path: Term[];
  /** Function arguments, when the rule is a function. */
  args?: Term[];
  /** For `p contains x`: the element term. */
  key?: Term;
  /** The value term; absent means `true` (or, for a `contains` rule, nothing). */
  value?: Term;
  /** `:=` rather than `=`. */
  assign: boolean;
  loc: Location;
}

export interface Rule {
  head: RuleHead;
  body: Expr[];
  /** The `else` chain: each with its own value and body (args are the function's). */
  else?: Rule;
  isDefault: boolean;
  annotations?: Annotation[];
  loc: Location;
  /** The source text of the rule, for messages. */
  text?: string;
}

export interface Import {
  /** `data.x.y`, `input`, `rego.v1`, `future.keywords.in` … as a reference. */
  path: RefTerm | VarTerm;
  alias?: string;
  loc: Location;
}

/** A `# METADATA` block: its YAML, already parsed, and the scope it applies to. */
export interface Annotation {
  scope: 'rule' | 'document' | 'package' | 'subpackages';
  /** The YAML fields (title, description, custom, …) as JSON data. */
  fields: Record<string, unknown>;
  loc: Location;
}

export interface Module {
  file: string;
  /** `package a.b` gives ["a", "b"] (the implicit `data` is not included). */
  package: string[];
  packageLoc: Location;
  imports: Import[];
  rules: Rule[];
  /** Annotations of package or subpackages scope. */
  packageAnnotations: Annotation[];
}

/** A parsed query: one or more body expressions (`x := 1; y = x + 1`). */
export type Query = Expr[];
