import { type Decimal, formatDecimal, multiply, parseDecimal } from './decimal.js';
import type { CatalogEntry } from './types.js';

/**
 * Import from AWS's public Price List bulk offer files (`offerCode`, `products` keyed by SKU
 * with `productFamily` and `attributes`; `terms.OnDemand[sku][offerTermCode].priceDimensions[rateCode]
 * .pricePerUnit.USD`). Each supported offer has one rule that names the catalog service and key
 * of the products tfguard prices; every other product is skipped.
 */
export interface OfferImportOptions {
  /** Only keep these regions. */
  readonly regions?: readonly string[];
}

/** What a product becomes in the catalog; `scale` converts the offer's unit into `unit`. */
interface CatalogTarget {
  readonly service: string;
  readonly key: string;
  readonly unit?: string;
  readonly scale?: Decimal;
}

type ProductRule = (attributes: Readonly<Record<string, string>>, productFamily: string) => CatalogTarget | undefined;

/** Price List location names → region codes, for offers whose products lack regionCode. */
const LOCATION_REGIONS: Readonly<Record<string, string>> = {
  'US East (N. Virginia)': 'us-east-1',
  'US East (Ohio)': 'us-east-2',
  'US West (N. California)': 'us-west-1',
  'US West (Oregon)': 'us-west-2',
  'Canada (Central)': 'ca-central-1',
  'EU (Ireland)': 'eu-west-1',
  'Europe (Ireland)': 'eu-west-1',
  'EU (London)': 'eu-west-2',
  'Europe (London)': 'eu-west-2',
  'EU (Paris)': 'eu-west-3',
  'EU (Frankfurt)': 'eu-central-1',
  'Europe (Frankfurt)': 'eu-central-1',
  'EU (Stockholm)': 'eu-north-1',
  'Asia Pacific (Singapore)': 'ap-southeast-1',
  'Asia Pacific (Sydney)': 'ap-southeast-2',
  'Asia Pacific (Tokyo)': 'ap-northeast-1',
  'Asia Pacific (Mumbai)': 'ap-south-1',
};

const TEN_THOUSAND = parseDecimal('10000');

/**
 * A usagetype without its region prefix ("EU-LoadBalancerUsage" → "LoadBalancerUsage"). us-east-1
 * rows usually carry no prefix; "TS-" (trust-store load balancers) is part of the name, not a region.
 */
function baseUsageType(attributes: Readonly<Record<string, string>>): string {
  return (attributes.usagetype ?? '').replace(/^(?!TS-)[A-Z]+\d*-/, '');
}

/** EC2: on-demand Linux shared-tenancy instances by type, EBS volume storage, NAT gateways. */
const ec2Product: ProductRule = (attributes, productFamily) => {
  if (productFamily === 'Compute Instance') {
    const linuxShared =
      attributes.operatingSystem === 'Linux' &&
      attributes.tenancy === 'Shared' &&
      attributes.preInstalledSw === 'NA' &&
      (attributes.capacitystatus ?? 'Used') === 'Used' &&
      (attributes.licenseModel ?? 'No License required') === 'No License required';
    return linuxShared && attributes.instanceType ? { service: 'ec2', key: attributes.instanceType } : undefined;
  }
  if (productFamily === 'Storage' && attributes.volumeApiName) return { service: 'ebs', key: `storage:${attributes.volumeApiName}` };
  if (productFamily === 'NAT Gateway') {
    const usage = baseUsageType(attributes);
    if (usage === 'NatGateway-Hours') return { service: 'nat', key: 'gateway' };
    if (usage === 'NatGateway-Bytes') return { service: 'nat', key: 'data-processed' };
  }
  return undefined;
};

/** Elastic Load Balancing: load balancer hours and capacity units per kind, classic data processed. */
const elbProduct: ProductRule = (attributes, productFamily) => {
  const usage = baseUsageType(attributes);
  const kind = { 'Load Balancer-Application': 'alb', 'Load Balancer-Network': 'nlb', 'Load Balancer': 'clb' }[productFamily];
  if (!kind) return undefined;
  if (usage === 'LoadBalancerUsage') return { service: 'elb', key: kind, unit: 'hour' };
  if (usage === 'LCUUsage' && kind !== 'clb') return { service: 'elb', key: `${kind}-lcu`, unit: 'LCU-hour' };
  if (usage === 'DataProcessing-Bytes' && kind === 'clb') return { service: 'elb', key: 'clb-data', unit: 'GB' };
  return undefined;
};

/** EKS: the standard-support cluster hour (extended support is another usagetype). */
const eksProduct: ProductRule = (attributes) =>
  baseUsageType(attributes) === 'AmazonEKS-Hours:perCluster' ? { service: 'eks', key: 'cluster', unit: 'hour' } : undefined;

/** Secrets Manager: secret-months, and API requests (per request in the offer, per 10,000 in the catalog). */
const secretsManagerProduct: ProductRule = (attributes) => {
  const usage = baseUsageType(attributes);
  if (usage === 'AWSSecretsManager-Secrets') return { service: 'secretsmanager', key: 'secret', unit: 'month' };
  if (usage === 'AWSSecretsManagerAPIRequest') {
    return { service: 'secretsmanager', key: 'api-requests', unit: '10k requests', scale: TEN_THOUSAND };
  }
  return undefined;
};

