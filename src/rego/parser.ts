/**
 * The Rego v1 parser: recursive descent over the lexer's tokens, producing the AST of ast.ts.
 *
 * It follows OPA's parser (v1/ast/parser.go) in grammar, operator precedence and error wording:
 *   expr     := infix ( (`=` | `:=`) infix )?
 *   infix    := relation ( `in` relation | `,` relation `in` relation )*     (the `,` form only outside lists)
 *   relation := or ( (`==` | `!=` | `<` | `<=` | `>` | `>=`) or )*
 *   or       := and ( `|` and )*          and   := arith ( `&` arith )*
 *   arith    := factor ( (`+` | `-`) factor )*   factor := term ( (`*` | `/` | `%`) term )*
 * A term continues as a ref or call only when `.`, `[` or `(` follows without whitespace. Where OPA
 * tries one reading and falls back to another (set vs. comprehension, `if` literal vs. `if { body }`),
 * we do the same by saving the token position and restoring it.
 *
 * Wildcards `_` become distinct vars `$0`, `$1`, … as in OPA. Rules without a written body (constants,
 * `default`, `contains` without `if`) get an empty body.
 */
import type {
  Annotation,
  CallTerm,
  EveryExpr,
  Expr,
  Import,
  Module,
  Query,
  RefTerm,
  Rule,
  RuleHead,
  SomeExpr,
  Term,
  TermExpr,
  VarTerm,
  WithModifier,
} from './ast.js';
import { readMetadataBlocks, resolveAnnotation } from './annotations.js';
import { RegoError, RegoErrors, type Location } from './errors.js';
import { isKeyword, lex, type Comment, type Token, type TokenKind } from './lexer.js';
import { parseNumber } from './value.js';

const RELATION_OPS: ReadonlySet<TokenKind> = new Set<TokenKind>(['equal', 'neq', 'lt', 'gt', 'lte', 'gte']);
const ARITH_OPS: ReadonlySet<TokenKind> = new Set<TokenKind>(['plus', 'minus']);
const FACTOR_OPS: ReadonlySet<TokenKind> = new Set<TokenKind>(['mul', 'div', 'rem']);
/** OPA's precedence: relations, then `|`, then `&`, then `+ -`, then `* / %`. */
const BINARY_LEVELS: readonly ReadonlySet<TokenKind>[] = [RELATION_OPS, new Set<TokenKind>(['or']), new Set<TokenKind>(['and']), ARITH_OPS, FACTOR_OPS];
const INFIX_OPS: ReadonlySet<TokenKind> = new Set<TokenKind>([...RELATION_OPS, ...ARITH_OPS, ...FACTOR_OPS, 'and', 'or']);
const ROOT_DOCUMENTS: ReadonlySet<string> = new Set(['data', 'input']);
const IMPORT_ROOTS = ['data', 'future', 'input', 'rego'];
const FUTURE_KEYWORDS = ['contains', 'every', 'if', 'in'];
/** Keywords that stay literals even when a `.` or `[` follows. */
const LITERAL_KEYWORDS: ReadonlySet<TokenKind> = new Set<TokenKind>(['null', 'true', 'false']);

interface StatementRecord {
  kind: 'package' | 'import' | 'rule';
  row: number;
  rule?: Rule;
}

class Parser {
  private pos = 0;
  private wildcards = 0;
  /** `import rego.v2` turns on `not { … }` bodies. */
  private regoV2 = false;

  constructor(
    private readonly src: string,
    private readonly file: string,
    private readonly tokens: Token[],
    private readonly comments: Comment[],
  ) {}

  // ---- token helpers ----

  private get tok(): Token {
    return this.tokens[this.pos];
  }

