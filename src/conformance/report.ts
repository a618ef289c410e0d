/** Renders a conformance report as a text table, as JSON, and as the one-line summary. */
import type { CaseResult, ConformanceReport } from './runner.js';
import { passRate } from './runner.js';

export function formatPercent(passed: number, total: number): string {
  return `${passRate(passed, total).toFixed(1)}%`;
}

/** The last line of every run, parsed by scripts: `conformance: M/N passed (P%)`. */
export function summaryLine(report: Pick<ConformanceReport, 'passed' | 'total'>): string {
  return `conformance: ${report.passed}/${report.total} passed (${formatPercent(report.passed, report.total)})`;
}

/** One row per folder: name, passed/total, percentage, in aligned columns. */
export function formatFolderTable(report: ConformanceReport): string {
  const rows = report.folders.map((f) => [f.folder, `${f.passed}/${f.total}`, formatPercent(f.passed, f.total)]);
  const header = ['folder', 'passed', '%'];
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((r) => r[col].length)));
  const line = (cells: string[]): string =>
    cells.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

export function formatFailure(result: CaseResult): string {
  return `FAIL ${result.file}#${result.index} ${result.note}\n     ${result.reason ?? ''}`;
}

export function formatFailures(report: ConformanceReport): string {
  return report.cases
    .filter((c) => !c.passed)
    .map(formatFailure)
    .join('\n');
}

export interface JSONReport {
  passed: number;
  total: number;
  passRate: number;
  folders: {
    folder: string;
    passed: number;
    total: number;
    passRate: number;
    cases: { file: string; index: number; note: string; passed: boolean; reason?: string; crashed?: boolean }[];
  }[];
}

export function toJSONReport(report: ConformanceReport): JSONReport {
  const round = (x: number): number => Math.round(x * 10) / 10;
  return {
    passed: report.passed,
    total: report.total,
    passRate: round(passRate(report.passed, report.total)),
    folders: report.folders.map((f) => ({
      ...f,
      passRate: round(passRate(f.passed, f.total)),
      cases: report.cases
        .filter((c) => c.folder === f.folder)
        .map(({ file, index, note, passed, reason, crashed }) => ({ file, index, note, passed, reason, crashed })),
    })),
  };
}
