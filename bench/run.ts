/** `npm run bench`: every benchmark, each printing ratios against a baseline measured in the same run. */
import { runRegoBench } from './rego-engine.js';

const size = Number(process.env.BENCH_RESOURCES ?? 10_000);
runRegoBench(size);
