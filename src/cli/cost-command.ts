/** `tfguard cost` (the cost estimate alone) and `tfguard pricing import` (refresh the catalog from AWS offer files). */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { discoverDocuments, loadDocument } from '../input/index.js';
import { catalogFileFromEntries, estimateCost, importAwsOffer, loadUsageFile, type CatalogFile } from '../cost/index.js';
import { combineCosts, deltaText, renderCostMarkdown, renderCostText } from '../report/cost.js';
import { CliError } from './errors.js';
import { println, type CliIO } from './io.js';

export interface CostArgs {
  files: string[];
  format: 'text' | 'json' | 'markdown';
  usage?: string;
  catalogs: string[];
  output?: string;
}

export async function runCost(args: CostArgs, io: CliIO): Promise<number> {
  const usage = args.usage ? loadUsageFile(args.usage) : undefined;
  const catalogs = args.catalogs.map(readCatalog);
  const estimates = [];
  for (const path of await discoverDocuments(args.files)) {
    const doc = await loadDocument(path);
    if (doc.kind !== 'plan') throw new CliError(`${path}: a cost delta needs a plan (terraform show -json tfplan), this is a state`);
    estimates.push({ path, estimate: estimateCost(doc.raw, { usage, catalogs }) });
  }
  const section = combineCosts(estimates);
  const text =
    args.format === 'json'
      ? JSON.stringify(section, null, 2)
      : args.format === 'markdown'
        ? `**Monthly cost:** ${deltaText(section)}\n\n${renderCostMarkdown(section)}`
        : `${renderCostText(section)}\n\nMonthly cost delta: ${deltaText(section)}`;
  if (args.output) writeFileSync(args.output, text + '\n');
  else println(io.stdout, text);
  return 0;
}

/** A catalog file written by `tfguard pricing import`. */
export function readCatalog(path: string): CatalogFile {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CatalogFile;
  } catch (e) {
    throw new CliError(`${path}: cannot read the price catalog: ${(e as Error).message}`);
  }
}

export interface PricingImportArgs {
  offer: string;
  output: string;
  regions?: string[];
}

/** Reads an AWS Price List bulk offer file and writes a catalog file `tfguard cost --catalog` and scans can use. */
export function runPricingImport(args: PricingImportArgs, io: CliIO): number {
  let offer: unknown;
  try {
    offer = JSON.parse(readFileSync(args.offer, 'utf8'));
  } catch (e) {
    throw new CliError(`${args.offer}: not a readable AWS offer file: ${(e as Error).message}`);
  }
  let imported;
  try {
    imported = importAwsOffer(offer, { regions: args.regions });
  } catch (e) {
    throw new CliError(`${args.offer}: not a supported AWS Price List offer file: ${(e as Error).message}`);
  }
  const { entries, offerCode, publicationDate } = imported;
  if (entries.length === 0) throw new CliError(`${args.offer}: no on-demand prices tfguard uses in this ${offerCode} offer`);
  const catalog = catalogFileFromEntries(entries, {
    id: `import:${offerCode}:${basename(args.offer)}`,
    title: `AWS Price List offer file ${args.offer} (${offerCode})`,
    url: args.offer,
    asOf: publicationDate ?? 'unknown (the offer file has no publicationDate)',
  });
  writeFileSync(args.output, JSON.stringify(catalog, null, 2) + '\n');
  println(io.stderr, `tfguard: wrote ${entries.length} prices to ${args.output}`);
  return 0;
}