  private peek(offset = 1): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }

  private advance(): Token {
    const t = this.tokens[this.pos];
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  private is(kind: TokenKind): boolean {
    return this.tokens[this.pos].kind === kind;
  }

  /** End offset of the last consumed token, for rule text. */
  private get lastEnd(): number {
    return this.pos > 0 ? this.tokens[this.pos - 1].end : 0;
  }

  private loc(t: Token = this.tok): Location {
    return { file: this.file, row: t.row, col: t.col };
  }

  private error(message: string, loc: Location = this.loc()): never {
    throw new RegoErrors([new RegoError('rego_parse_error', message, loc)]);
  }

  /** OPA's "unexpected X token: note" error about the current token. */
  private illegal(note?: string): never {
    const t = this.tok;
    const what = `unexpected ${t.kind} ${isKeyword(t.kind) ? 'keyword' : 'token'}`;
    return this.error(note ? `${what}: ${note}` : what);
  }

  private expect(kind: TokenKind, note: string): Token {
    if (!this.is(kind)) this.illegal(note);
    return this.advance();
  }

  /** A `.`, `[` or `(` glued to the previous token continues a ref or call. */
  private continuesRef(t: Token = this.tok): boolean {
    return !t.spaceBefore && (t.kind === '.' || t.kind === '[' || t.kind === '(');
  }

  /** Keywords may start a ref when `.` or `[` follows directly (`input.not.x` style heads). */
  private keywordStartsRef(): boolean {
    const t = this.tok;
    if (!isKeyword(t.kind) || LITERAL_KEYWORDS.has(t.kind)) return false;
    const next = this.peek();
    return !next.spaceBefore && (next.kind === '.' || next.kind === '[');
  }

  private makeVar(t: Token): VarTerm {
    const name = t.text === '_' ? `$${this.wildcards++}` : t.text;
    return { type: 'var', name, loc: this.loc(t) };
  }

  private opCall(name: string, loc: Location, args: Term[]): CallTerm {
    return { type: 'call', operator: { type: 'var', name, loc }, args, loc: args[0]?.loc ?? loc };
  }

  private memberCall(name: 'member_2' | 'member_3', loc: Location, args: Term[]): CallTerm {
    const operator: RefTerm = { type: 'ref', head: { type: 'var', name: 'internal', loc }, path: [{ type: 'string', value: name, loc }], loc };
    return { type: 'call', operator, args, loc: args[0].loc };
  }

  /** Runs `attempt`; on a parse error restores the position and returns the error instead. */
  private attempt<T>(attempt: () => T): { value: T } | { error: RegoErrors; failedAt: Token } {
    const saved = this.pos;
    // Failed attempts are routine (OPA's grammar is ambiguous here); skip stack capture, it dominates.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return { value: attempt() };
    } catch (err) {
      if (!(err instanceof RegoErrors)) throw err;
      const failedAt = this.tok;
      this.pos = saved;
      return { error: err, failedAt };
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  }

  // ---- module ----

  parseModule(): Module {
    if (this.is('eof')) this.error('empty module', { file: this.file, row: 1, col: 1 });
    if (!this.is('package') || this.continuesRef(this.peek())) this.error('package expected');
    const packageLoc = this.loc();
    const pkg = this.parsePackage();
    const statements: StatementRecord[] = [{ kind: 'package', row: packageLoc.row }];
    const imports: Import[] = [];
    const rules: Rule[] = [];
    while (!this.is('eof')) {
      if (this.is('package') && !this.continuesRef(this.peek())) this.error('unexpected package');
      if (this.is('import') && !this.continuesRef(this.peek())) {
        const imp = this.parseImport();
        imports.push(imp);
        statements.push({ kind: 'import', row: imp.loc.row });
        continue;
      }
      for (const rule of this.parseRules()) {
        rules.push(rule);
        statements.push({ kind: 'rule', row: rule.loc.row, rule });
      }
    }
    const module: Module = { file: this.file, package: pkg, packageLoc, imports, rules, packageAnnotations: [] };
    this.attachAnnotations(module, statements);
    return module;
  }

  private parsePackage(): string[] {
    this.advance();
    if (this.tok.kind !== 'identifier' && !this.keywordStartsRef()) this.illegal('expected package path');
    const term = this.parseTerm();
    if (term.type === 'var') return [term.name];
    if (term.type !== 'ref' || term.head.type !== 'var') return this.error(`unexpected ${term.type} token: expecting var`, term.loc);
    return [term.head.name, ...term.path.map((seg) => this.stringSegment(seg))];
  }

  private stringSegment(seg: Term): string {
    if (seg.type !== 'string') this.error(`unexpected ${seg.type} token: expecting string`, seg.loc);
    return seg.value;
  }

  private parseImport(): Import {
    const loc = this.loc();
    this.advance();
    if (this.tok.kind !== 'identifier' && !isKeyword(this.tok.kind)) this.illegal('expected import path');
    // The path's first name is read as a var even when it is a keyword (`import future.keywords.in`).
    const head = this.makeVar(this.advance());
    const term = this.parseRefRest(head);
    if (term.type !== 'var' && term.type !== 'ref') return this.error('unexpected import path', term.loc);
    const path: RefTerm = term.type === 'var' ? { type: 'ref', head: term, path: [], loc: term.loc } : term;
    if (path.head.type !== 'var') return this.error('unexpected import path', term.loc);
    const names = path.path.map((seg) => this.stringSegment(seg));
    const root = path.head.name;
    if (!IMPORT_ROOTS.includes(root)) {
      this.error(`unexpected import path, must begin with one of: {${IMPORT_ROOTS.join(', ')}}, got: ${root}`, path.loc);
    }
    let alias: string | undefined;
    if (this.is('as')) {
      this.advance();
      if (!this.is('identifier')) this.illegal('expected var');
      alias = this.advance().text;
    }
    this.checkSpecialImport(root, names, alias, path.loc);
    return alias === undefined ? { path, loc } : { path, alias, loc };
  }

  /** `future.keywords…` and `rego.v1` imports are checked here, as OPA's parser does. */
  private checkSpecialImport(root: string, names: string[], alias: string | undefined, loc: Location): void {
    if (root === 'future') {
      if (names[0] !== 'keywords' || names.length > 2) this.error('invalid import, must be `future.keywords`', loc);
      if (alias !== undefined) this.error('`future` imports cannot be aliased', loc);
      if (names.length === 2 && !FUTURE_KEYWORDS.includes(names[1])) {
        this.error(`unexpected keyword, must be one of [${FUTURE_KEYWORDS.join(' ')}]`, loc);
      }
    } else if (root === 'rego') {
      if (names.length === 1 && names[0] === 'v2') {
        this.regoV2 = true;
        return;
      }
      if (names.length !== 1 || names[0] !== 'v1') this.error(`invalid import \`rego.${names.join('.')}\`, must be \`rego.v1\``, loc);
    }
  }

  // ---- rules ----

  /** One rule statement; a rule followed by extra `{ … }` bodies yields one rule per body. */
  private parseRules(): Rule[] {
    const start = this.tok;
    const ruleLoc = this.loc();
    let isDefault = false;
    if (this.is('default') && !this.keywordStartsRef()) {
      isDefault = true;
      this.advance();
    }
    const head = this.parseHead(isDefault);
    if (isDefault) {
      this.checkDefaultRule(head, ruleLoc);
      return [this.finishRule({ head, body: [], isDefault, loc: ruleLoc }, start)];
    }
    const isFunction = head.args !== undefined;
    const containsRule = head.key !== undefined;
    let body: Expr[];
    if (this.is('if')) {
      this.advance();
      body = this.parseIfBody();
    } else if (this.is('{')) {
      this.error(isFunction ? '`if` keyword is required before function body' : '`if` keyword is required before rule body', ruleLoc);
    } else {
      this.checkBodilessRule(head);
      // `else` needs a rule with a body to follow; after a constant it is out of place.
      if (this.is('else') && !this.keywordStartsRef()) this.illegal('else requires a rule body (e.g. p := 1 if { ... } else := 2)');
      body = [];
    }
    const rule: Rule = { head, body, isDefault, loc: ruleLoc };
    if (this.is('else') && !this.keywordStartsRef()) {
      if (containsRule) this.error('else keyword cannot be used on multi-value rules');
      if (!head.path.every(isGround)) this.error('else keyword cannot be used on rules with variables in head');
      rule.else = this.parseElse(head);
    }
    const rules = [this.finishRule(rule, start)];
    // OPA allows more bodies for the same head: `p if { a } { b }` is two rules.
    while (this.is('{') && body.length > 0) {
      if (rule.else) this.error('expected else keyword');
      const chainStart = this.tok;
      this.advance();
      const chained = this.parseBody('}');
      this.advance();
      const chainedHead: RuleHead = { ...head, loc: this.loc(chainStart) };
      if (head.args) chainedHead.args = head.args.map((a) => this.freshWildcards(a));
      rules.push(this.finishRule({ head: chainedHead, body: chained, isDefault: false, loc: this.loc(chainStart) }, chainStart));
    }
    return rules;
  }

  private finishRule(rule: Rule, start: Token): Rule {
    rule.text = this.src.slice(start.start, this.lastEnd);
    return rule;
  }

  /** The head: a ref (`p`, `a.b[x]`), maybe with args, then `contains`, `=` or `:=` and a value. */
  private parseHead(isDefault: boolean): RuleHead {
    if (this.tok.kind !== 'identifier' && !this.keywordStartsRef()) this.illegal(isDefault ? 'expected rule head name' : 'expected rule');
    const nameTok = this.advance();
    let term: Term = this.makeVar(nameTok);
    // In a head, whitespace may come before the first `.`, `[` or `(`.
    if (INFIX_OPS.has(this.tok.kind)) this.illegal();
    if (this.tok.kind === '.' || this.tok.kind === '[' || this.tok.kind === '(') term = this.parseRefRest(term, true);
    const head = this.headFromTerm(term);
    const name = [head.name, ...head.path.map((p) => (p.type === 'string' ? `.${p.value}` : '[…]'))].join('');
    switch (this.tok.kind) {
      case 'contains':
        if (head.args) this.illegal(`the contains keyword can only be used with multi-value rule definitions (e.g., ${name} contains <VALUE> { ... })`);
        this.advance();
        head.key = this.parseInfix(true);
        break;
      case 'eq':
      case 'assign':
        head.assign = this.advance().kind === 'assign';
        head.value = this.parseInfix(true);
        break;
    }
    return head;
  }

  private headFromTerm(term: Term): RuleHead {
    if (term.type === 'var') return { name: term.name, path: [], assign: false, loc: term.loc };
    if (term.type === 'ref' && term.head.type === 'var') return { name: term.head.name, path: term.path, assign: false, loc: term.loc };
    if (term.type === 'call') {
      const op = term.operator;
      if (op.type === 'var') return { name: op.name, path: [], args: term.args, assign: false, loc: term.loc };
      if (op.head.type === 'var') return { name: op.head.name, path: op.path, args: term.args, assign: false, loc: term.loc };
    }
    return this.error('rule head ref invalid', term.loc);
  }

  /** `if` followed by one literal, or by `{ body }` (a lone set literal is read as a body, as OPA does). */
  private parseIfBody(): Expr[] {
    if (this.is('{')) {
      const start = this.pos;
      const literal = this.attempt(() => this.parseLiteral());
      if ('value' in literal && !(literal.value.kind === 'term' && literal.value.term.type === 'set')) return [literal.value];
      this.pos = start;
      this.advance();
      const body = this.parseBody('}');
      this.advance();
      return body;
    }
    if (this.is('eof')) this.illegal('rule body expected');
    return [this.parseLiteral()];
  }

  private checkDefaultRule(head: RuleHead, loc: Location): void {
    if (head.value === undefined) this.error('illegal default rule (must have a value)', loc);
    const forbidden = findNonConstant(head.value);
    if (forbidden) this.error(`illegal default rule (value cannot contain ${forbidden})`, loc);
    const seen = new Set<string>();
    for (const arg of head.args ?? []) {
      if (arg.type !== 'var') this.error(`illegal default rule (arguments cannot contain ${valueName(arg)})`, loc);
      if (seen.has(arg.name)) this.error(`illegal default rule (arguments cannot be repeated ${arg.name})`, loc);
      seen.add(arg.name);
    }
  }

  /** A rule with no `if` and no body: a constant, a function or ref returning true, or an error. */
  private checkBodilessRule(head: RuleHead): void {
    if (head.key !== undefined || head.value !== undefined) return;
    if (head.args !== undefined) {
      if (head.args.length === 0) this.error('rule argument list must take at least one argument', head.loc);
      return;
    }
    if (head.path.length >= 2) return;
    if (head.path.length === 1) this.error('`contains` keyword is required for partial set rules', head.loc);
    this.error('var cannot be used for rule name', head.loc);
  }

  private parseElse(head: RuleHead): Rule {
    const elseTok = this.advance();
    const loc = this.loc(elseTok);
    const elseHead: RuleHead = { name: head.name, path: head.path, assign: false, loc };
    if (head.args) elseHead.args = head.args.map((a) => this.freshWildcards(a));
    if (this.is('assign') || this.is('eq')) {
      elseHead.assign = this.advance().kind === 'assign';
      elseHead.value = this.parseInfix(true);
    } else if (!this.is('{') && !this.is('if')) {
      this.illegal('expected else value term or rule body');
    }
    let body: Expr[] = [];
    if (this.is('{')) {
      this.error(head.args ? '`if` keyword is required before function body' : '`if` keyword is required before rule body', loc);
    } else if (this.is('if')) {
      this.advance();
      if (this.is('{')) {
        this.advance();
        body = this.parseBody('}');
        this.advance();
      } else {
        if (this.is('eof')) this.illegal('rule body expected');
        body = [this.parseLiteral()];
      }
    }
    const rule: Rule = { head: elseHead, body, isDefault: false, loc };
    if (this.is('else') && !this.keywordStartsRef()) rule.else = this.parseElse(head);
    rule.text = this.src.slice(elseTok.start, this.lastEnd);
    return rule;
  }

  /** Copies a function argument, giving its wildcards new names (each rule's `_` is its own). */
  private freshWildcards(term: Term): Term {
    if (term.type === 'var') return term.name.startsWith('$') ? { ...term, name: `$${this.wildcards++}` } : term;
    if (term.type === 'array') return { ...term, items: term.items.map((t) => this.freshWildcards(t)) };
    if (term.type === 'object') return { ...term, entries: term.entries.map(([k, v]) => [this.freshWildcards(k), this.freshWildcards(v)]) };
    return term;
  }

  // ---- bodies and literals ----

  /** Literals up to `end`, separated by `;` or newlines. Leaves the end token unconsumed. */
  parseBody(end: TokenKind): Expr[] {
    if (this.is(end)) this.error('found empty body');
    const body: Expr[] = [];
    for (;;) {
      body.push(this.parseLiteral());
      if (this.is(';')) {
        this.advance();
        continue;
      }
      if (this.is(end)) return body;
      if (!this.tok.newlineBefore) this.illegal(`expected \\n or ; or ${end}`);
    }
  }

  /** A query: literals separated by `;`, newlines, or (as OPA accepts) nothing at all. */
  parseQueryBody(): Expr[] {
    if (this.is('eof')) this.error('found empty body');
    const body: Expr[] = [];
    while (!this.is('eof')) {
      body.push(this.parseLiteral());
      if (this.is(';')) this.advance();
    }
    return body;
  }

  private parseLiteral(): Expr {
    const loc = this.loc();
    if (this.is('not') && !this.keywordStartsRef()) {
      this.advance();
      if (this.is('some')) this.illegal("illegal negation of 'some'");
      if (this.is('every')) this.illegal("illegal negation of 'every'");
      if (this.regoV2 && this.is('{')) return this.parseNotBody(loc);
      const expr = this.parseExprWithModifiers(loc);
      expr.negated = true;
      return expr;
    }
    if (this.is('some') && !this.keywordStartsRef()) return this.parseSome();
    if (this.is('every') && !this.keywordStartsRef()) return this.parseEvery();
    return this.parseExprWithModifiers(loc);
  }

  private parseExprWithModifiers(loc: Location): TermExpr {
    const term = this.parseExprTerm();
    const expr: TermExpr = { kind: 'term', term, negated: false, with: [], loc };
    if (this.is('with')) expr.with = this.parseWith();
    return expr;
  }

  /** `a = b`, `a := b` (only at expression level) or any infix term. */
  private parseExprTerm(): Term {
    const lhs = this.parseInfix(true);
    if (this.is('eq') || this.is('assign')) {
      const op = this.advance();
      const rhs = this.parseInfix(true);
      return this.opCall(op.kind, this.loc(op), [lhs, rhs]);
    }
    return lhs;
  }

  /**
   * `not { a; b }` (with `import rego.v2`): true when the body has no solution. The AST has no
   * negated-body form, so it is written as the equivalent `[true | a; b] == []`.
   */
  private parseNotBody(loc: Location): TermExpr {
    const open = this.advance();
    const body = this.parseBody('}');
    this.advance();
    const comprehension: Term = { type: 'arraycomp', term: { type: 'boolean', value: true, loc }, body, loc: this.loc(open) };
    const empty: Term = { type: 'array', items: [], loc };
    const expr: TermExpr = { kind: 'term', term: this.opCall('equal', loc, [comprehension, empty]), negated: false, with: [], loc };
    if (this.is('with')) expr.with = this.parseWith();
    return expr;
  }

  private parseWith(): WithModifier[] {
    const mods: WithModifier[] = [];
    while (this.is('with')) {
      const loc = this.loc();
      this.advance();
      if (!this.is('identifier')) this.illegal('expected ident');
      const target = this.parseTerm();
      if (target.type !== 'ref' && target.type !== 'var') this.error('unexpected with target: expected with target path', target.loc);
      this.expect('as', 'expected as keyword');
      mods.push({ target, value: this.parseInfix(true), loc });
    }
    return mods;
  }

  private parseSome(): SomeExpr {
    const loc = this.loc();
    this.advance();
    const start = this.pos;
    const tried = this.attempt(() => this.parseInfix(true));
    if ('value' in tried && tried.value.type === 'call') {
      const call = tried.value;
      if (memberName(call) === undefined) this.illegal('expected `x in xs` or `x, y in xs` expression');
      const vars = call.args.slice(0, -1);
      const expr: SomeExpr = { kind: 'some', vars, domain: call.args[call.args.length - 1], negated: false, with: [], loc };
      if (this.is('with')) expr.with = this.parseWith();
      return expr;
    }
    this.pos = start;
    const vars: Term[] = [];
    for (;;) {
      if (!this.is('identifier')) this.illegal('expected var');
      vars.push(this.makeVar(this.advance()));
      if (!this.is(',')) return { kind: 'some', vars, negated: false, with: [], loc };
      this.advance();
    }
  }

  private parseEvery(): EveryExpr {
    const loc = this.loc();
    this.advance();
    const term = this.parseInfix(true);
    const member = term.type === 'call' ? memberName(term) : undefined;
    if (term.type !== 'call' || member === undefined) return this.illegal('expected `x[, y] in xs { ... }` expression');
    const [first, second, third] = term.args;
    const key = member === 'member_3' ? first : undefined;
    const value = member === 'member_3' ? second : first;
    const domain = member === 'member_3' ? third : second;
    if (key !== undefined && key.type !== 'var') this.illegal('expected key to be a variable');
    if (value.type !== 'var') this.illegal('expected value to be a variable');
    if (!this.is('{')) this.illegal('missing body');
    this.advance();
    const body = this.parseBody('}');
    this.advance();
    const expr: EveryExpr = { kind: 'every', value, domain, body, negated: false, with: [], loc };
    if (key !== undefined) expr.key = key;
    if (this.is('with')) expr.with = this.parseWith();
    return expr;
  }

  // ---- infix terms ----

  /** `x in xs`, and `k, v in xs` when `keyValue` (outside lists, where `,` separates items). */
  private parseInfix(keyValue: boolean): Term {
    let lhs = this.parseRelation();
    for (;;) {
      if (keyValue && this.is(',')) {
        const triple = this.attempt(() => {
          this.advance();
          const mhs = this.parseRelation();
          const op = this.expect('in', 'expected in');
          return { mhs, op };
        });
        if ('value' in triple) {
          const rhs = this.parseRelation();
          lhs = this.memberCall('member_3', this.loc(triple.value.op), [lhs, triple.value.mhs, rhs]);
          if (this.is('in')) continue;
          return lhs;
        }
      }
      if (!this.is('in')) return lhs;
      const op = this.advance();
      lhs = this.memberCall('member_2', this.loc(op), [lhs, this.parseRelation()]);
    }
  }

  /** Binary operators by precedence level, loosest first; each level's operands are the next level's. */
  private parseRelation(): Term {
    return this.parseBinary(0);
  }

  private parseBinary(level: number): Term {
    if (level === BINARY_LEVELS.length) return this.parseTerm();
    let lhs = this.parseBinary(level + 1);
    while (BINARY_LEVELS[level].has(this.tok.kind)) {
      // Token kinds are the operators' builtin names (`equal`, `or`, `plus`, `mul`…).
      const op = this.advance();
      lhs = this.opCall(op.kind, this.loc(op), [lhs, this.parseBinary(level + 1)]);
    }
    return lhs;
  }

  // ---- terms ----

  parseTerm(): Term {
    const t = this.tok;
    let term: Term;
    switch (t.kind) {
      case 'null':
        this.advance();
        term = { type: 'null', loc: this.loc(t) };
        break;
      case 'true':
      case 'false':
        this.advance();
        term = { type: 'boolean', value: t.kind === 'true', loc: this.loc(t) };
        break;
      case 'minus':
      case '.':
      case 'number':
        term = this.parseNumberTerm();
        break;
      case 'string':
        this.advance();
        term = { type: 'string', value: t.text, loc: this.loc(t) };
        break;
      case 'template-string-part':
      case 'template-string-end':
        term = this.parseTemplate();
        break;
      case 'identifier':
      case 'contains': // `contains` is only special in rule heads; elsewhere it names the builtin
        this.advance();
        term = this.makeVar(t);
        break;
      case '[':
        term = this.parseArray();
        break;
      case '{':
        term = this.parseSetOrObject();
        break;
      case '(':
        term = this.parseParenthesised();
        break;
      default:
        if (!this.keywordStartsRef()) this.illegal('expected term');
        this.advance();
        term = this.makeVar(t);
    }
    if (this.continuesRef()) return this.parseRefRest(term);
    if (term.type === 'var' && ROOT_DOCUMENTS.has(term.name)) return { type: 'ref', head: term, path: [], loc: term.loc };
    return term;
  }

  private parseParenthesised(): Term {
    this.advance();
    const inner = this.parseInfix(true);
    if (!this.is(')')) this.error('non-terminated expression');
    this.advance();
    return inner;
  }

  /** Number literal, with an optional leading `-` and/or `.` as separate tokens (`-1`, `.5`, `-.5`). */
  private parseNumberTerm(): Term {
    const first = this.tok;
    let prefix = '';
    if (this.is('minus')) {
      prefix = '-';
      this.advance();
      if (!this.is('number') && !this.is('.')) this.illegal('expected number');
    }
    if (this.is('.')) {
      prefix += '.';
      this.advance();
      if (!this.is('number')) this.illegal('expected number');
    }
    const lit = this.tok.text;
    if (!prefix.endsWith('.') && lit.length > 1 && lit[0] === '0') {
      const decimal = lit[1] === '.';
      const scientific = lit.length > 2 && (lit[1] === 'e' || lit[1] === 'E');
      if (!decimal && !scientific) this.illegal('expected number without leading zero');
    }
    const text = prefix + lit;
    // `.5` is valid Rego but not JSON; give parseNumber the JSON spelling of the same value.
    const value = parseNumber(text.replace(/^(-?)\./, '$10.'));
    if (value === undefined) this.illegal('invalid float');
    if (typeof value === 'number' && !Number.isFinite(value)) this.error('number too big');
    this.advance();
    return { type: 'number', value, text, loc: this.loc(first) };
  }

  /** `$"a {x} b"`: literal parts and embedded expressions, each ended by the lexer at `{` / `}`. */
  private parseTemplate(): Term {
    const loc = this.loc();
    const parts: (string | Term)[] = [];
    for (;;) {
      const part = this.advance();
      if (part.text !== '') parts.push(part.text);
      if (part.kind === 'template-string-end') return { type: 'template', parts, loc };
      parts.push(this.parseTemplateExpression());
      if (!this.is('}')) this.error('expected } to end template string expression');
      this.advance();
      if (!this.is('template-string-part') && !this.is('template-string-end')) this.illegal('expected template string');
    }
  }

  private parseTemplateExpression(): Term {
    const expr = this.parseLiteral();
    if (expr.negated) this.error("unexpected negation ('not') in template-string expression", expr.loc);
    if (expr.kind !== 'term') this.error(`unexpected '${expr.kind}' in template-string expression`, expr.loc);
    const term = expr.term;
    if (term.type === 'call' && term.operator.type === 'var') {
      if (term.operator.name === 'eq') this.error("unexpected unification ('=') in template-string expression", expr.loc);
      if (term.operator.name === 'assign') this.error("unexpected assignment (':=') in template-string expression", expr.loc);
    }
    if (expr.with.length === 0) return term;
    // `{x with input as v}`: a term cannot carry `with`, so the part becomes `[t | t := x with …][0]`,
    // which has the value of the expression under the modifiers, or is undefined.
    const loc = expr.loc;
    const v: VarTerm = { type: 'var', name: `$${this.wildcards++}`, loc };
    const assign: Term = { type: 'call', operator: { type: 'var', name: 'assign', loc }, args: [v, term], loc };
    const body = [{ ...expr, term: assign }];
    return { type: 'ref', head: { type: 'arraycomp', term: v, body, loc }, path: [{ type: 'number', value: 0, text: '0', loc }], loc };
  }

  /**
   * Continues `head` with `.name`, `[term]` and `(args)` while they follow without whitespace.
   * In rule heads (`spaceBeforeFirst`), whitespace may precede the first one, as in OPA.
   */
  private parseRefRest(head: Term, spaceBeforeFirst = false): Term {
    if (!REF_HEAD_TYPES.has(head.type)) this.error(`illegal ref (head cannot be ${valueName(head)})`, head.loc);
    const path: Term[] = [];
    let first = spaceBeforeFirst;
    while (first || this.continuesRef()) {
      first = false;
      const t = this.advance();
      if (t.kind === '.') {
        const name = this.tok;
        if (name.spaceBefore || (name.kind !== 'identifier' && !isKeyword(name.kind))) this.illegal('expected identifier');
        this.advance();
        path.push({ type: 'string', value: name.text, loc: this.loc(name) });
      } else if (t.kind === '[') {
        path.push(this.parseInfix(true));
        this.expect(']', 'expected ]');
      } else if (t.kind === '(') {
        const operator: RefTerm | VarTerm = path.length === 0 && head.type === 'var' ? head : { type: 'ref', head, path: [...path], loc: head.loc };
        const call = this.parseCallArgs(operator);
        if (this.continuesRef()) return this.parseRefRest(call);
        return call;
      } else {
        this.pos--;
        break;
      }
    }
    if (path.length === 0) return head;
    return { type: 'ref', head, path, loc: head.loc };
  }

  /** After `(`: the arguments up to `)`. `set()` is the empty set. */
  private parseCallArgs(operator: RefTerm | VarTerm): Term {
    const loc = operator.loc;
    if (this.is(')')) {
      this.advance();
      if (operator.type === 'var' && operator.name === 'set') return { type: 'set', items: [], loc };
      return { type: 'call', operator, args: [], loc };
    }
    const args = this.parseTermList(')', []);
    this.advance();
    return { type: 'call', operator, args, loc };
  }

  /** Comma-separated terms up to `end` (a trailing comma is allowed); leaves `end` unconsumed. */
  private parseTermList(end: TokenKind, items: Term[]): Term[] {
    if (this.is(end)) return items;
    for (;;) {
      items.push(this.parseInfix(false));
      if (this.is(end)) return items;
      if (!this.is(',')) this.illegal(`expected "," or "${end}"`);
      this.advance();
      if (this.is(end)) return items;
    }
  }

  private parseTermPairList(end: TokenKind, entries: [Term, Term][]): [Term, Term][] {
    if (this.is(end)) return entries;
    for (;;) {
      const key = this.parseInfix(false);
      this.expect(':', 'expected ":"');
      entries.push([key, this.parseInfix(false)]);
      if (this.is(end)) return entries;
      if (!this.is(',')) this.illegal(`expected "," or "${end}"`);
      this.advance();
      if (this.is(end)) return entries;
    }
  }

  private parseArray(): Term {
    const loc = this.loc();
    this.advance();
    const items = this.parseArrayContents(loc);
    if (!Array.isArray(items)) {
      this.advance();
      return items;
    }
    this.advance();
    return { type: 'array', items, loc };
  }

  /** OPA tolerates a leading comma (`[, x]`, `{, x}`), but then the collection cannot be a comprehension. */
  private skipLeadingComma(): boolean {
    if (!this.is(',')) return false;
    this.advance();
    return true;
  }

  /** Items of `[ … ]`, or the comprehension it turns out to be. Leaves `]` unconsumed. */
  private parseArrayContents(loc: Location): Term[] | Term {
    if (this.is(']')) return [];
    const potentialComprehension = !this.skipLeadingComma();
    const start = this.pos;
    // A plain term first, so `[x | body]` reads as a comprehension rather than `or(x, body)`.
    const head = this.parseTerm();
    if (this.is(']')) return [head];
    if (this.is(',')) {
      this.advance();
      return this.parseTermList(']', [head]);
    }
    if (this.is('or') && potentialComprehension) {
      this.advance();
      const body = this.attempt(() => this.parseBody(']'));
      if ('value' in body) return { type: 'arraycomp', term: head, body: body.value, loc };
      if (body.failedAt.kind !== ',') throw body.error;
    }
    this.pos = start;
    return this.parseTermList(']', []);
  }

  private parseSetOrObject(): Term {
    const loc = this.loc();
    this.advance();
    if (this.is('}')) {
      this.advance();
      return { type: 'object', entries: [], loc };
    }
    const potentialComprehension = !this.skipLeadingComma();
    const start = this.pos;
    const head = this.parseTerm();
    let result: Term | undefined;
    if (this.is('or') && potentialComprehension) result = this.parseSetFinish(loc, start, head, true);
    else if (this.is('}') || this.is(',')) result = this.parseSetFinish(loc, start, head, potentialComprehension);
    else if (this.is(':')) result = this.parseObject(loc, head, potentialComprehension);
    if (result === undefined) {
      this.pos = start;
        const key = this.parseInfix(false);
      if (this.is('}') || this.is(',')) result = this.parseSetFinish(loc, start, key, false);
      else if (this.is(':')) result = this.parseObject(loc, key, potentialComprehension);
      else this.illegal('non-terminated set');
    }
    this.expect('}', 'expected }');
    return result;
  }

  /** After a set's first item. Leaves `}` unconsumed. */
  private parseSetFinish(loc: Location, start: number, head: Term, potentialComprehension: boolean): Term {
    if (this.is('}')) return { type: 'set', items: [head], loc };
    if (this.is(',')) {
      this.advance();
      return { type: 'set', items: this.parseTermList('}', [head]), loc };
    }
    // `|`: a comprehension, unless its body fails at a comma (then `{a | b, c}` is a set of `a|b` and c).
    if (potentialComprehension) {
      this.advance();
      const body = this.attempt(() => this.parseBody('}'));
      if ('value' in body) return { type: 'setcomp', term: head, body: body.value, loc };
      if (body.failedAt.kind !== ',') throw body.error;
    }
    this.pos = start;
    return { type: 'set', items: this.parseTermList('}', []), loc };
  }

  /** At the `:` after an object's first key. Leaves `}` unconsumed. */
  private parseObject(loc: Location, key: Term, potentialComprehension: boolean): Term {
    this.advance();
    const start = this.pos;
    const value = this.parseTerm();
    if (this.is('}') || this.is(',')) return this.parseObjectFinish(loc, key, value);
    let comprehensionError: RegoErrors | undefined;
    if (this.is('or') && potentialComprehension) {
      this.advance();
      const body = this.attempt(() => this.parseBody('}'));
      if ('value' in body) return { type: 'objectcomp', key, value, body: body.value, loc };
      comprehensionError = body.error;
    }
    this.pos = start;
    const infixValue = this.parseInfix(false);
    if (this.is('}') || this.is(',')) return this.parseObjectFinish(loc, key, infixValue);
    if (comprehensionError) throw comprehensionError;
    return this.illegal('non-terminated object');
  }

  private parseObjectFinish(loc: Location, key: Term, value: Term): Term {
    if (this.is('}')) return { type: 'object', entries: [[key, value]], loc };
    this.advance();
    return { type: 'object', entries: this.parseTermPairList('}', [[key, value]]), loc };
  }

  // ---- annotations ----

  private attachAnnotations(module: Module, statements: StatementRecord[]): void {
    const { blocks, errors } = readMetadataBlocks(this.comments, this.file);
    if (errors.length > 0) throw new RegoErrors(errors);
    for (const block of blocks) {
      // As in OPA, a block belongs to the first statement that starts below it.
      const next = statements.find((s) => s.row > block.loc.row);
      const annotation = resolveAnnotation(block, next);
      if (annotation instanceof RegoError) throw new RegoErrors([annotation]);
      addAnnotation(module, next, annotation);
    }
  }
}

