/**
 * Compiled RE2 patterns (re2js: RE2 syntax and linear-time matching, like Go's regexp), kept in a
 * small bounded cache: policies reuse a handful of patterns, and compiling is the expensive part.
 */
import { RE2JS } from 're2js';
import { BuiltinError } from './builtin.js';

export type Re2 = ReturnType<RE2JS['re2']>;

const MAX_CACHED = 100;

export class PatternCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly limit = MAX_CACHED) {}

  get(key: string, build: () => T): T {
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const built = build();
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, built);
    return built;
  }
}

const regexCache = new PatternCache<RE2JS>();

/** Compiles (or reuses) a pattern; syntax errors carry Go's wording, e.g. "error parsing regexp: …". */
export function compileRegex(pattern: string): RE2JS {
  return regexCache.get(pattern, () => {
    try {
      return RE2JS.compile(pattern);
    } catch (e) {
      throw new BuiltinError(e instanceof Error ? e.message : String(e));
    }
  });
}

/** Go's FindAllStringSubmatchIndex: per match, [start, end] pairs for the match and each group (-1 when unset). */
export function findAllSubmatchIndex(re: RE2JS, s: string, n: number): number[][] {
  if (n === 0) return [];
  const found = re.re2().findAllSubmatchIndex(s, n) as number[][] | null;
  return found ?? [];
}

/** Go's FindAllStringIndex. */
export function findAllIndex(re: RE2JS, s: string, n: number): number[][] {
  if (n === 0) return [];
  const found = re.re2().findAllIndex(s, n) as number[][] | null;
  return found ?? [];
}

/** Go's regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
