/**
 * Conformance cases: OPA's YAML test-case files (see /work/shared/opa-conformance/FORMAT.md),
 * read into typed records. Validation is strict enough to catch a malformed file early, but lenient
 * about fields this runner does not use (want_defined, env).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface ConformanceCase {
  note: string;
  query: string;
  modules: string[];
  /** Base document as parsed JSON; missing means `{}`. */
  data?: unknown;
  /** Whether the case has an `input` field at all (null is a valid input). */
  hasInput: boolean;
  input?: unknown;
  /** Input in Rego term syntax; takes precedence over `input`. */
  inputTerm?: string;
  /** Expected rows (var → JSON value); [] means undefined. */
  wantResult?: Record<string, unknown>[];
  wantErrorCode?: string;
  wantError?: string;
  strictError: boolean;
  sortBindings: boolean;
  ignoreGeneratedVars: boolean;
}

/** A case together with where it came from; (file, index) is its identity, as notes are not unique. */
export interface LocatedCase {
  /** Path of the YAML file relative to the corpus root, with forward slashes. */
  file: string;
  /** Sub-folder the file belongs to: its first path segment, or the root's own name for top-level files. */
  folder: string;
  index: number;
  testCase: ConformanceCase;
}

export class CaseFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'CaseFileError';
  }
}

type Fields = Record<string, unknown>;

function isFields(x: unknown): x is Fields {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function optionalString(fields: Fields, key: string, where: string): string | undefined {
  const v = fields[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new Error(`${where}: '${key}' must be a string`);
  return v;
}

function optionalBoolean(fields: Fields, key: string, where: string): boolean {
  const v = fields[key];
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw new Error(`${where}: '${key}' must be a boolean`);
  return v;
}

function parseModules(fields: Fields, where: string): string[] {
  const v = fields.modules;
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((m) => typeof m === 'string')) {
    throw new Error(`${where}: 'modules' must be a list of strings`);
  }
  return v;
}

function parseWantResult(fields: Fields, where: string): Record<string, unknown>[] | undefined {
  const v = fields.want_result;
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every(isFields)) throw new Error(`${where}: 'want_result' must be a list of mappings`);
  return v;
}

/** Validates one entry of a file's `cases` list. */
export function parseCase(raw: unknown, where: string): ConformanceCase {
  if (!isFields(raw)) throw new Error(`${where}: a case must be a mapping`);
  const query = optionalString(raw, 'query', where);
  if (query === undefined) throw new Error(`${where}: 'query' is required`);
  return {
    note: optionalString(raw, 'note', where) ?? where,
    query,
    modules: parseModules(raw, where),
    data: raw.data ?? undefined,
    hasInput: 'input' in raw,
    input: raw.input,
    inputTerm: optionalString(raw, 'input_term', where),
    wantResult: parseWantResult(raw, where),
    wantErrorCode: optionalString(raw, 'want_error_code', where),
    wantError: optionalString(raw, 'want_error', where),
    strictError: optionalBoolean(raw, 'strict_error', where),
    sortBindings: optionalBoolean(raw, 'sort_bindings', where),
    ignoreGeneratedVars: optionalBoolean(raw, 'ignore_generated_vars', where),
  };
}

/** Parses the text of one YAML case file. */
export function parseCaseFile(text: string, file: string): ConformanceCase[] {
  let doc: unknown;
  try {
    // Integers stay exact (bigint) so big expected values compare by their true value.
    doc = parseYaml(text, { intAsBigInt: true });
  } catch (err) {
    throw new CaseFileError(file, `invalid YAML: ${(err as Error).message}`);
  }
  if (!isFields(doc) || !Array.isArray(doc.cases)) throw new CaseFileError(file, "expected a top-level 'cases' list");
  try {
    return doc.cases.map((raw, i) => parseCase(raw, `cases[${i}]`));
  } catch (err) {
    throw new CaseFileError(file, (err as Error).message);
  }
}

/** Every `*.yaml` (or `*.yml`: the corpus has one) file under `dir`, recursively, sorted for a stable order. */
export function findCaseFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}

function folderOf(root: string, relativeFile: string): string {
  const parent = dirname(relativeFile);
  return parent === '.' ? basename(root) : parent.split('/')[0];
}

/** Loads every case under `root` (a corpus root, one sub-folder, or a single YAML file). */
export function loadCases(root: string): LocatedCase[] {
  const isFile = statSync(root).isFile();
  const base = isFile ? dirname(root) : root;
  const files = isFile ? [root] : findCaseFiles(root);
  const cases: LocatedCase[] = [];
  for (const full of files) {
    const file = relative(base, full).split(sep).join('/');
    const folder = folderOf(base, file);
    parseCaseFile(readFileSync(full, 'utf8'), file).forEach((testCase, index) => {
      cases.push({ file, folder, index, testCase });
    });
  }
  return cases;
}
