/**
 * The input layer of `tfguard scan`: files → TerraformDocument (raw JSON for the policies, plus an index
 * of resources with actions, regions and source locations for the reports).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, type IndexedResource, type TerraformDocument } from './document.js';
import { parseJsonText } from './json-text.js';
import { decodeDocument, describeFsError, readDocumentBytes } from './read.js';
import { indexPlan, indexState, resolveRegions, type ResourceDraft } from './resource-index.js';
import { checkShape } from './shape.js';
import { SourceLocator } from './source-locator.js';
import { rootConfigModule } from './configuration.js';

export { InputError } from './document.js';
export type { DocumentKind, IndexedResource, SourceLocation, TerraformDocument } from './document.js';

export interface LoadOptions {
  /** Directory holding the root module's `.tf` files, for source locations. Default: the working directory. */
  sourceDir?: string;
}

export async function loadDocument(path: string, options: LoadOptions = {}): Promise<TerraformDocument> {
  await refuseDirectory(path);
  const text = decodeDocument(await readDocumentBytes(path), path);
  const shape = checkShape(parseJsonText(text, path), path);
  const drafts = shape.kind === 'plan' ? indexPlan(shape.raw) : indexState(shape.raw);
  resolveRegions(shape.raw, drafts);
  const locator = new SourceLocator(options.sourceDir ?? process.cwd(), rootConfigModule(shape.raw));
  const locations = await locator.locate(drafts.map(({ resource, moduleNames }) => ({ mode: resource.mode, type: resource.type, name: resource.name, moduleNames })));
  drafts.forEach((draft, i) => {
    const location = locations[i];
    if (location) draft.resource.source = { ...location };
  });

  const resources = drafts.map((draft) => draft.resource);
  return {
    path,
    kind: shape.kind,
    formatVersion: shape.formatVersion,
    ...(shape.terraformVersion === undefined ? {} : { terraformVersion: shape.terraformVersion }),
    raw: shape.raw,
    resources,
    byAddress: addressMap(drafts),
  };
}

/**
 * Files as given (in order, without repeats); a directory contributes its `*.json` files, sorted.
 * A missing path or a directory without JSON files is an InputError.
 */
export async function discoverDocuments(paths: string[]): Promise<string[]> {
  const found: string[] = [];
  const seen = new Set<string>();
  const add = (path: string): void => {
    if (!seen.has(path)) {
      seen.add(path);
      found.push(path);
    }
  };
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch (error) {
      throw new InputError(describeFsError(error), path);
    }
    if (!isDirectory) {
      add(path);
      continue;
    }
    const jsonFiles = await jsonFilesIn(path);
    if (jsonFiles.length === 0) throw new InputError('directory contains no .json files (expected Terraform plan or state JSON)', path);
    jsonFiles.forEach(add);
  }
  return found;
}

async function jsonFilesIn(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.json'))
      .map((entry) => entry.name)
      .sort()
      .map((name) => join(dir, name));
  } catch (error) {
    throw new InputError(describeFsError(error), dir);
  }
}

async function refuseDirectory(path: string): Promise<void> {
  try {
    if ((await stat(path)).isDirectory()) throw new InputError('is a directory, expected a JSON file', path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), path);
  }
}

/** One entry per address: the current object, never a deposed one that shares its address. */
function addressMap(drafts: readonly ResourceDraft[]): Map<string, IndexedResource> {
  const map = new Map<string, IndexedResource>();
  for (const { resource, deposed } of drafts) if (!deposed && !map.has(resource.address)) map.set(resource.address, resource);
  for (const { resource } of drafts) if (!map.has(resource.address)) map.set(resource.address, resource);
  return map;
}
