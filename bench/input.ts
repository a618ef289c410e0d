/**
 * Input-layer benchmark: generate a ~200 MB plan, then measure `loadDocument` against the floor it cannot
 * beat (read the file as UTF-8 + JSON.parse), each in a fresh Node process so peak RSS is not polluted by
 * the other run or by the generator. Peak RSS is sampled every 2 ms by a worker thread, because the main
 * thread is blocked inside JSON.parse and could not sample itself.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface InputBenchResult {
  fileMB: number;
  resources: number;
  jsonParse: Measurement;
  loadDocument: Measurement;
  timeRatio: number;
  peakRssRatio: number;
}

interface Measurement {
  ms: number;
  peakRssMB: number;
  baselineRssMB: number;
}

const TARGET_BYTES = Number(process.env.BENCH_INPUT_MB ?? 200) * 1024 * 1024;

export function runInputBench(targetBytes = TARGET_BYTES): InputBenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-bench-input-'));
  try {
    const planPath = join(dir, 'plan.json');
    const resources = writeGeneratedPlan(planPath, targetBytes);
    const fileMB = statSync(planPath).size / 1024 / 1024;
    const emptySourceDir = mkdtempSync(join(dir, 'src-'));

    const jsonParse = measureInChild(`const { readFileSync } = await import('node:fs'); JSON.parse(readFileSync(${JSON.stringify(planPath)}, 'utf8'));`);
    const loaderUrl = pathToFileURL(fileURLToPath(new URL('../src/input/index.js', import.meta.url))).href;
    const loadDocument = measureInChild(
      `const { loadDocument } = await import(${JSON.stringify(loaderUrl)}); await loadDocument(${JSON.stringify(planPath)}, { sourceDir: ${JSON.stringify(emptySourceDir)} });`,
    );

    const result: InputBenchResult = {
      fileMB,
      resources,
      jsonParse,
      loadDocument,
      timeRatio: loadDocument.ms / jsonParse.ms,
      peakRssRatio: (loadDocument.peakRssMB - loadDocument.baselineRssMB) / (jsonParse.peakRssMB - jsonParse.baselineRssMB),
    };
    printResult(result);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printResult(r: InputBenchResult): void {
  const row = (name: string, m: Measurement): string =>
    `  ${name.padEnd(26)} ${m.ms.toFixed(0).padStart(7)} ms   peak RSS ${m.peakRssMB.toFixed(0).padStart(5)} MB (+${(m.peakRssMB - m.baselineRssMB).toFixed(0)} MB over start)`;
  console.log(`input: ${r.fileMB.toFixed(0)} MB plan, ${r.resources} resource changes`);
  console.log(row('readFile + JSON.parse', r.jsonParse));
  console.log(row('loadDocument', r.loadDocument));
  console.log(`  ratio loadDocument / JSON.parse: time ${r.timeRatio.toFixed(2)}x, peak RSS growth ${r.peakRssRatio.toFixed(2)}x`);
}

/** Runs `body` (ESM, top-level await) in a fresh process and returns its wall time and peak RSS. */
function measureInChild(body: string): Measurement {
  const script = `
    const { Worker } = await import('node:worker_threads');
    const peak = new Float64Array(new SharedArrayBuffer(8));
    // The sampler is CommonJS; execArgv: [] keeps it from inheriting --input-type=module.
    const sampler = new Worker(\`
      const { workerData } = require('node:worker_threads');
      const peak = new Float64Array(workerData);
      setInterval(() => { const rss = process.memoryUsage.rss(); if (rss > peak[0]) peak[0] = rss; }, 2);
    \`, { eval: true, workerData: peak.buffer, execArgv: [] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const baseline = process.memoryUsage.rss();
    const start = performance.now();
    ${body}
    const ms = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 10));
    const peakRss = Math.max(peak[0], process.memoryUsage.rss());
    await sampler.terminate();
    console.log(JSON.stringify({ ms, peakRssMB: peakRss / 1048576, baselineRssMB: baseline / 1048576 }));
  `;
  const output = execFileSync(process.execPath, ['--max-old-space-size=4096', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const lastLine = output.trim().split('\n').pop() ?? '{}';
  return JSON.parse(lastLine) as Measurement;
}

/** Writes a plan of about `targetBytes` in chunks (never one giant string), returns its resource count. */
export function writeGeneratedPlan(path: string, targetBytes: number): number {
  const fd = openSync(path, 'w');
  try {
    let written = writeSync(fd, `{"format_version":"1.2","terraform_version":"1.9.5","variables":{"region":{"value":"eu-west-1"}},"resource_changes":[`);
    let count = 0;
    while (written < targetBytes) {
      const chunk: string[] = [];
      for (let i = 0; i < 1000; i++, count++) chunk.push(resourceChange(count));
      written += writeSync(fd, (count > 1000 ? ',' : '') + chunk.join(','));
    }
    writeSync(fd, `],"planned_values":{"root_module":{}},"configuration":${JSON.stringify(configuration())}}`);
    return count;
  } finally {
    closeSync(fd);
  }
}

function resourceChange(i: number): string {
  const module = i % 3 === 0 ? `module.app["svc-${i % 50}"]` : '';
  const name = `r${i}`;
  const address = module ? `${module}.aws_security_group.${name}` : `aws_security_group.${name}`;
  const after = {
    name: `sg-${i}`,
    description: 'generated by the tfguard input benchmark '.repeat(4),
    vpc_id: `vpc-${(i * 7919).toString(16)}`,
    ingress: Array.from({ length: 6 }, (_, k) => ({
      from_port: 1000 + k,
      to_port: 2000 + k,
      protocol: 'tcp',
      cidr_blocks: [`10.${k}.${i % 256}.0/24`, '192.168.0.0/16'],
      description: `rule ${k}`,
    })),
    tags: { Name: name, team: `team-${i % 17}`, env: 'prod', cost_center: `cc-${i % 97}` },
  };
  return JSON.stringify({
    address,
    ...(module ? { module_address: module } : {}),
    mode: 'managed',
    type: 'aws_security_group',
    name,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: { actions: ['create'], before: null, after, after_unknown: { id: true, arn: true }, before_sensitive: false, after_sensitive: { tags: {} } },
  });
}

function configuration(): unknown {
  return {
    provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: { references: ['var.region'] } } } },
    root_module: { module_calls: { app: { source: './modules/app', module: {} } } },
  };
}
