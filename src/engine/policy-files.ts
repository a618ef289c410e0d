/** Finding Rego files on disk. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.rego` file below `dir`, sorted; `onError` turns a filesystem failure into the caller's error. */
export function listRegoFiles(dir: string, onError: (path: string, err: unknown) => Error): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (err) {
      throw onError(current, err);
    }
    for (const entry of entries) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.rego')) found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}
