/**
 * Scanning one Terraform document: evaluate every deny/violation/warn rule of the bundle on the
 * document as it will be after the change, and on the prior side, then classify each finding as new,
 * existing or fixed, enrich it with its policy's metadata, point it at source, and apply waivers.
 */
import { performance } from 'node:perf_hooks';
import type { TerraformDocument } from '../input/document.js';
import { ObjectValue, SetValue, fromJSON, isObject, type Value } from '../rego/value.js';
import type { PolicyBundle, RuleKind } from './bundle.js';
import { defaultSeverity } from './bundle.js';
import { SEVERITIES, type Change, type Finding, type FindingStatus, type Severity } from './finding.js';
import { redactSensitive, scrub } from './redact.js';
import { applyWaivers } from '../waivers/waivers.js';
import type { Exception } from '../config/config.js';

export interface ScanOptions {
  /** `data.tfguard.params`. */
  params?: Record<string, unknown>;
  /** `data.tfguard.cost`: the cost estimate, for policies that limit the delta. */
  cost?: unknown;
  exceptions?: Exception[];
  /** ISO date (YYYY-MM-DD) waivers are checked against; defaults to today. */
  today?: string;
}

export interface DocumentResult {
  document: TerraformDocument;
  findings: Finding[];
  resourcesScanned: number;
  policiesEvaluated: number;
  durationMs: number;
}

/** A result as a rule produced it, before metadata and classification. */
interface RuleResult {
  policyId: string;
  rule: RuleKind;
  message: string;
  status: FindingStatus;
  severity?: Severity;
  title?: string;
  resource?: string;
  attribute?: string;
}

export function scanDocument(bundle: PolicyBundle, doc: TerraformDocument, options: ScanOptions = {}): DocumentResult {
  const started = performance.now();
  const { document, secrets } = redactSensitive(doc.raw);
  const data = (cost: unknown) => fromJSON({ tfguard: { params: options.params ?? {}, cost } });
  // The prior document shares most subtrees (configuration, variables, prior state) with the plan: convert them once.
  const converted = new WeakMap<object, Value>();
  const after = evaluateRules(bundle, fromJSON(document, converted), data(options.cost ?? null));
  // The prior side has no cost delta: a budget finding is always about this change.
  const prior = doc.kind === 'plan' ? evaluateRules(bundle, fromJSON(priorDocument(document), converted), data(null)) : undefined;

  const findings: Finding[] = [];
  const priorKeys = new Map(prior?.map((r) => [keyOf(r), r]));
  const afterKeys = new Set(after.map(keyOf));
  for (const r of after) findings.push(toFinding(bundle, doc, r, prior ? (priorKeys.has(keyOf(r)) ? 'existing' : 'new') : 'existing', secrets));
  for (const r of prior ?? []) if (!afterKeys.has(keyOf(r))) findings.push(toFinding(bundle, doc, r, 'fixed', secrets));

  applyWaivers(findings, options.exceptions ?? [], options.today ?? new Date().toISOString().slice(0, 10));
  findings.sort(compareFindings);
  return {
    document: doc,
    findings,
    resourcesScanned: doc.resources.filter((r) => r.mode === 'managed').length,
    policiesEvaluated: Math.max(bundle.policies.filter((p) => bundle.selected(p.id)).length, bundle.packages.length),
    durationMs: performance.now() - started,
  };
}

/**
 * The document as it was before the change: each resource change's `before` becomes its `after`,
 * resources the change creates disappear, and the planned values are the prior state's.
 */
export function priorDocument(plan: Record<string, unknown>): Record<string, unknown> {
  const changes = Array.isArray(plan.resource_changes) ? (plan.resource_changes as Record<string, unknown>[]) : [];
  const prior = changes
    .filter((rc) => {
      const c = rc.change as Record<string, unknown> | undefined;
      return c && c.before !== null && c.before !== undefined;
    })
    .map((rc) => {
      const c = rc.change as Record<string, unknown>;
      return { ...rc, change: { ...c, actions: ['no-op'], after: c.before, after_unknown: {}, after_sensitive: c.before_sensitive ?? {} } };
    });
  const priorState = plan.prior_state as { values?: unknown } | undefined;
  return { ...plan, resource_changes: prior, planned_values: priorState?.values ?? { root_module: {} } };
}

