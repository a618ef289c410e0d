/**
 * The `plan` input: paths or globs (`*` within a directory, `**` across directories, `?` one character),
 * relative to the workspace. Node 20 has no fs.glob, and a small matcher is all the input needs.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ActionInputError } from './runner-context.js';

/** Directories that never hold plans and can be huge. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.terraform']);

const isGlob = (pattern: string): boolean => /[*?]/.test(pattern);

/** Each pattern's matches, sorted, in pattern order without repeats; literal paths pass through as given. */
export function expandPlanPatterns(patterns: string[], cwd: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const pattern of patterns) {
    const matches = isGlob(pattern) ? matchGlob(pattern, cwd) : [pattern];
    if (matches.length === 0) throw new ActionInputError(`input plan: no file matches ${pattern}`);
    for (const path of matches) {
      if (!seen.has(path)) {
        seen.add(path);
        out.push(path);
      }
    }
  }
  return out;
}

function matchGlob(pattern: string, cwd: string): string[] {
  const normalized = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  // An absolute pattern is matched from the root and yields absolute paths.
  const absolute = normalized.startsWith('/');
  const relativePattern = absolute ? normalized.slice(1) : normalized;
  const segments = relativePattern.split('/');
  const firstGlob = segments.findIndex(isGlob);
  const base = segments.slice(0, firstGlob).join('/');
  const matcher = globRegExp(relativePattern);
  const deep = segments.slice(firstGlob).length > 1 || relativePattern.includes('**');
  return walk(absolute ? '/' : cwd, base, deep)
    .filter((path) => matcher.test(path))
    .map((path) => (absolute ? `/${path}` : path))
    .sort();
}

/** Files under `base` (relative to cwd, forward slashes); only its direct files unless `deep`. */
function walk(cwd: string, base: string, deep: boolean): string[] {
  const files: string[] = [];
  const visit = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(join(cwd, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (deep && !SKIPPED_DIRS.has(entry.name)) visit(path);
      } else {
        files.push(path);
      }
    }
  };
  visit(base);
  return files;
}

export function globRegExp(glob: string): RegExp {
  let body = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches zero or more directories; a trailing `**` matches everything below.
      const slash = glob[i + 2] === '/';
      body += slash ? '(?:[^/]+/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') body += '[^/]*';
    else if (c === '?') body += '[^/]';
    else body += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${body}$`);
}
