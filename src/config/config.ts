/**
 * `.tfguard.yml`: which policies run, their parameters, exceptions and the blocking severity.
 * Mistakes are reported with their place in the file (`.tfguard.yml:7:14: /exceptions/0/expires must match format "date"`).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { LineCounter, parseDocument, isNode, type Node } from 'yaml';
import { CONFIG_SCHEMA } from './schema.js';
import type { Severity } from '../engine/finding.js';

export interface Exception {
  policy: string;
  resource?: string;
  reason: string;
  owner: string;
  expires: string;
}

export interface Config {
  /** The file it came from, or undefined for the defaults. */
  path?: string;
  include: string[];
  exclude: string[];
  policyDirs: string[];
  params: Record<string, unknown>;
  exceptions: Exception[];
  failOn?: Severity;
}

export const DEFAULT_CONFIG_NAME = '.tfguard.yml';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const validate = addFormats(new Ajv({ allErrors: false, strict: false })).compile(CONFIG_SCHEMA);

/** Loads the config at `path`, or `.tfguard.yml` in `cwd` when present, or the defaults. */
export function loadConfig(path: string | undefined, cwd = process.cwd()): Config {
  const file = path ?? join(cwd, DEFAULT_CONFIG_NAME);
  if (!path && !existsSync(file)) return { include: [], exclude: [], policyDirs: [], params: {}, exceptions: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${file}: cannot read the config file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return parseConfig(text, file);
}

export function parseConfig(text: string, file: string): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    const err = doc.errors[0];
    const pos = lineCounter.linePos(err.pos[0]);
    throw new ConfigError(`${file}:${pos.line}:${pos.col}: invalid YAML: ${err.message.split('\n')[0]}`);
  }
  const data: unknown = doc.toJS() ?? {};
  if (!validate(data)) {
    const err = validate.errors![0];
    const at = positionOf(doc.contents, err.instancePath, lineCounter);
    throw new ConfigError(`${file}${at}: ${describe(err)}`);
  }
  const raw = data as {
    policies?: { include?: string[]; exclude?: string[]; dirs?: string[] };
    params?: Record<string, unknown>;
    exceptions?: Exception[];
    fail_on?: Severity;
  };
  return {
    path: file,
    include: raw.policies?.include ?? [],
    exclude: raw.policies?.exclude ?? [],
    policyDirs: raw.policies?.dirs ?? [],
    params: raw.params ?? {},
    exceptions: raw.exceptions ?? [],
    failOn: raw.fail_on,
  };
}

function describe(err: ErrorObject): string {
  const where = err.instancePath || '(top level)';
  if (err.keyword === 'additionalProperties') return `${where}: unknown key "${String(err.params.additionalProperty)}"`;
  if (err.keyword === 'enum') return `${where} must be one of ${(err.params.allowedValues as unknown[]).join(', ')}`;
  return `${where} ${err.message ?? 'is invalid'}`;
}

/** `:line:col` of the YAML node at a JSON pointer, or '' when it cannot be found. */
function positionOf(root: unknown, pointer: string, lc: LineCounter): string {
  let node: unknown = root;
  for (const seg of pointer.split('/').slice(1)) {
    const key = seg.replace(/~1/g, '/').replace(/~0/g, '~');
    const coll = node as { get?: (k: unknown, keepScalar: boolean) => unknown } | undefined;
    const next = coll?.get?.(/^\d+$/.test(key) ? Number(key) : key, true);
    if (next === undefined) break;
    node = next;
  }
  if (!isNode(node) || !(node as Node).range) return '';
  const pos = lc.linePos((node as Node).range![0]);
  return `:${pos.line}:${pos.col}`;
}