function evaluateRules(bundle: PolicyBundle, input: Value, data: Value): RuleResult[] {
  const out: RuleResult[] = [];
  const targets = bundle.packages.flatMap(({ path, rules }) => rules.map((rule) => ({ path, rule })));
  // One evaluation for all packages, so the shared library (resources by type, regions…) is built once.
  const values = bundle.policy.evaluateAll(
    targets.map((t) => `${t.path}.${t.rule}`),
    { input, data, strictBuiltinErrors: true },
  );
  targets.forEach(({ path, rule }, i) => {
    for (const item of resultItems(values[i])) {
      const r = toRuleResult(bundle, path, rule, item);
      if (r && bundle.selected(r.policyId)) out.push(r);
    }
  });
  return out;
}

function resultItems(value: Value | undefined): readonly Value[] {
  if (value instanceof SetValue) return value.values();
  if (Array.isArray(value)) return value as readonly Value[];
  if (value === undefined || value === false || value === null) return [];
  return [value];
}

function toRuleResult(bundle: PolicyBundle, pkg: string, rule: RuleKind, item: Value): RuleResult | undefined {
  const str = (o: ObjectValue, k: string): string | undefined => {
    const v = o.get(k);
    return typeof v === 'string' ? v : undefined;
  };
  if (typeof item === 'string') return { policyId: packagePolicyId(bundle, pkg, rule), rule, message: item, status: 'fail' };
  if (!isObject(item)) return undefined;
  const severity = str(item, 'severity');
  return {
    policyId: str(item, 'id') ?? packagePolicyId(bundle, pkg, rule),
    rule,
    message: str(item, 'msg') ?? str(item, 'message') ?? '',
    status: str(item, 'status') === 'unknown' ? 'unknown' : 'fail',
    severity: SEVERITIES.includes(severity as Severity) ? (severity as Severity) : undefined,
    title: str(item, 'title'),
    resource: str(item, 'resource'),
    attribute: str(item, 'attribute'),
  };
}

/** A string result names no policy: use the package's only annotated control of that rule, or the package. */
function packagePolicyId(bundle: PolicyBundle, pkg: string, rule: RuleKind): string {
  const candidates = bundle.policies.filter((p) => p.package === pkg && p.rule === rule);
  return candidates.length === 1 ? candidates[0].id : `${pkg.replace(/^data\./, '')}.${rule}`;
}

const keyOf = (r: RuleResult): string => [r.policyId, r.resource ?? '', r.attribute ?? '', r.resource ? '' : r.message].join('\u0000');

function toFinding(bundle: PolicyBundle, doc: TerraformDocument, r: RuleResult, change: Change, secrets: readonly string[]): Finding {
  const info = bundle.byId.get(r.policyId);
  const resource = r.resource ? doc.byAddress.get(r.resource) : undefined;
  return {
    policyId: r.policyId,
    severity: r.severity ?? info?.severity ?? defaultSeverity(r.rule),
    title: scrub(r.title ?? info?.title ?? r.policyId, secrets),
    // The resource is a field of its own; a message that starts by naming it need not say it twice.
    message: scrub(r.resource && r.message.startsWith(`${r.resource}: `) ? r.message.slice(r.resource.length + 2) : r.message, secrets),
    status: r.status,
    change,
    resource: r.resource && scrub(r.resource, secrets),
    module: resource?.module || undefined,
    attribute: r.attribute && scrub(r.attribute, secrets),
    location: resource?.source ? { file: resource.source.file, line: resource.source.line } : { file: doc.path },
    controls: info?.controls ?? [],
    remediation: info?.remediation,
    rule: r.rule,
  };
}

const CHANGE_ORDER: Record<Change, number> = { new: 0, existing: 1, fixed: 2 };

/** New first, then by severity (critical first), policy and resource. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change] ||
    SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) ||
    a.policyId.localeCompare(b.policyId) ||
    (a.resource ?? '').localeCompare(b.resource ?? '')
  );
}
