import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle } from './bundle.js';
import { scanDocument } from './scan.js';
import { loadDocument } from '../input/index.js';

const DIR = process.env.TFGUARD_REAL_PLANS_DIR ?? join(import.meta.dirname, '../../../shared/fixtures/real-plans');
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')).sort() : [];
if (files.length === 0) console.log(`real plans: skipped (${DIR} not found)`);

describe.skipIf(files.length === 0)('every real plan and state scans with the built-in policies', () => {
  const bundle = loadBundle();
  it.each(files)('%s', async (file) => {
    const doc = await loadDocument(join(DIR, file));
    const result = scanDocument(bundle, doc);
    for (const f of result.findings) {
      expect(f.policyId).toBeTruthy();
      expect(f.message).toBeTruthy();
      expect(['fail', 'unknown']).toContain(f.status);
    }
  });
});