function addAnnotation(module: Module, statement: StatementRecord | undefined, annotation: Annotation): void {
  if (statement?.rule) (statement.rule.annotations ??= []).push(annotation);
  else module.packageAnnotations.push(annotation);
}

const REF_HEAD_TYPES: ReadonlySet<Term['type']> = new Set<Term['type']>([
  'var',
  'array',
  'object',
  'set',
  'arraycomp',
  'objectcomp',
  'setcomp',
  'call',
]);

function memberName(call: CallTerm): 'member_2' | 'member_3' | undefined {
  const op = call.operator;
  if (op.type !== 'ref' || op.head.type !== 'var' || op.head.name !== 'internal' || op.path.length !== 1) return undefined;
  const seg = op.path[0];
  if (seg.type !== 'string') return undefined;
  if (seg.value === 'member_2' && call.args.length === 2) return 'member_2';
  if (seg.value === 'member_3' && call.args.length === 3) return 'member_3';
  return undefined;
}

/** OPA's name for a term's kind in messages. */
function valueName(term: Term): string {
  switch (term.type) {
    case 'arraycomp':
      return 'arraycomprehension';
    case 'setcomp':
      return 'setcomprehension';
    case 'objectcomp':
      return 'objectcomprehension';
    case 'template':
      return 'templatestring';
    default:
      return term.type;
  }
}

