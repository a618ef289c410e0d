/**
 * Public types of the cost estimator. Every amount is a decimal string (exact, never a
 * float) so an estimate survives JSON.stringify/parse unchanged.
 */
export type DecimalString = string;

export const HOURS_PER_MONTH = '730';

export interface CostComponent {
  /** e.g. "Instance usage (Linux, on-demand, m5.large)". */
  readonly name: string;
  /** Billing unit of `unitPrice`: "hour", "GB-month", "1M requests", ... */
  readonly unit: string;
  /** Monthly quantity in `unit`. */
  readonly quantity: DecimalString;
  readonly unitPrice: DecimalString;
  readonly monthly: DecimalString;
  /** True when the quantity comes from the usage file (zero when none was given). */
  readonly usageBased: boolean;
  /** Catalog source id the unit price came from. */
  readonly priceSource: string;
}

export type PlanAction = 'create' | 'delete' | 'update' | 'replace' | 'no-op';

export interface ResourceCost {
  readonly address: string;
  readonly type: string;
  readonly action: PlanAction;
  readonly region: string;
  /** Monthly cost before the change ("0" when the resource is created). */
  readonly before: DecimalString;
  /** Monthly cost after the change ("0" when the resource is destroyed). */
  readonly after: DecimalString;
  readonly delta: DecimalString;
  /** Components of the side that exists after the change (before-side for a delete). */
  readonly components: readonly CostComponent[];
  /** Components before the change, present when the resource existed before. */
  readonly beforeComponents?: readonly CostComponent[];
  /** True when any component is usage-based (its amount depends on the usage file). */
  readonly usageBased: boolean;
}

export type NotPricedReason =
  | 'unsupported type'
  | `unknown attribute at plan time: ${string}`
  | `region missing from catalog: ${string}`
  | `no catalog price: ${string}`
  | `region not determinable: ${string}`
  | `invalid attribute: ${string}`;

export interface NotPriced {
  readonly address: string;
  readonly type: string;
  readonly reason: NotPricedReason;
}

export interface CostTotals {
  readonly before: DecimalString;
  readonly after: DecimalString;
  readonly delta: DecimalString;
  /** Delta relative to before, in percent rounded to 2 places; null when before is zero. */
  readonly percent: DecimalString | null;
}

export interface CatalogSourceInfo {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly asOf: string;
  readonly note?: string;
}

export interface CostEstimate {
  readonly currency: 'USD';
  /** Oldest as-of date among the catalog sources that priced something in this estimate. */
  readonly asOf: string | null;
  readonly resources: readonly ResourceCost[];
  readonly totals: CostTotals;
  readonly notPriced: readonly NotPriced[];
  /** Catalog sources used for the prices in this estimate. */
  readonly sources: readonly CatalogSourceInfo[];
}

/** One usage entry: attribute name → quantity (numbers or decimal strings). */
export type UsageValues = Readonly<Record<string, number | string>>;

/** Parsed `tfguard-usage.yml`: usage by resource address and by resource type. */
export interface UsageFile {
  readonly resourceUsage: Readonly<Record<string, UsageValues>>;
  readonly resourceTypeDefaultUsage: Readonly<Record<string, UsageValues>>;
}

/** A flat catalog price, as produced by `importAwsOffer` and stored in catalog groups. */
export interface CatalogEntry {
  readonly service: string;
  readonly region: string;
  readonly key: string;
  readonly unit: string;
  readonly price: DecimalString;
}

export interface CatalogGroup {
  readonly service: string;
  readonly unit: string;
  /** Overrides the file source for this group. */
  readonly source?: Omit<CatalogSourceInfo, 'id'> & { readonly id: string };
  /** region → key → price. */
  readonly prices: Readonly<Record<string, Readonly<Record<string, DecimalString>>>>;
}

export interface CatalogFile {
  readonly source: CatalogSourceInfo;
  readonly groups: readonly CatalogGroup[];
}

export interface EstimateOptions {
  readonly usage?: UsageFile;
  /** Extra catalog files (e.g. written by `tfguard pricing import`); they win over built-in prices. */
  readonly catalogs?: readonly CatalogFile[];
}
