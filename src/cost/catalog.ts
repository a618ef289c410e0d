import ec2UsEast1 from './catalog/aws-ec2-us-east-1.json' with { type: 'json' };
import ec2Regions from './catalog/aws-ec2-regions.json' with { type: 'json' };
import servicesUsEast1 from './catalog/aws-services-us-east-1.json' with { type: 'json' };
import { type Decimal, formatDecimal, parseDecimal } from './decimal.js';
import type { CatalogEntry, CatalogFile, CatalogSourceInfo } from './types.js';

/** Built-in catalog files, each naming its public source and as-of date. */
export const BUILTIN_CATALOGS: readonly CatalogFile[] = [
  ec2UsEast1 as CatalogFile,
  ec2Regions as CatalogFile,
  servicesUsEast1 as CatalogFile,
];

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
        if (!keys) regions.set(region, (keys = new Map()));
        for (const [key, price] of Object.entries(keyed)) {
          keys.set(key, { price: parseDecimal(price), unit: group.unit, source });
        }
      }
    }
  }

  private regionsOf(service: string): Map<string, Map<string, CatalogPrice>> {
    let regions = this.prices.get(service);
    if (!regions) this.prices.set(service, (regions = new Map()));
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
