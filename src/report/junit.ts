/** JUnit XML for CI dashboards: one test case per policy and document, its failures per resource. */
import type { ReportFinding, ScanReport } from './model.js';

/** Control characters XML 1.0 cannot carry at all, even escaped. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

const escape = (s: string): string =>
  s.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!).replace(XML_INVALID, '');

export function renderJunit(report: ScanReport): string {
  const suites: string[] = [];
  let total = 0;
  let failures = 0;
  for (const doc of report.documents) {
    const findings = report.findings.filter((f) => f.document === doc.path && f.change !== 'fixed');
    const ids = [...new Set([...report.policies.map((p) => p.id), ...findings.map((f) => f.policyId)])];
    const cases = ids.map((id) => testCase(id, report, findings.filter((f) => f.policyId === id)));
    const failed = cases.filter((c) => c.failed).length;
    total += cases.length;
    failures += failed;
    suites.push(`  <testsuite name="${escape(doc.path)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="${cases.filter((c) => c.skipped).length}">\n${cases.map((c) => c.xml).join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="tfguard" tests="${total}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`;
}

function testCase(id: string, report: ScanReport, findings: ReportFinding[]) {
  const info = report.policies.find((p) => p.id === id);
  const title = info?.title ?? findings[0]?.title ?? id;
  const open = `    <testcase classname="${escape(info?.package.replace(/^data\./, '') ?? 'tfguard')}" name="${escape(`${id}: ${title}`)}">`;
  const failing = findings.filter((f) => f.status === 'fail' && !(f.waiver && !f.waiver.expired));
  const unknown = findings.filter((f) => f.status === 'unknown');
  if (failing.length) {
    const body = failing.map((f) => `${f.resource ?? f.document}${f.location.line ? ` (${f.location.file}:${f.location.line})` : ''}: ${f.message}`).join('\n');
    const sev = failing[0].severity;
    return { failed: true, skipped: false, xml: `${open}\n      <failure type="${sev}" message="${escape(`${failing.length} resource${failing.length === 1 ? '' : 's'} violate ${id}`)}">${escape(body)}</failure>\n    </testcase>` };
  }
  if (unknown.length) return { failed: false, skipped: true, xml: `${open}\n      <skipped message="${escape(`cannot verify until apply: ${unknown.map((f) => f.resource).join(', ')}`)}"/>\n    </testcase>` };
  return { failed: false, skipped: false, xml: `${open}</testcase>` };
}
