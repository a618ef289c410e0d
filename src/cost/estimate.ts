import { AWS_FREE_TYPES, AWS_PRICING, FREE_PROVIDERS } from './aws/index.js';
import { AZURE_PRICING } from './azure/index.js';
import { BUILTIN_CATALOGS, PriceCatalog } from './catalog.js';
import {
  type Decimal,
  ZERO,
  divideRounded,
  formatDecimal,
  isZero,
  multiply,
  parseDecimal,
  subtract,
  sum,
} from './decimal.js';
import { GOOGLE_PRICING } from './google/index.js';
import { plannedResources, type PlannedResource, providerShortName, resolveRegion } from './plan.js';
import { Attributes, type ComponentDraft, NotPricedError, PricingInput, type PricingFunction } from './pricing.js';
import type {
  CatalogSourceInfo,
  CostComponent,
  CostEstimate,
  EstimateOptions,
  NotPriced,
  NotPricedReason,
  ResourceCost,
} from './types.js';
import { ResourceUsage, emptyUsage } from './usage.js';

const HUNDRED = parseDecimal('100');

/** Resource types carry their provider's prefix, so one map serves every provider. */
const PRICING: Readonly<Record<string, PricingFunction>> = { ...AWS_PRICING, ...AZURE_PRICING, ...GOOGLE_PRICING };

interface PricedSide {
  readonly monthly: Decimal;
  readonly components: readonly CostComponent[];
  readonly sources: readonly CatalogSourceInfo[];
}

/**
 * Monthly cost of a Terraform plan before and after the change. Each resource instance
 * (count/for_each included) is its own resource_change; a resource that cannot be priced
 * on either side is reported in `notPriced` and left out of every total.
 */
export function estimateCost(plan: Record<string, unknown>, options: EstimateOptions = {}): CostEstimate {
  const catalog = new PriceCatalog([...BUILTIN_CATALOGS, ...(options.catalogs ?? [])]);
  const usage = options.usage ?? emptyUsage();
  const resources: ResourceCost[] = [];
  const notPriced: NotPriced[] = [];
  const sources = new Map<string, CatalogSourceInfo>();

  for (const resource of plannedResources(plan)) {
    const pricing = PRICING[resource.type];
    if (!pricing) {
      if (!isFree(resource)) notPriced.push({ address: resource.address, type: resource.type, reason: 'unsupported type' });
      continue;
    }
    try {
      const usageForResource = new ResourceUsage(usage, resource.address, resource.type);
      const priceSide = (values: Readonly<Record<string, unknown>>, unknown: unknown): PricedSide & { region: string } => {
        const region = regionOrThrow(plan, resource, values, unknown);
        const input = new PricingInput(new Attributes(values, unknown), region, usageForResource, catalog);
        return { ...finishComponents(pricing(input)), region };
      };
      const before = resource.before ? priceSide(resource.before, {}) : undefined;
      const after = resource.after ? priceSide(resource.after, resource.afterUnknown) : undefined;
      for (const side of [before, after]) for (const source of side?.sources ?? []) sources.set(source.id, source);
      resources.push(resourceCost(resource, before, after));
    } catch (error) {
      if (!(error instanceof NotPricedError)) throw error;
      notPriced.push({ address: resource.address, type: resource.type, reason: error.reason });
    }
  }
  return {
    currency: 'USD',
    asOf: oldestDate([...sources.values()]),
    resources,
    totals: totals(resources),
    notPriced,
    sources: [...sources.values()],
  };
}

function isFree(resource: PlannedResource): boolean {
  const provider = providerShortName(resource.providerName);
  return FREE_PROVIDERS.has(provider) || AWS_FREE_TYPES.has(resource.type);
}

function regionOrThrow(
  plan: Record<string, unknown>,
  resource: PlannedResource,
  values: Readonly<Record<string, unknown>>,
  unknown: unknown,
): string {
  const result = resolveRegion(plan, resource, values, unknown);
  if ('region' in result) return result.region;
  throw new NotPricedError(`region not determinable: ${result.problem}` as NotPricedReason);
}

function finishComponents(drafts: readonly ComponentDraft[]): PricedSide {
  const components = drafts.map(
    (draft): CostComponent => ({
      name: draft.name,
      unit: draft.price.unit,
      quantity: formatDecimal(draft.quantity),
      unitPrice: formatDecimal(draft.price.price),
      monthly: formatDecimal(multiply(draft.quantity, draft.price.price)),
      usageBased: draft.usageBased,
      priceSource: draft.price.source.id,
    }),
  );
  return {
    monthly: sum(drafts.map((draft) => multiply(draft.quantity, draft.price.price))),
    components,
    sources: drafts.map((draft) => draft.price.source),
  };
}

function resourceCost(
  resource: PlannedResource,
  before: (PricedSide & { region: string }) | undefined,
  after: (PricedSide & { region: string }) | undefined,
): ResourceCost {
  const beforeMonthly = before?.monthly ?? ZERO;
  const afterMonthly = after?.monthly ?? ZERO;
  const shown = after ?? before;
  const components = shown?.components ?? [];
  return {
    address: resource.address,
    type: resource.type,
    action: resource.action,
    region: (after ?? before)?.region ?? '',
    before: money(beforeMonthly),
    after: money(afterMonthly),
    delta: money(subtract(afterMonthly, beforeMonthly)),
    components,
    ...(before && after ? { beforeComponents: before.components } : {}),
    usageBased: [...components, ...(before?.components ?? [])].some((component) => component.usageBased),
  };
}

function totals(resources: readonly ResourceCost[]): CostEstimate['totals'] {
  const before = sum(resources.map((resource) => parseDecimal(resource.before)));
  const after = sum(resources.map((resource) => parseDecimal(resource.after)));
  const delta = subtract(after, before);
  return {
    before: money(before),
    after: money(after),
    delta: money(delta),
    percent: isZero(before) ? null : formatDecimal(divideRounded(multiply(delta, HUNDRED), before, 2), 2),
  };
}

/** Exact amount, written with at least cents. */
function money(value: Decimal): string {
  return formatDecimal(value, 2);
}

function oldestDate(sources: readonly CatalogSourceInfo[]): string | null {
  const dates = sources.map((source) => source.asOf).filter((date) => /^\d{4}-\d{2}(-\d{2})?$/.test(date));
  return dates.length === 0 ? null : dates.sort()[0];
}
