/**
 * Runs the bundled Action the way the Actions runner does: `node dist/index.js` in the workspace, with
 * the runner's environment (GITHUB_*, RUNNER_TEMP), an event file, and INPUT_* variables — the ones
 * given plus action.yml's defaults, as the runner fills them in — then reads back GITHUB_OUTPUT, the job
 * summary and the workflow commands on stdout.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { findRepoRoot } from '../../package-root.js';

export const REPO_ROOT = findRepoRoot() ?? process.cwd();

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; main: string };
}

export function readActionYml(): ActionYml {
  return parseYaml(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYml;
}

/** Builds the bundle into a throwaway action directory (package.json + dist/), as a checkout of the action would hold. */
export async function buildActionDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-action-'));
  await execFileText(process.execPath, [join(REPO_ROOT, 'scripts/build-action.mjs'), '--outdir', join(dir, 'dist')], REPO_ROOT);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'tfguard', version: '0.0.0-test', type: 'module' }));
  return dir;
}

export interface RunnerOptions {
  actionDir: string;
  workspace: string;
  apiUrl: string;
  repository: string;
  eventName: string;
  event: unknown;
  /** GITHUB_SHA: for a pull request, the merge commit (the PR head sha is in the event). */
  sha: string;
  inputs: Record<string, string>;
  env?: Record<string, string>;
}

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::error file=…,line=…::message` and friends, parsed from stdout. */
  commands: { command: string; properties: Record<string, string>; message: string }[];
}

export async function runAction(o: RunnerOptions): Promise<ActionRun> {
  const action = readActionYml();
  const runnerDir = mkdtempSync(join(tmpdir(), 'tfguard-runner-'));
  const temp = join(runnerDir, 'temp');
  mkdirSync(temp);
  const eventPath = join(runnerDir, 'event.json');
  const outputPath = join(runnerDir, 'output');
  const summaryPath = join(runnerDir, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(o.event));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  for (const name of Object.keys(o.inputs)) if (!(name in action.inputs)) throw new Error(`input ${name} is not declared in action.yml`);
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    const value = o.inputs[name] ?? (spec.default === '${{ github.token }}' ? 'ghs_test_token' : (spec.default ?? ''));
    inputs[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? runnerDir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: o.repository,
    GITHUB_API_URL: o.apiUrl,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: o.sha,
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: temp,
    ...inputs,
    ...o.env,
  };
  const main = join(o.actionDir, action.runs.main);
  if (!existsSync(main)) throw new Error(`${main} does not exist`);
  const { code, stdout, stderr } = await execFileResult(process.execPath, [main], o.workspace, env);
  return {
    exitCode: code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    commands: parseCommands(stdout),
  };
}

/** GITHUB_OUTPUT as @actions/core writes it: `name<<DELIMITER\nvalue\nDELIMITER\n`. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      out[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return out;
}

function parseCommands(stdout: string): ActionRun['commands'] {
  const out: ActionRun['commands'] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties = Object.fromEntries(
      (m[2] ?? '')
        .split(',')
        .filter(Boolean)
        .map((kv) => {
          const at = kv.indexOf('=');
          return [kv.slice(0, at), decodeCommand(kv.slice(at + 1))];
        }),
    );
    out.push({ command: m[1], properties, message: decodeCommand(m[3]) });
  }
  return out;
}

const decodeCommand = (s: string): string => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

function execFileResult(file: string, args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function execFileText(file: string, args: string[], cwd: string): Promise<string> {
  const { code, stdout, stderr } = await execFileResult(file, args, cwd, process.env as Record<string, string>);
  if (code !== 0) throw new Error(`${file} ${args.join(' ')} failed (${code}): ${stderr}`);
  return stdout;
}
