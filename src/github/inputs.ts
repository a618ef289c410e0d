/**
 * The Action's inputs (action.yml), parsed and checked once: a bad value stops the run with one line
 * naming the input, before any work is done.
 */
import { SEVERITIES, type Severity } from '../engine/finding.js';
import { ActionInputError } from './runner-context.js';

export const COMMENT_BEHAVIORS = ['update', 'new', 'delete-and-new', 'on-change'] as const;
export type CommentBehavior = (typeof COMMENT_BEHAVIORS)[number];

export interface ActionInputs {
  /** Paths or globs of plan (or state) JSON, one per line or comma-separated. */
  plans: string[];
  policies: string[];
  builtinPolicies: boolean;
  config?: string;
  usageFile?: string;
  /** Root module directory for `file:line`; unset: each plan's own directory. */
  sourceDir?: string;
  token: string;
  /** Unset: `fail_on` from the config, else high. */
  failOn?: Severity;
  comment: boolean;
  commentBehavior: CommentBehavior;
  annotations: boolean;
  /** Where to write SARIF; unset: none is written. */
  sarifFile?: string;
  /** Names the sticky comment and the check run; unset: derived from the plan input. */
  project: string;
}

/** Reads one input by its action.yml name ('' when not given), like `core.getInput`. */
export type InputReader = (name: string) => string;

export function readInputs(read: InputReader): ActionInputs {
  const get = (name: string): string => read(name).trim();
  const plans = list(get('plan'));
  if (plans.length === 0) throw new ActionInputError('input plan is required: the path or glob of `terraform show -json` output');
  const token = get('github-token');
  return {
    plans,
    policies: list(get('policies')),
    builtinPolicies: bool(get('builtin-policies'), 'builtin-policies', true),
    ...optional('config', get('config')),
    ...optional('usageFile', get('usage-file')),
    ...optional('sourceDir', get('source-dir')),
    token,
    ...(get('fail-on') ? { failOn: oneOf(get('fail-on'), 'fail-on', SEVERITIES) } : {}),
    comment: bool(get('comment'), 'comment', true),
    commentBehavior: oneOf(get('comment-behavior') || 'update', 'comment-behavior', COMMENT_BEHAVIORS),
    annotations: bool(get('annotations'), 'annotations', true),
    ...optional('sarifFile', get('sarif-file')),
    project: get('project') || plans.join(','),
  };
}

/** One entry per line or comma; YAML block scalars (`plan: |`) give lines. */
function list(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const optional = <K extends string>(key: K, value: string): Partial<Record<K, string>> => (value ? ({ [key]: value } as Record<K, string>) : {});

/** The YAML 1.2 core schema booleans, as `core.getBooleanInput` accepts them. */
function bool(text: string, name: string, fallback: boolean): boolean {
  if (text === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(text)) return true;
  if (['false', 'False', 'FALSE'].includes(text)) return false;
  throw new ActionInputError(`input ${name} must be true or false, got ${JSON.stringify(text)}`);
}

function oneOf<T extends string>(text: string, name: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new ActionInputError(`input ${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(text)}`);
}
