import { formatDecimal, parseDecimal } from './decimal.js';
import type { CatalogEntry } from './types.js';

/**
 * Import from AWS's public Price List bulk offer file (`products` keyed by SKU with
 * `attributes`; `terms.OnDemand[sku][offerTermCode].priceDimensions[rateCode].pricePerUnit.USD`).
 */
export interface OfferImportOptions {
  /** Catalog service the entries belong to ("ec2", "rds", ...). */
  readonly service: string;
  /**
   * Catalog key for a product, or undefined to skip it. Defaults to the EC2 rule
   * (Linux, shared tenancy, no pre-installed software, used capacity → instance type).
   */
  readonly keyOf?: (attributes: Readonly<Record<string, string>>, productFamily: string) => string | undefined;
  /** Only keep these regions. */
  readonly regions?: readonly string[];
}

/** Price List location names → region codes, for offers whose products lack regionCode. */
const LOCATION_REGIONS: Readonly<Record<string, string>> = {
  'US East (N. Virginia)': 'us-east-1',
  'US East (Ohio)': 'us-east-2',
  'US West (N. California)': 'us-west-1',
  'US West (Oregon)': 'us-west-2',
  'EU (Ireland)': 'eu-west-1',
  'Europe (Ireland)': 'eu-west-1',
  'EU (London)': 'eu-west-2',
  'Europe (London)': 'eu-west-2',
  'EU (Frankfurt)': 'eu-central-1',
  'Europe (Frankfurt)': 'eu-central-1',
  'Asia Pacific (Singapore)': 'ap-southeast-1',
};

/** The EC2 rule: on-demand Linux, shared tenancy, no pre-installed software, keyed by instance type. */
export function ec2OfferKey(attributes: Readonly<Record<string, string>>, productFamily: string): string | undefined {
  const matches =
    productFamily === 'Compute Instance' &&
    attributes.operatingSystem === 'Linux' &&
    attributes.tenancy === 'Shared' &&
    attributes.preInstalledSw === 'NA' &&
    (attributes.capacitystatus ?? 'Used') === 'Used' &&
    (attributes.licenseModel ?? 'No License required') === 'No License required';
  return matches ? attributes.instanceType : undefined;
}

export function importAwsOffer(offerJson: unknown, options: OfferImportOptions): CatalogEntry[] {
  const offer = requireObject(offerJson, 'offer');
  const products = requireObject(offer.products, 'offer.products');
  const onDemand = requireObject(requireObject(offer.terms, 'offer.terms').OnDemand, 'offer.terms.OnDemand');
  const keyOf = options.keyOf ?? ec2OfferKey;
  const entries = new Map<string, CatalogEntry>();
  for (const [sku, rawProduct] of Object.entries(products)) {
    const product = requireObject(rawProduct, `offer.products.${sku}`);
    const attributes = stringAttributes(product.attributes);
    const key = keyOf(attributes, typeof product.productFamily === 'string' ? product.productFamily : '');
    const region = attributes.regionCode ?? LOCATION_REGIONS[attributes.location ?? ''];
    if (!key || !region || (options.regions && !options.regions.includes(region))) continue;
    const dimension = firstPriceDimension(onDemand[sku]);
    if (!dimension) continue;
    const entry: CatalogEntry = { service: options.service, region, key, unit: dimension.unit, price: dimension.price };
    entries.set(`${region}\u0000${key}`, entry);
  }
  return [...entries.values()].sort((left, right) =>
    left.region === right.region ? left.key.localeCompare(right.key) : left.region.localeCompare(right.region),
  );
}

/** The first-tier (beginRange "0") USD price of a SKU's on-demand term. */
function firstPriceDimension(terms: unknown): { unit: string; price: string } | undefined {
  if (!isObject(terms)) return undefined;
  for (const term of Object.values(terms)) {
    if (!isObject(term) || !isObject(term.priceDimensions)) continue;
    for (const dimension of Object.values(term.priceDimensions)) {
      if (!isObject(dimension) || !isObject(dimension.pricePerUnit)) continue;
      const usd = dimension.pricePerUnit.USD;
      const begin = dimension.beginRange ?? '0';
      if (typeof usd !== 'string' || begin !== '0') continue;
      const unit = typeof dimension.unit === 'string' ? normalizeUnit(dimension.unit) : 'unit';
      return { unit, price: formatDecimal(parseDecimal(usd)) };
    }
  }
  return undefined;
}

/** Price List writes "Hrs" and "GB-Mo"; the catalog speaks "hour" and "GB-month". */
function normalizeUnit(unit: string): string {
  const known: Record<string, string> = { Hrs: 'hour', 'GB-Mo': 'GB-month', 'IOPS-Mo': 'IOPS-month', GB: 'GB' };
  return known[unit] ?? unit;
}

function stringAttributes(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isObject(value)) return result;
  for (const [name, attribute] of Object.entries(value)) if (typeof attribute === 'string') result[name] = attribute;
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireObject(value: unknown, where: string): Record<string, unknown> {
  if (!isObject(value)) throw new Error(`invalid AWS offer file: ${where} must be an object`);
  return value;
}
