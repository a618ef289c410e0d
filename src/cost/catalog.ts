import ec2UsEast1 from './catalog/aws-ec2-us-east-1.json' with { type: 'json' };
import ec2Regions from './catalog/aws-ec2-regions.json' with { type: 'json' };
import servicesUsEast1 from './catalog/aws-services-us-east-1.json' with { type: 'json' };
import servicesRegions from './catalog/aws-services-regions.json' with { type: 'json' };
import servicesEc2Shop from './catalog/aws-services-ec2shop.json' with { type: 'json' };
import azureVms from './catalog/azure-vms.json' with { type: 'json' };
import azureRetail from './catalog/azure-retail.json' with { type: 'json' };
import gcp from './catalog/gcp.json' with { type: 'json' };
import gcpCloudSql from './catalog/gcp-cloudsql.json' with { type: 'json' };
import { type Decimal, formatDecimal, parseDecimal } from './decimal.js';
import type { CatalogEntry, CatalogFile, CatalogSourceInfo } from './types.js';

/** Built-in catalog files, each naming its public source and as-of date. */
export const BUILTIN_CATALOGS: readonly CatalogFile[] = [
  ec2UsEast1,
  ec2Regions,
  servicesUsEast1,
  servicesRegions,
  servicesEc2Shop,
  azureVms,
  azureRetail,
  gcp,
  gcpCloudSql,
].map((file, index) =>
  parseCatalogFile(file, `built-in catalog #${index + 1}`),
);

export interface CatalogPrice {
  readonly price: Decimal;
  readonly unit: string;
  readonly source: CatalogSourceInfo;
}

/** Price index: service → region → key → price. Later files override earlier ones. */
export class PriceCatalog {
  private readonly prices = new Map<string, Map<string, Map<string, CatalogPrice>>>();

  constructor(files: readonly CatalogFile[]) {
    for (const file of files) this.addFile(file);
  }

  lookup(service: string, region: string, key: string): CatalogPrice | undefined {
    return this.prices.get(service)?.get(region)?.get(key);
  }

  /** True when the catalog has any price at all for the service in the region. */
  hasRegion(service: string, region: string): boolean {
    return (this.prices.get(service)?.get(region)?.size ?? 0) > 0;
  }

  /** Every entry, for coverage reports and tests. */
  *entries(): Generator<CatalogEntry & { readonly sourceId: string }> {
    for (const [service, regions] of this.prices) {
      for (const [region, keys] of regions) {
        for (const [key, hit] of keys) {
          yield { service, region, key, unit: hit.unit, price: formatDecimal(hit.price), sourceId: hit.source.id };
        }
      }
    }
  }

  private addFile(file: CatalogFile): void {
    for (const group of file.groups) {
      const source = group.source ?? file.source;
      const regions = this.regionsOf(group.service);
      for (const [region, keyed] of Object.entries(group.prices)) {
        let keys = regions.get(region);
        if (!keys) regions.set(region, (keys = new Map<string, CatalogPrice>()));
        for (const [key, price] of Object.entries(keyed)) {
          keys.set(key, { price: parseDecimal(price), unit: group.unit, source });
        }
      }
    }
  }

  private regionsOf(service: string): Map<string, Map<string, CatalogPrice>> {
    let regions = this.prices.get(service);
    if (!regions) this.prices.set(service, (regions = new Map<string, Map<string, CatalogPrice>>()));
    return regions;
  }
}

/** Wraps imported entries into a catalog file with its source, ready to be written as JSON. */
export function catalogFileFromEntries(entries: readonly CatalogEntry[], source: CatalogSourceInfo): CatalogFile {
  const groups = new Map<string, { service: string; unit: string; prices: Record<string, Record<string, string>> }>();
  for (const entry of entries) {
    const groupKey = `${entry.service}\u0000${entry.unit}`;
    let group = groups.get(groupKey);
    if (!group) groups.set(groupKey, (group = { service: entry.service, unit: entry.unit, prices: {} }));
    (group.prices[entry.region] ??= {})[entry.key] = entry.price;
  }
  return { source, groups: [...groups.values()] };
}

/** Checks the shape of a catalog file (built-in or user-supplied) and that every price is a decimal. */
export function parseCatalogFile(json: unknown, origin: string): CatalogFile {
  const file = objectAt(json, origin);
  const source = parseSource(file.source, `${origin}: source`);
  if (!Array.isArray(file.groups)) throw new Error(`${origin}: groups must be an array`);
  const groups = file.groups.map((rawGroup, index) => {
    const where = `${origin}: groups[${index}]`;
    const group = objectAt(rawGroup, where);
    if (typeof group.service !== 'string' || typeof group.unit !== 'string') {
      throw new Error(`${where}: service and unit must be strings`);
    }
    const prices: Record<string, Record<string, string>> = {};
    for (const [region, keyed] of Object.entries(objectAt(group.prices, `${where}.prices`))) {
      prices[region] = {};
      for (const [key, price] of Object.entries(objectAt(keyed, `${where}.prices.${region}`))) {
        if (typeof price !== 'string') throw new Error(`${where}.prices.${region}.${key}: price must be a decimal string`);
        parseDecimal(price);
        prices[region][key] = price;
      }
    }
    const groupSource = group.source === undefined ? undefined : parseSource(group.source, `${where}.source`);
    return { service: group.service, unit: group.unit, prices, ...(groupSource ? { source: groupSource } : {}) };
  });
  return { source, groups };
}

function parseSource(json: unknown, where: string): CatalogSourceInfo {
  const source = objectAt(json, where);
  for (const field of ['id', 'title', 'url', 'asOf'] as const) {
    if (typeof source[field] !== 'string' || source[field] === '') throw new Error(`${where}.${field} must be a non-empty string`);
  }
  return {
    id: source.id as string,
    title: source.title as string,
    url: source.url as string,
    asOf: source.asOf as string,
    ...(typeof source.note === 'string' ? { note: source.note } : {}),
  };
}

function objectAt(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where} must be an object`);
  return value as Record<string, unknown>;
}
