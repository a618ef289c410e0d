/** The cost part of the PR comment: one line with the monthly delta, and a folded table per resource. */
import { add, compareDecimal, formatDecimal, formatMoney, parseDecimal, roundTo, ZERO, type Decimal } from '../cost/decimal.js';
import type { CostEstimate, PlanAction, ResourceCost } from '../cost/types.js';

/** Resources listed in the table; the rest are summed in one row, so a huge plan keeps the comment short. */
const MAX_ROWS = 25;

const ACTION_LABEL: Record<PlanAction, string> = { create: '➕ create', delete: '➖ delete', update: '✏️ update', replace: '♻️ replace', 'no-op': 'no change' };

/** `+$12.40` / `-$3.00` / `$0.00`. */
export function signedMoney(value: Decimal | string): string {
  const decimal = typeof value === 'string' ? parseDecimal(value) : value;
  const sign = compareDecimal(decimal, ZERO) > 0 ? '+' : '';
  return `${sign}${formatMoney(decimal)}`;
}

/** `+10.33%`; undefined when there was nothing before (a percentage of zero means nothing). */
function signedPercent(percent: string | null): string | undefined {
  if (percent === null) return undefined;
  return `${compareDecimal(parseDecimal(percent), ZERO) > 0 ? '+' : ''}${percent}%`;
}

export function costDeltaLine(estimate: CostEstimate): string {
  const t = estimate.totals;
  const percent = signedPercent(t.percent);
  const delta = `**${signedMoney(t.delta)}/month**${percent ? ` (${percent})` : ''}`;
  const notPriced = estimate.notPriced.length ? ` · ${estimate.notPriced.length} resource${estimate.notPriced.length === 1 ? '' : 's'} not priced` : '';
  return `💰 **Cost:** ${delta} — ${formatMoney(t.before)} → ${formatMoney(t.after)} per month${notPriced}`;
}

/** The monthly delta of several plans together (a comment covering several projects). */
export function sumDeltas(estimates: readonly CostEstimate[]): Decimal {
  return estimates.reduce<Decimal>((sum, e) => add(sum, parseDecimal(e.totals.delta)), ZERO);
}

/** `+$12.40`, for display. */
export const totalDelta = (estimates: readonly CostEstimate[]): string => signedMoney(sumDeltas(estimates));

/** `12.40` / `-3.00`: the `cost-delta-monthly` output, for scripts to compare. */
export const totalDeltaPlain = (estimates: readonly CostEstimate[]): string => formatDecimal(roundTo(sumDeltas(estimates), 2), 2);

export function costSection(estimate: CostEstimate): string {
  const changed = estimate.resources.filter((r) => r.action !== 'no-op' || compareDecimal(parseDecimal(r.delta), ZERO) !== 0);
  const rows = [...changed].sort(byDeltaMagnitude);
  const shown = rows.slice(0, MAX_ROWS).map(resourceRow);
  const rest = rows.slice(MAX_ROWS);
  if (rest.length) {
    const restDelta = rest.reduce<Decimal>((sum, r) => add(sum, parseDecimal(r.delta)), ZERO);
    shown.push(`| _${rest.length} more_ | | | | ${signedMoney(restDelta)} |`);
  }
  const parts: string[] = [];
  if (shown.length) parts.push(['| Resource | Change | Before | After | Monthly Δ |', '|---|---|--:|--:|--:|', ...shown].join('\n'));
  else parts.push('No priced resource changes.');
  if (estimate.notPriced.length) {
    const list = estimate.notPriced.map((n) => `- \`${n.address}\`: ${n.reason}`).join('\n');
    parts.push(`**Not priced (${estimate.notPriced.length})**\n\n${list}`);
  }
  if (estimate.resources.some((r) => r.usageBased)) parts.push('¹ _Usage-based: quantities come from the usage file; without one they count as zero._');
  // Sources carry different dates (some none); name the oldest rather than imply one date for all.
  const asOf = estimate.asOf ? `, oldest dated source ${estimate.asOf}` : '';
  // Source titles are long (file paths, notes): numbered links, the title as the link's tooltip.
  const sources = estimate.sources.map((s, i) => `[${i + 1}](${s.url} ${JSON.stringify(s.title.replace(/"/g, "'"))})`).join(' ');
  parts.push(`<sub>${estimate.currency} on-demand list prices${asOf}${sources ? ` · sources ${sources}` : ''}</sub>`);
  return `<details><summary>💰 Cost estimate: ${signedMoney(estimate.totals.delta)}/month</summary>\n\n${parts.join('\n\n')}\n\n</details>\n`;
}

function byDeltaMagnitude(a: ResourceCost, b: ResourceCost): number {
  const magnitude = (r: ResourceCost) => {
    const d = parseDecimal(r.delta);
    return d.units < 0n ? { ...d, units: -d.units } : d;
  };
  return compareDecimal(magnitude(b), magnitude(a)) || a.address.localeCompare(b.address);
}

function resourceRow(r: ResourceCost): string {
  return `| \`${r.address}\`${r.usageBased ? ' ¹' : ''} | ${ACTION_LABEL[r.action]} | ${formatMoney(r.before)} | ${formatMoney(r.after)} | ${signedMoney(r.delta)} |`;
}
