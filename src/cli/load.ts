/**
 * Loading what the commands work on: Rego sources (files or directories, recursively), data
 * documents (JSON/YAML merged under `data`) and the input document. Every problem becomes a
 * CliError naming the file, so the user sees one precise line.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { SourceFile } from '../rego/index.js';
import type { Value } from '../rego/value.js';
import { ObjectValue, fromJSON, isObject, stringify } from '../rego/value.js';
import { listRegoFiles } from '../engine/policy-files.js';
import { CliError } from './errors.js';

const FS_MESSAGES: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
};

function fsError(path: string, err: unknown): CliError {
  const code = (err as NodeJS.ErrnoException).code;
  const reason = (code && FS_MESSAGES[code]) ?? (err as Error).message;
  return new CliError(`${path}: ${reason}`);
}

function statPath(path: string): Stats {
  try {
    return statSync(path);
  } catch (err) {
    throw fsError(path, err);
  }
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw fsError(path, err);
  }
}

const DATA_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

export interface LoadedPaths {
  sources: SourceFile[];
  /** Data files named directly among the paths (as `opa eval -d data.json` allows). */
  dataFiles: string[];
}

/** Sorts paths into Rego sources (directories searched recursively) and data files. */
export function loadPolicyPaths(paths: readonly string[]): LoadedPaths {
  const sources: SourceFile[] = [];
  const dataFiles: string[] = [];
  for (const path of paths) {
    if (statPath(path).isDirectory()) {
      const files = listRegoFiles(path, fsError);
      if (files.length === 0) throw new CliError(`${path}: no .rego files found`);
      for (const file of files) sources.push({ file, text: readText(file) });
    } else if (DATA_EXTENSIONS.has(extname(path).toLowerCase())) {
      dataFiles.push(path);
    } else if (path.endsWith('.rego')) {
      sources.push({ file: path, text: readText(path) });
    } else {
      throw new CliError(`${path}: unsupported file type (expected .rego, .json, .yaml or a directory)`);
    }
  }
  return { sources, dataFiles };
}

/** Where JSON.parse stopped (from its "at position N"), as `:line:col`, and the message without it. */
function jsonErrorParts(text: string, err: Error): { where: string; message: string } {
  const position = /\s*in JSON at position (\d+).*$/.exec(err.message);
  if (!position) return { where: '', message: err.message };
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const col = before.length - before.lastIndexOf('\n');
  return { where: `:${line}:${col}`, message: err.message.slice(0, position.index) };
}

/** Parses a JSON or YAML document (by extension) into a Value. */
export function readDocument(path: string): Value {
  const text = readText(path);
  const isYaml = ['.yaml', '.yml'].includes(extname(path).toLowerCase());
  let parsed: unknown;
  try {
    parsed = isYaml ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    if (isYaml) throw new CliError(`${path}: invalid YAML: ${(err as Error).message.split('\n')[0]}`);
    const { where, message } = jsonErrorParts(text, err as Error);
    throw new CliError(`${path}${where}: invalid JSON: ${message}`);
  }
  return fromJSON(parsed);
}

/** Deep-merges `source` into `target`; both sides defining a non-object value is a conflict. */
function mergeInto(target: ObjectValue, source: ObjectValue, path: string[], file: string): void {
  for (const [key, value] of source.entries()) {
    const existing = target.get(key);
    const keyPath = [...path, typeof key === 'string' ? key : stringify(key)];
    if (existing === undefined) {
      target.put(key, value);
    } else if (isObject(existing) && isObject(value)) {
      const merged = ObjectValue.fromEntries(existing.entries());
      mergeInto(merged, value, keyPath, file);
      target.put(key, merged);
    } else {
      throw new CliError(`${file}: data conflict at ${keyPath.join('.')}`);
    }
  }
}

/** Reads and merges data documents; each must be an object at its root. */
export function loadData(files: readonly string[]): ObjectValue {
  const data = new ObjectValue();
  for (const file of files) {
    const doc = readDocument(file);
    if (!isObject(doc)) throw new CliError(`${file}: data must be an object at its root`);
    mergeInto(data, doc, [], file);
  }
  return data;
}
