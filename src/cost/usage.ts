import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { type Decimal, ZERO, toDecimal } from './decimal.js';
import type { UsageFile, UsageValues } from './types.js';

/**
 * `tfguard-usage.yml`:
 *
 *   version: 0.1
 *   resource_usage:               # by address; "aws_instance.web[*]" matches every instance
 *     aws_nat_gateway.main:
 *       monthly_data_processed_gb: 250
 *   resource_type_default_usage:  # by resource type
 *     aws_lambda_function:
 *       monthly_requests: 1000000
 */
export function loadUsageFile(path: string): UsageFile {
  return parseUsageFile(readFileSync(path, 'utf8'), path);
}

export function parseUsageFile(text: string, origin = 'usage file'): UsageFile {
  const document: unknown = parseYaml(text);
  if (document === null || document === undefined) return emptyUsage();
  if (!isRecord(document)) throw new Error(`${origin}: expected a mapping at the top level`);
  for (const key of Object.keys(document)) {
    if (!['version', 'resource_usage', 'resource_type_default_usage'].includes(key)) {
      throw new Error(`${origin}: unknown top-level key "${key}"`);
    }
  }
  return {
    resourceUsage: readSection(document.resource_usage, `${origin}: resource_usage`),
    resourceTypeDefaultUsage: readSection(document.resource_type_default_usage, `${origin}: resource_type_default_usage`),
  };
}

export function emptyUsage(): UsageFile {
  return { resourceUsage: {}, resourceTypeDefaultUsage: {} };
}

function readSection(section: unknown, where: string): Record<string, UsageValues> {
  if (section === undefined || section === null) return {};
  if (!isRecord(section)) throw new Error(`${where}: expected a mapping`);
  const result: Record<string, UsageValues> = {};
  for (const [name, values] of Object.entries(section)) {
    if (!isRecord(values)) throw new Error(`${where}.${name}: expected a mapping of usage values`);
    const entry: Record<string, number | string> = {};
    for (const [key, value] of Object.entries(values)) {
      entry[key] = readQuantity(value, `${where}.${name}.${key}`);
    }
    result[name] = entry;
  }
  return result;
}

function readQuantity(value: unknown, where: string): number | string {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) return value.trim();
  throw new Error(`${where}: expected a non-negative number, got ${JSON.stringify(value)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Usage values that apply to one resource instance, most specific first. */
export class ResourceUsage {
  private readonly layers: readonly UsageValues[];

  constructor(usage: UsageFile, address: string, type: string) {
    const withoutIndex = address.replace(/\[[^\]]*\]$/, '');
    const candidates = [address, `${withoutIndex}[*]`, withoutIndex];
    const byAddress = candidates.map((candidate) => usage.resourceUsage[candidate]).filter(isDefined);
    const byType = usage.resourceTypeDefaultUsage[type];
    this.layers = byType ? [...byAddress, byType] : byAddress;
  }

  /** The quantity for `key`, or undefined when the usage file does not give it. */
  get(key: string): Decimal | undefined {
    for (const layer of this.layers) {
      const value = layer[key];
      if (value !== undefined) return toDecimal(value);
    }
    return undefined;
  }

  getOrZero(key: string): Decimal {
    return this.get(key) ?? ZERO;
  }
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
