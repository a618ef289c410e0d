import { decimalFromNumber, divideRounded, formatDecimal, multiply, parseDecimal } from '../decimal.js';
import { type ComponentDraft, HOURS, NotPricedError, type PricingInput } from '../pricing.js';

const CUSTOM_TIER = /^db-custom-(\d+)-(\d+)$/;
const MB_PER_GB = parseDecimal('1024');

/**
 * google_sql_database_instance (Enterprise edition): a custom tier bills vCPUs and memory
 * by the hour, a shared-core tier its own hourly price; storage per GB-month. Zonal and
 * regional (high-availability) prices are separate catalog keys, never a multiplier.
 * SQL Server licences and Enterprise Plus are not in the catalog.
 */
export function priceGoogleSqlDatabaseInstance(input: PricingInput): readonly ComponentDraft[] {
  const { attributes } = input;
  const version = attributes.string('database_version');
  if (version.startsWith('SQLSERVER')) throw new NotPricedError('no catalog price: cloudsql SQL Server licence');
  const edition = attributes.optionalString('settings.0.edition') ?? 'ENTERPRISE';
  if (edition !== 'ENTERPRISE') throw new NotPricedError(`no catalog price: cloudsql edition ${edition}`);
  const tier = attributes.string('settings.0.tier');
  const availability = (attributes.optionalString('settings.0.availability_type') ?? 'ZONAL') === 'REGIONAL' ? 'regional' : 'zonal';
  const components = [...tierComponents(input, tier, availability)];
  const diskType = attributes.optionalString('settings.0.disk_type') ?? 'PD_SSD';
  const storageKey = diskType === 'PD_SSD' ? 'ssd' : diskType === 'PD_HDD' ? 'hdd' : diskType;
  components.push(
    input.fixed(`Storage (${diskType}, ${availability})`, attributes.number('settings.0.disk_size', 10), 'cloudsql', `storage/${storageKey}/${availability}`),
  );
  return components;
}

function tierComponents(input: PricingInput, tier: string, availability: string): ComponentDraft[] {
  const custom = CUSTOM_TIER.exec(tier);
  if (!custom) return [input.hourly(`Instance (${tier}, ${availability})`, 'cloudsql', `${tier}/${availability}`)];
  const vcpus = decimalFromNumber(Number(custom[1]));
  // MB / 1024 has at most ten decimal places, so this division is exact.
  const memoryGb = divideRounded(decimalFromNumber(Number(custom[2])), MB_PER_GB, 10);
  return [
    input.fixed(`vCPUs (${custom[1]}, ${availability})`, multiply(vcpus, HOURS), 'cloudsql', `vcpu/${availability}`),
    input.fixed(`Memory (${formatDecimal(memoryGb)} GB, ${availability})`, multiply(memoryGb, HOURS), 'cloudsql', `memory/${availability}`),
  ];
}
