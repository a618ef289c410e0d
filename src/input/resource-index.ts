/**
 * The resource index the reports use: one entry per resource instance in root and child modules.
 * Plans: `resource_changes` (which carry the actions), plus anything only `planned_values` shows (e.g.
 * data sources read during planning). States: `values.root_module` and its child modules, recursively.
 */
import type { IndexedResource } from './document.js';
import { moduleCallNames } from './module-address.js';
import { RegionResolver } from './regions.js';
import { isObject, type JsonObject } from './shape.js';

/** An indexed resource plus what the later passes (region, source) need and the contract does not expose. */
export interface ResourceDraft {
  resource: IndexedResource;
  /** Module call names (shared between resources of one module instance: read-only). */
  moduleNames: readonly string[];
  values?: JsonObject;
  /** A deposed object (create_before_destroy leftovers) shares its address with the current one. */
  deposed?: boolean;
}

export function indexPlan(raw: JsonObject): ResourceDraft[] {
  const drafts: ResourceDraft[] = [];
  const seen = new Set<string>();
  for (const change of arrayOf(raw.resource_changes)) {
    const draft = draftFromChange(change);
    if (!draft) continue;
    drafts.push(draft);
    seen.add(draft.resource.address);
  }
  const plannedRoot = isObject(raw.planned_values) ? raw.planned_values.root_module : undefined;
  for (const draft of draftsFromValues(plannedRoot)) {
    if (!seen.has(draft.resource.address)) drafts.push(draft);
  }
  return drafts;
}

export function indexState(raw: JsonObject): ResourceDraft[] {
  return draftsFromValues(isObject(raw.values) ? raw.values.root_module : undefined);
}

export function resolveRegions(raw: JsonObject, drafts: readonly ResourceDraft[]): void {
  const resolver = new RegionResolver(raw);
  for (const draft of drafts) {
    const region = resolver.regionOf(draft.resource, draft.moduleNames, draft.values);
    if (region !== undefined) draft.resource.region = region;
  }
}

/** Thousands of resources share a handful of modules: parse each module address once. */
const moduleNamesCache = new Map<string, string[]>();

function cachedModuleNames(moduleAddress: string): string[] {
  let names = moduleNamesCache.get(moduleAddress);
  if (!names) {
    names = moduleCallNames(moduleAddress);
    if (moduleNamesCache.size > 10_000) moduleNamesCache.clear();
    moduleNamesCache.set(moduleAddress, names);
  }
  return names;
}

function draftFromChange(change: unknown): ResourceDraft | undefined {
  if (!isObject(change) || typeof change.address !== 'string' || !isObject(change.change)) return undefined;
  const module = typeof change.module_address === 'string' ? change.module_address : moduleOfAddress(change.address);
  const actions = arrayOf(change.change.actions).filter((action): action is string => typeof action === 'string');
  // A delete (or forget) has no `after`; the object being removed still tells where it lives.
  const values = isObject(change.change.after) ? change.change.after : isObject(change.change.before) ? change.change.before : undefined;
  return {
    resource: baseResource(change, module, actions),
    moduleNames: cachedModuleNames(module),
    values,
    ...(typeof change.deposed === 'string' ? { deposed: true } : {}),
  };
}

function draftsFromValues(rootModule: unknown): ResourceDraft[] {
  const drafts: ResourceDraft[] = [];
  // Iterative walk: module trees are shallow, but a stack keeps this safe for any input.
  const pending: unknown[] = [rootModule];
  while (pending.length > 0) {
    const module = pending.pop();
    if (!isObject(module)) continue;
    const moduleAddress = typeof module.address === 'string' ? module.address : '';
    for (const resource of arrayOf(module.resources)) {
      if (!isObject(resource) || typeof resource.address !== 'string') continue;
      const owner = moduleAddress || moduleOfAddress(resource.address);
      drafts.push({
        resource: baseResource(resource, owner, []),
        moduleNames: cachedModuleNames(owner),
        values: isObject(resource.values) ? resource.values : undefined,
      });
    }
    pending.push(...arrayOf(module.child_modules).reverse());
  }
  return drafts;
}

function baseResource(source: JsonObject, module: string, actions: string[]): IndexedResource {
  return {
    address: source.address as string,
    type: stringOr(source.type, ''),
    name: stringOr(source.name, ''),
    mode: source.mode === 'data' ? 'data' : 'managed',
    providerName: stringOr(source.provider_name, ''),
    module,
    actions,
  };
}

/**
 * The module part of a resource address, for inputs that omit `module_address`:
 * `module.a["x"].aws_s3_bucket.b` → `module.a["x"]`.
 */
export function moduleOfAddress(address: string): string {
  const segments = topLevelSegments(address);
  let count = 0;
  while (segments[count] === 'module' && count + 2 < segments.length) count += 2;
  return segments.slice(0, count).join('.');
}

/** Splits on dots outside brackets and quoted keys: `module.a["x.y"].t.n` → `module`, `a["x.y"]`, `t`, `n`. */
function topLevelSegments(address: string): string[] {
  const segments: string[] = [];
  let start = 0;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === '.' && depth === 0) {
      segments.push(address.slice(start, i));
      start = i + 1;
    }
  }
  segments.push(address.slice(start));
  return segments;
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