const RDS_ENGINES: Readonly<Record<string, string>> = { MySQL: 'mysql', PostgreSQL: 'postgres', MariaDB: 'mariadb' };
const RDS_DEPLOYMENTS: Readonly<Record<string, string>> = { 'Single-AZ': 'single', 'Multi-AZ': 'multi' };
const RDS_VOLUMES: Readonly<Record<string, string>> = {
  'General Purpose': 'gp2',
  'General Purpose-GP3': 'gp3',
  'Provisioned IOPS': 'io1',
};

/** RDS: open-source engine instance hours by class and deployment, storage by volume type and deployment. */
const rdsProduct: ProductRule = (attributes, productFamily) => {
  const deployment = RDS_DEPLOYMENTS[attributes.deploymentOption ?? ''];
  if (!deployment) return undefined;
  if (productFamily === 'Database Instance') {
    const engine = RDS_ENGINES[attributes.databaseEngine ?? ''];
    const licensed = (attributes.licenseModel ?? 'No license required').toLowerCase() !== 'no license required';
    if (!engine || licensed || !attributes.instanceType) return undefined;
    return { service: 'rds', key: `${engine}/${attributes.instanceType}/${deployment}` };
  }
  const volume = RDS_VOLUMES[attributes.volumeType ?? ''];
  if (productFamily === 'Database Storage' && volume) return { service: 'rds', key: `storage/${volume}/${deployment}` };
  return undefined;
};

/** ElastiCache: Redis OSS node hours (Memcached bills the same; Valkey less, so it is not imported). */
const elastiCacheProduct: ProductRule = (attributes, productFamily) =>
  productFamily === 'Cache Instance' && attributes.cacheEngine === 'Redis' && attributes.instanceType
    ? { service: 'elasticache', key: attributes.instanceType }
    : undefined;

const OFFER_RULES: Readonly<Record<string, ProductRule>> = {
  AmazonEC2: ec2Product,
  AWSELB: elbProduct,
  AmazonEKS: eksProduct,
  AWSSecretsManager: secretsManagerProduct,
  AmazonRDS: rdsProduct,
  AmazonElastiCache: elastiCacheProduct,
};

const SUPPORTED_OFFER_CODES: readonly string[] = Object.keys(OFFER_RULES);

export interface ImportedOffer {
  readonly offerCode: string;
  /** The offer's publicationDate (YYYY-MM-DD), when it has one. */
  readonly publicationDate?: string;
  readonly entries: CatalogEntry[];
}

export function importAwsOffer(offerJson: unknown, options: OfferImportOptions = {}): ImportedOffer {
  const offer = requireObject(offerJson, 'offer');
  const offerCode = typeof offer.offerCode === 'string' ? offer.offerCode : '';
  const rule = OFFER_RULES[offerCode];
  if (!rule) {
    throw new Error(`offerCode ${offerCode === '' ? '(missing)' : `"${offerCode}"`} is not one of ${SUPPORTED_OFFER_CODES.join(', ')}`);
  }
  const products = requireObject(offer.products, 'offer.products');
  const onDemand = requireObject(requireObject(offer.terms, 'offer.terms').OnDemand, 'offer.terms.OnDemand');
  const entries = new Map<string, CatalogEntry>();
  for (const [sku, rawProduct] of Object.entries(products)) {
    const product = requireObject(rawProduct, `offer.products.${sku}`);
    const attributes = stringAttributes(product.attributes);
    const target = rule(attributes, typeof product.productFamily === 'string' ? product.productFamily : '');
    const region = attributes.regionCode ?? LOCATION_REGIONS[attributes.location ?? ''];
    if (!target || !region || (options.regions && !options.regions.includes(region))) continue;
    const dimension = firstPriceDimension(onDemand[sku]);
    if (!dimension) continue;
    const price = target.scale ? multiply(dimension.price, target.scale) : dimension.price;
    const entry: CatalogEntry = {
      service: target.service,
      region,
      key: target.key,
      unit: target.unit ?? dimension.unit,
      price: formatDecimal(price),
    };
    entries.set(`${target.service}\u0000${region}\u0000${target.key}`, entry);
  }
  const publicationDate = typeof offer.publicationDate === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(offer.publicationDate)?.[0] : undefined;
  return {
    offerCode,
    ...(publicationDate ? { publicationDate } : {}),
    entries: [...entries.values()].sort(
      (left, right) =>
        left.service.localeCompare(right.service) || left.region.localeCompare(right.region) || left.key.localeCompare(right.key),
    ),
  };
}

/** The first-tier (beginRange "0") USD price of a SKU's on-demand term. */
function firstPriceDimension(terms: unknown): { unit: string; price: Decimal } | undefined {
  if (!isObject(terms)) return undefined;
  for (const term of Object.values(terms)) {
    if (!isObject(term) || !isObject(term.priceDimensions)) continue;
    for (const dimension of Object.values(term.priceDimensions)) {
      if (!isObject(dimension) || !isObject(dimension.pricePerUnit)) continue;
      const usd = dimension.pricePerUnit.USD;
      const begin = dimension.beginRange ?? '0';
      if (typeof usd !== 'string' || begin !== '0') continue;
      const unit = typeof dimension.unit === 'string' ? normalizeUnit(dimension.unit) : 'unit';
      return { unit, price: parseDecimal(usd) };
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