/** True when a term holds no vars, refs or calls (outside comprehensions, which are closed). */
function isGround(term: Term): boolean {
  return findNonConstant(term) === undefined && !hasComprehension(term);
}

function hasComprehension(term: Term): boolean {
  switch (term.type) {
    case 'arraycomp':
    case 'setcomp':
    case 'objectcomp':
      return true;
    case 'array':
    case 'set':
      return term.items.some(hasComprehension);
    case 'object':
      return term.entries.some(([k, v]) => hasComprehension(k) || hasComprehension(v));
    default:
      return false;
  }
}

/** The first var, ref or call in a term outside comprehensions ("var", "ref", "call"), if any. */
function findNonConstant(term: Term | undefined): string | undefined {
  if (term === undefined) return undefined;
  switch (term.type) {
    case 'var':
    case 'ref':
    case 'call':
      return term.type;
    case 'template':
      for (const part of term.parts) {
        const found = typeof part === 'string' ? undefined : findNonConstant(part);
        if (found) return found;
      }
      return undefined;
    case 'array':
    case 'set':
      for (const item of term.items) {
        const found = findNonConstant(item);
        if (found) return found;
      }
      return undefined;
    case 'object':
      for (const [k, v] of term.entries) {
        const found = findNonConstant(k) ?? findNonConstant(v);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

function newParser(text: string, file: string): Parser {
  const { tokens, comments } = lex(text, file);
  return new Parser(text, file, tokens, comments);
}

/** Parses a Rego v1 module. Throws RegoErrors with a rego_parse_error. */
export function parseModule(text: string, file: string): Module {
  return newParser(text, file).parseModule();
}

/** Parses a query such as `data.test.p = x; y := 1` (expressions separated by `;` or newlines). */
export function parseQuery(text: string, file = ''): Query {
  return newParser(text, file).parseQueryBody();
}

/** Parses one Rego term (`{"a", 1}`, `set()`, `[1, {"k": 2.0}]`), e.g. a test's `input_term`. */
export function parseTerm(text: string, file = ''): Term {
  const parser = newParser(text, file);
  const body = parser.parseQueryBody();
  if (body.length !== 1) throw new RegoErrors([new RegoError('rego_parse_error', `expected exactly one term but got ${body.length}`, body[1].loc)]);
  const expr = body[0];
  // As in OPA, a call at the top (`count(x)`, `1 + 2`, `x = 1`) is an expression, not a term.
  if (expr.kind !== 'term' || expr.negated || expr.with.length > 0 || expr.term.type === 'call') {
    throw new RegoErrors([new RegoError('rego_parse_error', 'expected term but got an expression', expr.loc)]);
  }
  return expr.term;
}
