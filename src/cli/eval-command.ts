/**
 * `tfguard eval`: evaluate a query against policies, data and input, printing OPA's `opa eval` JSON.
 * A query that is a single term without variables (`data.demo.deny`, `input.resource_changes[0]`)
 * is printed in the expressions form with its value; any other query prints its variable bindings.
 */
import type { Term } from '../rego/ast.js';
import type { Bindings, Policy } from '../rego/index.js';
import { compile } from '../rego/index.js';
import { parseTerm } from '../rego/parser.js';
import type { Value } from '../rego/value.js';
import { stringify, toJSON } from '../rego/value.js';
import { ExitCode } from './errors.js';
import type { ExitCodeValue } from './errors.js';
import type { CliIO } from './io.js';
import { println } from './io.js';
import { loadData, loadPolicyPaths, readDocument } from './load.js';

export type EvalFormat = 'json' | 'pretty';

/** The file name the engine's locations carry for the query text itself. */
const QUERY_FILE = '';

export interface EvalArgs {
  policies: readonly string[];
  input?: string;
  data: readonly string[];
  format: EvalFormat;
  strictBuiltinErrors: boolean;
  query: string;
}

/** Whether a term mentions variables of the query (roots `data` and `input` are documents, not variables). */
export function termHasVariables(term: Term): boolean {
  switch (term.type) {
    case 'var':
      return term.name !== 'data' && term.name !== 'input';
    case 'ref':
      return termHasVariables(term.head) || term.path.some(termHasVariables);
    case 'array':
    case 'set':
      return term.items.some(termHasVariables);
    case 'object':
      return term.entries.some(([k, v]) => termHasVariables(k) || termHasVariables(v));
    case 'call':
      return term.args.some(termHasVariables);
    case 'template':
      return term.parts.some((p) => typeof p !== 'string' && termHasVariables(p));
    default:
      // Scalars, and comprehensions (their variables are local to them).
      return false;
  }
}

/**
 * A query that is one term without variables (`data.demo.deny`, `input.resource_changes[0]`) is a
 * value to print in the expressions form; anything else is run for its bindings.
 */
export function isValueQuery(query: string): boolean {
  let term: Term;
  try {
    term = parseTerm(query, QUERY_FILE);
  } catch {
    return false;
  }
  return !termHasVariables(term);
}

/** Serialises plain JSON data (that may hold bigints from `toJSON`) exactly. */
export function jsonText(x: unknown, indent?: number): string {
  const text = JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? `\u0000big:${v}` : v), indent);
  return text.replace(/"\\u0000big:(-?\d+)"/g, '$1');
}

export type EvalResult = { kind: 'expression'; value: Value | undefined } | { kind: 'bindings'; rows: Bindings[] };

/** Evaluates the query the way its shape calls for. */
export function evaluateQuery(policy: Policy, args: Pick<EvalArgs, 'query' | 'strictBuiltinErrors'>, input: Value | undefined, data: Value): EvalResult {
  const options = { input, data, strictBuiltinErrors: args.strictBuiltinErrors };
  if (isValueQuery(args.query)) return { kind: 'expression', value: policy.evaluate(args.query, options) };
  return { kind: 'bindings', rows: policy.query(args.query, options) };
}

function bindingsJSON(row: Bindings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of row) out[name] = toJSON(value);
  return out;
}

/** The `opa eval` JSON document for a result; undefined results give `{}`. */
export function evalOutputJSON(result: EvalResult, query: string): unknown {
  if (result.kind === 'expression') {
    if (result.value === undefined) return {};
    return { result: [{ expressions: [{ value: toJSON(result.value), text: query.trim(), location: { row: 1, col: 1 } }] }] };
  }
  if (result.rows.length === 0) return {};
  return { result: result.rows.map((row) => ({ bindings: bindingsJSON(row) })) };
}

function renderTable(rows: readonly Bindings[]): string {
  const names = [...new Set(rows.flatMap((r) => [...r.keys()]))];
  const cells = rows.map((r) => names.map((n) => (r.has(n) ? stringify(r.get(n)!) : '')));
  const widths = names.map((n, col) => Math.max(n.length, ...cells.map((c) => c[col].length)));
  const border = '+' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '+';
  const line = (values: string[]): string => '| ' + values.map((v, col) => v.padEnd(widths[col])).join(' | ') + ' |';
  return [border, line(names), border, ...cells.map(line), border].join('\n');
}

/** Human-oriented output: the value as indented JSON, or a table of bindings. */
export function evalOutputPretty(result: EvalResult): string {
  if (result.kind === 'expression') return result.value === undefined ? 'undefined' : stringify(result.value, 2);
  if (result.rows.length === 0) return 'undefined';
  if (result.rows.every((r) => r.size === 0)) return 'true';
  return renderTable(result.rows);
}

export function runEval(args: EvalArgs, io: CliIO): ExitCodeValue {
  const loaded = loadPolicyPaths(args.policies);
  const data = loadData([...loaded.dataFiles, ...args.data]);
  const input = args.input === undefined ? undefined : readDocument(args.input);
  const policy = compile(loaded.sources);
  const result = evaluateQuery(policy, args, input, data);
  const text = args.format === 'pretty' ? evalOutputPretty(result) : jsonText(evalOutputJSON(result, args.query), 2);
  println(io.stdout, text);
  return ExitCode.ok;
}
