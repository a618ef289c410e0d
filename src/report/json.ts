/** The machine-readable report: the ScanReport itself, versioned (`version`), documented in README. */
import type { ScanReport } from './model.js';

export function renderJson(report: ScanReport): string {
  return JSON.stringify(report, null, 2);
}
