import type { PriceCatalog, CatalogPrice } from './catalog.js';
import { type Decimal, ZERO, decimalFromNumber, multiply, parseDecimal } from './decimal.js';
import type { NotPricedReason } from './types.js';
import { HOURS_PER_MONTH } from './types.js';
import type { ResourceUsage } from './usage.js';

export const HOURS: Decimal = parseDecimal(HOURS_PER_MONTH);
export const ONE: Decimal = parseDecimal('1');

/** Thrown by pricing functions when a resource cannot be priced honestly. */
export class NotPricedError extends Error {
  constructor(readonly reason: NotPricedReason) {
    super(reason);
  }
}

/** One side (before or after) of a planned resource, with after_unknown awareness. */
export class Attributes {
  constructor(
    private readonly values: Readonly<Record<string, unknown>>,
    private readonly unknown: unknown,
  ) {}

  /** The value at `path` ("cluster_config.0.instance_type"); throws if it is unknown at plan time. */
  get(path: string): unknown {
    const segments = path.split('.');
    if (isUnknownAt(this.unknown, segments)) throw new NotPricedError(`unknown attribute at plan time: ${path}`);
    return valueAt(this.values, segments);
  }

  isUnknown(path: string): boolean {
    return isUnknownAt(this.unknown, path.split('.'));
  }

  string(path: string): string {
    const value = this.get(path);
    if (typeof value !== 'string' || value === '') throw new NotPricedError(`invalid attribute: ${path}`);
    return value;
  }

  optionalString(path: string): string | undefined {
    const value = this.get(path);
    if (value === null || value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw new NotPricedError(`invalid attribute: ${path}`);
    return value;
  }

  /** A non-negative number, or `fallback` when absent (null). */
  number(path: string, fallback?: number): Decimal {
    const value = this.get(path);
    if (value === null || value === undefined) {
      if (fallback === undefined) throw new NotPricedError(`invalid attribute: ${path}`);
      return decimalFromNumber(fallback);
    }
    if (typeof value !== 'number' || value < 0) throw new NotPricedError(`invalid attribute: ${path}`);
    return decimalFromNumber(value);
  }

  boolean(path: string, fallback: boolean): boolean {
    const value = this.get(path);
    if (value === null || value === undefined) return fallback;
    if (typeof value !== 'boolean') throw new NotPricedError(`invalid attribute: ${path}`);
    return value;
  }

  /** Number of elements of a nested block list (0 when absent). */
  count(path: string): number {
    const value = this.get(path);
    return Array.isArray(value) ? value.length : 0;
  }
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let current: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (typeof current === 'object' && current !== null) current = (current as Record<string, unknown>)[segment];
    else return undefined;
  }
  return current;
}

/** after_unknown mirrors the value shape with `true` where a value is only known after apply. */
function isUnknownAt(unknown: unknown, segments: readonly string[]): boolean {
  let current: unknown = unknown;
  for (const segment of segments) {
    if (current === true) return true;
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (typeof current === 'object' && current !== null) current = (current as Record<string, unknown>)[segment];
    else return false;
  }
  return current === true;
}

export interface ComponentDraft {
  readonly name: string;
  readonly quantity: Decimal;
  readonly price: CatalogPrice;
  readonly usageBased: boolean;
}

/** What a pricing function sees: one side of one resource instance in a known region. */
export class PricingInput {
  constructor(
    readonly attributes: Attributes,
    readonly region: string,
    readonly usage: ResourceUsage,
    private readonly catalog: PriceCatalog,
  ) {}

  /** The same resource priced against another region's catalog rows (for services billed globally). */
  inRegion(region: string): PricingInput {
    return new PricingInput(this.attributes, region, this.usage, this.catalog);
  }

  /** A catalog price that must exist; a missing one makes the resource not priced. */
  price(service: string, key: string): CatalogPrice {
    const hit = this.catalog.lookup(service, this.region, key);
    if (hit) return hit;
    if (!this.catalog.hasRegion(service, this.region)) {
      throw new NotPricedError(`region missing from catalog: ${this.region} (${service})`);
    }
    throw new NotPricedError(`no catalog price: ${service} ${key} in ${this.region}`);
  }

  /** A fixed component: quantity known from the plan. */
  fixed(name: string, quantity: Decimal, service: string, key: string): ComponentDraft {
    return { name, quantity, price: this.price(service, key), usageBased: false };
  }

  /** An hourly component running all month (730 hours) `count` times. */
  hourly(name: string, service: string, key: string, count: Decimal = ONE): ComponentDraft {
    return this.fixed(name, multiply(HOURS, count), service, key);
  }

  /**
   * A usage-based component: quantity from the usage file, zero when not given — never guessed.
   * Without usage, a missing catalog price simply leaves the line out; with usage it is an error.
   */
  usageBased(name: string, usageKey: string, service: string, key: string, scale: Decimal = ONE): ComponentDraft[] {
    const given = this.usage.get(usageKey);
    return this.usageQuantity(name, given === undefined ? undefined : multiply(given, scale), service, key);
  }

  /** Like usageBased, for a quantity derived from several usage values (undefined when not given). */
  usageQuantity(name: string, quantity: Decimal | undefined, service: string, key: string): ComponentDraft[] {
    if (quantity === undefined && !this.catalog.lookup(service, this.region, key)) return [];
    return [{ name, quantity: quantity ?? ZERO, price: this.price(service, key), usageBased: true }];
  }
}

export type PricingFunction = (input: PricingInput) => readonly ComponentDraft[];
