import { type Decimal, ZERO, compareDecimal, maxDecimal, parseDecimal, subtract } from '../decimal.js';
import { type ComponentDraft, type PricingInput } from '../pricing.js';

const GP3_LARGE_VOLUME_GB = parseDecimal('400');
const GP3_BASELINE_SMALL = parseDecimal('3000');
const GP3_BASELINE_LARGE = parseDecimal('12000');

/**
 * aws_db_instance: instance hours by engine, class and deployment (Multi-AZ is its own
 * catalog price, not a multiplier), storage by type and deployment, provisioned IOPS.
 */
export function priceDbInstance(input: PricingInput): readonly ComponentDraft[] {
  const { attributes } = input;
  const engine = attributes.string('engine');
  const instanceClass = attributes.string('instance_class');
  const deployment = attributes.boolean('multi_az', false) ? 'multi' : 'single';
  const label = deployment === 'multi' ? 'Multi-AZ' : 'Single-AZ';
  const components: ComponentDraft[] = [
    input.hourly(`Database instance (${engine}, ${label}, ${instanceClass})`, 'rds', `${engine}/${instanceClass}/${deployment}`),
  ];
  if (engine.startsWith('aurora')) return components; // Aurora storage is billed on the cluster.
  const storageType = attributes.optionalString('storage_type') ?? 'gp2';
  const allocated = attributes.number('allocated_storage');
  components.push(input.fixed(`Storage (${storageType}, ${label})`, allocated, 'rds', `storage/${storageType}/${deployment}`));
  components.push(...iopsComponents(input, storageType, deployment, allocated));
  components.push(
    ...input.usageBased('Additional backup storage', 'additional_backup_storage_gb', 'rds', 'backup'),
  );
  return components;
}

function iopsComponents(input: PricingInput, storageType: string, deployment: string, allocated: Decimal): ComponentDraft[] {
  const { attributes } = input;
  if (storageType === 'io1' || storageType === 'io2') {
    const iops = attributes.number('iops');
    return [input.fixed('Provisioned IOPS', iops, 'rds', `iops/${storageType}/${deployment}`)];
  }
  if (storageType !== 'gp3' || attributes.isUnknown('iops')) return [];
  // gp3 includes a baseline that depends on volume size; only IOPS above it are billed.
  const baseline = compareDecimal(allocated, GP3_LARGE_VOLUME_GB) >= 0 ? GP3_BASELINE_LARGE : GP3_BASELINE_SMALL;
  const extra = maxDecimal(ZERO, subtract(attributes.number('iops', 0), baseline));
  if (extra.units === 0n) return [];
  return [input.fixed('Provisioned gp3 IOPS above baseline', extra, 'rds', `iops/gp3/${deployment}`)];
}
