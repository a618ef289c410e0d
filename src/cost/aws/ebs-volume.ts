import { type Decimal, ZERO, compareDecimal, maxDecimal, parseDecimal, subtract } from '../decimal.js';
import { type ComponentDraft, NotPricedError, type PricingInput } from '../pricing.js';

const GP3_FREE_IOPS = parseDecimal('3000');
const GP3_FREE_THROUGHPUT = parseDecimal('125');
/** Only io2's first IOPS tier (up to 32,000) is in the catalog. */
const IO2_TIER1_LIMIT = parseDecimal('32000');

/** aws_ebs_volume: provisioned storage, plus IOPS/throughput where the type bills them. */
export function priceEbsVolume(input: PricingInput): readonly ComponentDraft[] {
  const { attributes } = input;
  const volumeType = attributes.optionalString('type') ?? 'gp2';
  const size = attributes.number('size');
  return volumeComponents(input, 'Storage', volumeType, size, (name) => volumeSetting(input, volumeType, name));
}

/**
 * Components for one volume. `setting` reads iops/throughput (0 when absent) so the
 * same rules serve aws_ebs_volume and the block devices of aws_instance.
 */
export function volumeComponents(
  input: PricingInput,
  label: string,
  volumeType: string,
  size: Decimal,
  setting: (name: 'iops' | 'throughput') => Decimal,
): ComponentDraft[] {
  const components = [input.fixed(`${label} (${volumeType})`, size, 'ebs', `storage:${volumeType}`)];
  if (volumeType === 'gp3') {
    const extraIops = maxDecimal(ZERO, subtract(setting('iops'), GP3_FREE_IOPS));
    const extraThroughput = maxDecimal(ZERO, subtract(setting('throughput'), GP3_FREE_THROUGHPUT));
    if (extraIops.units > 0n) components.push(input.fixed(`${label} provisioned IOPS above 3,000`, extraIops, 'ebs', 'iops:gp3'));
    if (extraThroughput.units > 0n) {
      components.push(input.fixed(`${label} provisioned throughput above 125 MB/s`, extraThroughput, 'ebs', 'throughput:gp3'));
    }
  } else if (volumeType === 'io1') {
    components.push(input.fixed(`${label} provisioned IOPS`, setting('iops'), 'ebs', 'iops:io1'));
  } else if (volumeType === 'io2') {
    const iops = setting('iops');
    if (compareDecimal(iops, IO2_TIER1_LIMIT) > 0) throw new NotPricedError('no catalog price: ebs io2 IOPS above 32,000');
    components.push(input.fixed(`${label} provisioned IOPS`, iops, 'ebs', 'iops:io2-tier1'));
  } else if (volumeType === 'standard') {
    components.push(
      ...input.usageBased(`${label} I/O requests`, 'monthly_standard_io_requests', 'ebs', 'requests:standard', parseDecimal('0.000001')),
    );
  }
  return components;
}

/**
 * Block devices of an instance. A device whose size or type is only known after apply
 * (the AMI decides) is left out rather than guessed.
 */
export function blockDeviceComponents(input: PricingInput, block: string, label: string): ComponentDraft[] {
  const { attributes } = input;
  if (attributes.isUnknown(block)) return [];
  const components: ComponentDraft[] = [];
  for (let index = 0; index < attributes.count(block); index += 1) {
    const path = `${block}.${index}`;
    if (attributes.isUnknown(`${path}.volume_size`) || attributes.isUnknown(`${path}.volume_type`)) continue;
    const sizeValue = attributes.get(`${path}.volume_size`);
    const typeValue = attributes.get(`${path}.volume_type`);
    if (typeof sizeValue !== 'number' || typeof typeValue !== 'string' || typeValue === '') continue;
    components.push(
      ...volumeComponents(input, label, typeValue, parseDecimal(String(sizeValue)), (name) =>
        volumeSetting(input, typeValue, `${path}.${name}`),
      ),
    );
  }
  return components;
}

/**
 * gp3 IOPS/throughput left to the provider are computed (unknown in the plan) and default
 * to the free 3,000 IOPS / 125 MB/s baseline, so they add nothing; io1/io2 IOPS must be known.
 */
function volumeSetting(input: PricingInput, volumeType: string, path: string): Decimal {
  if (volumeType === 'gp3' && input.attributes.isUnknown(path)) return ZERO;
  return input.attributes.number(path, 0);
}
