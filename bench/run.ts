/**
 * `npm run bench`: every benchmark, each printing ratios against a baseline measured in the same run.
 * BENCH_RESOURCES sizes the engine, policy and cost benchmarks (default 10,000); BENCH_INPUT_MB the large-plan
 * input benchmark (default 200; 0 skips it).
 */
import { runRegoBench } from './rego-engine.js';
import { runPolicyBench } from './policies.js';
import { runInputBench } from './input.js';
import { runCostBench } from './cost.js';

const resources = Number(process.env.BENCH_RESOURCES ?? 10_000);
const inputMB = Number(process.env.BENCH_INPUT_MB ?? 200);

runRegoBench(resources);
await runPolicyBench(resources);
runCostBench(resources);
if (inputMB > 0) runInputBench(inputMB * 1024 * 1024);
