/** The cost section of every report: per resource before → after and delta, totals, what was not priced. */
import { add, compareDecimal, divideRounded, formatDecimal, formatMoney, isZero, multiply, parseDecimal, subtract, ZERO } from '../cost/decimal.js';

const HUNDRED = parseDecimal('100');
import type { CostEstimate, NotPriced, ResourceCost } from '../cost/types.js';
import { costDeltaLine, costSection, signedMoney } from './cost-markdown.js';

export interface CostSection {
  documents: { path: string; estimate: CostEstimate }[];
  totals: { before: string; after: string; delta: string; percent: string | null };
  notPriced: (NotPriced & { document: string })[];
  /** Oldest as-of date of the prices used. */
  asOf: string | null;
}

export function combineCosts(documents: { path: string; estimate: CostEstimate }[]): CostSection {
  let before = ZERO;
  let after = ZERO;
  for (const d of documents) {
    before = add(before, parseDecimal(d.estimate.totals.before));
    after = add(after, parseDecimal(d.estimate.totals.after));
  }
  const delta = subtract(after, before);
  const dates = documents.map((d) => d.estimate.asOf).filter((x): x is string => x !== null).sort();
  return {
    documents,
    totals: {
      before: formatDecimal(before),
      after: formatDecimal(after),
      delta: formatDecimal(delta),
      percent: isZero(before) ? null : formatDecimal(divideRounded(multiply(delta, HUNDRED), before, 2)),
    },
    notPriced: documents.flatMap((d) => d.estimate.notPriced.map((n) => ({ ...n, document: d.path }))),
    asOf: dates[0] ?? null,
  };
}

/** `+$12.34/month (+5.2%)`. */
export function deltaText(section: CostSection): string {
  const delta = parseDecimal(section.totals.delta);
  const sign = compareDecimal(delta, ZERO) > 0 ? '+' : '';
  const pct = section.totals.percent === null ? '' : ` (${sign}${section.totals.percent}%)`;
  return `${sign}${formatMoney(delta)}/month${pct}`;
}

const changed = (r: ResourceCost) => r.action !== 'no-op' || !isZero(parseDecimal(r.delta));

export function renderCostText(section: CostSection): string {
  const dated = section.asOf ? `; oldest dated price source ${section.asOf}` : '';
  const lines = [`COST (USD per month, on-demand list prices${dated})`];
  const rows = section.documents.flatMap((d) => d.estimate.resources.filter(changed));
  const width = Math.max(20, ...rows.map((r) => r.address.length));
  for (const r of rows) {
    const usage = r.usageBased ? '  (usage-based)' : '';
    lines.push(`  ${r.address.padEnd(width)}  ${formatMoney(r.before).padStart(12)} → ${formatMoney(r.after).padStart(12)}  ${signedMoney(r.delta).padStart(12)}${usage}`);
  }
  lines.push(`  ${'Total'.padEnd(width)}  ${formatMoney(section.totals.before).padStart(12)} → ${formatMoney(section.totals.after).padStart(12)}  ${signedMoney(section.totals.delta).padStart(12)}${section.totals.percent === null ? '' : `  (${section.totals.percent}%)`}`);
  if (section.notPriced.length) {
    lines.push(`  Not priced (${section.notPriced.length}): ${section.notPriced.map((n) => `${n.address} — ${n.reason}`).join('; ')}`);
  }
  return lines.join('\n');
}

/** What policies see as `data.tfguard.cost`: numbers they can compare with a threshold. */
export function costData(estimate: CostEstimate): Record<string, unknown> {
  return {
    currency: estimate.currency,
    monthly_before: Number(estimate.totals.before),
    monthly_after: Number(estimate.totals.after),
    monthly_delta: Number(estimate.totals.delta),
    percent: estimate.totals.percent === null ? null : Number(estimate.totals.percent),
    resources: estimate.resources.map((r) => ({ address: r.address, type: r.type, before: Number(r.before), after: Number(r.after), delta: Number(r.delta) })),
    not_priced: estimate.notPriced.map((n) => ({ address: n.address, reason: n.reason })),
  };
}

/** The Markdown cost section: per plan, its delta line and table (the same the pull-request comment shows). */
export function renderCostMarkdown(section: CostSection): string {
  return section.documents
    .map((d) => (section.documents.length > 1 ? `**${d.path}** — ${costDeltaLine(d.estimate)}\n\n` : '') + costSection(d.estimate))
    .join('\n');
}
