/**
 * Cost-estimate benchmark: estimateCost over the generated mixed plan (eu-west-1: instances with
 * root volumes, EBS volumes, Multi-AZ MySQL, log groups, unsupported types), against JSON.parse of the
 * same plan measured in the same run.
 */
import { performance } from 'node:perf_hooks';
import { estimateCost } from '../src/cost/index.js';
import { generateMixedPlan } from './policies.js';

export function runCostBench(resources = 10_000): void {
  const text = generateMixedPlan(resources);
  let t0 = performance.now();
  const plan = JSON.parse(text) as Record<string, unknown>;
  const parseMs = performance.now() - t0;
  estimateCost(plan); // warm-up: builds the catalog index once, as a long-running scan would
  t0 = performance.now();
  const estimate = estimateCost(plan);
  const estimateMs = performance.now() - t0;
  const priced = estimate.resources.length;
  console.log(`cost estimate — ${resources.toLocaleString('en-US')} resources (${(text.length / 1e6).toFixed(1)} MB plan)`);
  console.log(`  JSON.parse                ${parseMs.toFixed(1).padStart(8)} ms   1.0x (baseline)`);
  console.log(
    `  estimateCost              ${estimateMs.toFixed(1).padStart(8)} ms   ${(estimateMs / parseMs).toFixed(1)}x   ` +
      `(${priced.toLocaleString('en-US')} priced, ${estimate.notPriced.length.toLocaleString('en-US')} not priced, total ${estimate.totals.after} USD/month)`,
  );
}
