import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

/** The input fixtures folder (fixtures/input/). */
export const INPUT_FIXTURES = fileURLToPath(new URL('../../fixtures/input/', import.meta.url));

/**
 * Scratch directories for one test file, removed after its tests. Call at the top level of the
 * file: it registers the clean-up hook there.
 */
export function useScratchDirs(): (prefix: string) => string {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return (prefix) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}
