/**
 * Builtins the evaluator implements itself, because they need more than their arguments (bindings,
 * the rule being evaluated, the print sink), and builtins deliberately unavailable in tfguard.
 */
export interface EngineBuiltin {
  /** -1 for variadic (print). */
  readonly arity: number;
  /** Set when the builtin is deliberately not provided: the reason, shown in the error. */
  readonly unavailable?: string;
}

const NO_NETWORK = 'tfguard evaluates policies without network or host access';

export const ENGINE_BUILTINS: ReadonlyMap<string, EngineBuiltin> = new Map<string, EngineBuiltin>([
  ['eq', { arity: 2 }],
  ['assign', { arity: 2 }],
  ['internal.member_2', { arity: 2 }],
  ['internal.member_3', { arity: 3 }],
  ['print', { arity: -1 }],
  ['trace', { arity: 1 }],
  ['rego.metadata.rule', { arity: 0 }],
  ['rego.metadata.chain', { arity: 0 }],
  ['opa.runtime', { arity: 0 }],
  ['http.send', { arity: 1, unavailable: NO_NETWORK }],
  ['net.lookup_ip_addr', { arity: 1, unavailable: NO_NETWORK }],
  ['providers.aws.sign_req', { arity: 3, unavailable: 'request signing needs credentials and network access, which tfguard policies do not have' }],
]);
