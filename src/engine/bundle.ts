/**
 * A policy bundle: the built-in policies plus the user's, compiled once, with each control's metadata
 * (from `# METADATA` annotations) indexed by its id so findings can be enriched.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compile, type Policy, type SourceFile } from '../rego/index.js';
import type { Annotation, Module } from '../rego/ast.js';
import { findRepoRoot } from '../package-root.js';
import { listRegoFiles } from './policy-files.js';
import { SEVERITIES, type Severity } from './finding.js';
import { globToRegExp } from './glob.js';

export const RULE_KINDS = ['deny', 'violation', 'warn'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export interface PolicyInfo {
  id: string;
  title: string;
  description?: string;
  severity: Severity;
  controls: string[];
  remediation?: string;
  /** `data.tfguard.aws.encryption`. */
  package: string;
  rule: RuleKind;
  file: string;
  line: number;
}

export interface PolicyBundle {
  policy: Policy;
  /** Every control with metadata, in file order. */
  policies: PolicyInfo[];
  byId: Map<string, PolicyInfo>;
  /** Packages holding deny/violation/warn rules, and which of those rules each has. */
  packages: { path: string; rules: RuleKind[] }[];
  /** Whether a policy id is selected by the configuration's include/exclude. */
  selected(id: string): boolean;
}

export interface BundleOptions {
  /** Load the built-in library from the package's `policies/` (default true). */
  builtin?: boolean;
  /** Extra policy directories or files. */
  dirs?: string[];
  include?: string[];
  exclude?: string[];
}

export class PolicyLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyLoadError';
  }
}

/** The directory of the built-in policy library. */
export function builtinPolicyDir(): string {
  const root = findRepoRoot();
  if (!root) throw new PolicyLoadError('cannot locate the built-in policies (package root not found)');
  return join(root, 'policies');
}

/** Reads the policy sources: tests (`*_test.rego`) are left out of scans. */
export function readPolicySources(paths: string[]): SourceFile[] {
  const sources: SourceFile[] = [];
  const fail = (path: string, err: unknown) => new PolicyLoadError(`${path}: cannot read policies: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (err) {
      throw fail(path, err);
    }
    const files = isDir ? listRegoFiles(path, fail) : [path];
    if (isDir && files.length === 0) throw new PolicyLoadError(`${path}: no .rego files found`);
    for (const file of files) {
      if (file.endsWith('_test.rego')) continue;
      try {
        sources.push({ file: displayPath(file), text: readFileSync(file, 'utf8') });
      } catch (err) {
        throw fail(file, err);
      }
    }
  }
  return sources;
}

const displayPath = (file: string): string => {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
};

export function loadBundle(options: BundleOptions = {}): PolicyBundle {
  const paths = [...(options.builtin === false ? [] : [builtinPolicyDir()]), ...(options.dirs ?? [])];
  return bundleFromSources(readPolicySources(paths), options);
}

export function bundleFromSources(sources: SourceFile[], options: Pick<BundleOptions, 'include' | 'exclude'> = {}): PolicyBundle {
  const policy = compile(sources);
  const policies: PolicyInfo[] = [];
  const packages = new Map<string, Set<RuleKind>>();
  for (const m of policy.modules) {
    const pkg = ['data', ...m.package].join('.');
    for (const rule of m.rules) {
      const kind = RULE_KINDS.find((k) => k === rule.head.name && rule.head.path.length === 0);
      if (!kind) continue;
      const rules = packages.get(pkg) ?? new Set<RuleKind>();
      rules.add(kind);
      packages.set(pkg, rules);
      const info = policyInfo(rule.annotations ?? [], m, pkg, kind, rule.loc.row);
      if (info) policies.push(info);
    }
  }
  const byId = new Map(policies.map((p) => [p.id, p]));
  const include = (options.include ?? []).map(globToRegExp);
  const exclude = (options.exclude ?? []).map(globToRegExp);
  return {
    policy,
    policies,
    byId,
    packages: [...packages].map(([path, rules]) => ({ path, rules: RULE_KINDS.filter((k) => rules.has(k)) })),
    selected: (id) => (include.length === 0 || include.some((r) => r.test(id))) && !exclude.some((r) => r.test(id)),
  };
}

function policyInfo(annotations: Annotation[], m: Module, pkg: string, rule: RuleKind, line: number): PolicyInfo | undefined {
  const a = annotations.find((x) => x.scope === 'rule' || x.scope === 'document');
  const custom = (a?.fields.custom ?? {}) as Record<string, unknown>;
  if (!a || typeof custom.id !== 'string') return undefined;
  const severity = SEVERITIES.includes(custom.severity as Severity) ? (custom.severity as Severity) : defaultSeverity(rule);
  return {
    id: custom.id,
    title: typeof a.fields.title === 'string' ? a.fields.title : custom.id,
    description: typeof a.fields.description === 'string' ? a.fields.description : undefined,
    severity,
    controls: Array.isArray(custom.controls) ? custom.controls.map(String) : [],
    remediation: typeof custom.remediation === 'string' ? custom.remediation.trim() : undefined,
    package: pkg,
    rule,
    file: m.file,
    line,
  };
}

/** Conftest's rules carry no severity: a deny blocks, a warn advises. */
export function defaultSeverity(rule: RuleKind): Severity {
  return rule === 'warn' ? 'low' : 'high';
}
