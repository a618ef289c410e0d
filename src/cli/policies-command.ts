/** `tfguard policies list`: every control with its metadata, as a table or JSON. */
import Table from 'cli-table3';
import { loadBundle } from '../engine/bundle.js';
import { CliError } from './errors.js';
import { println, type CliIO } from './io.js';

export interface PoliciesListArgs {
  format: 'text' | 'json';
  policies: string[];
  builtin: boolean;
}

export function runPoliciesList(args: PoliciesListArgs, io: CliIO): number {
  const bundle = loadBundle({ builtin: args.builtin, dirs: args.policies });
  if (bundle.policies.length === 0) throw new CliError('no policies with METADATA (custom.id) found');
  if (args.format === 'json') {
    println(io.stdout, JSON.stringify(bundle.policies, null, 2));
    return 0;
  }
  const table = new Table({
    head: ['ID', 'Severity', 'Title', 'Controls', 'Source'],
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: [14, 10, 50, 36, 36],
  });
  for (const p of bundle.policies) table.push([p.id, p.severity, p.title, p.controls.join(', '), `${p.file}:${p.line}`]);
  println(io.stdout, table.toString());
  println(io.stdout, `${bundle.policies.length} policies`);
  return 0;
}
