import { type ComponentDraft, NotPricedError, type PricingInput } from '../pricing.js';

/**
 * Disk types billed by provisioned GB alone. pd-extreme and hyperdisks also bill provisioned
 * IOPS/throughput, which the catalog does not hold, so they are not priced.
 */
const GB_PRICED_DISK_TYPES = new Set(['pd-standard', 'pd-balanced', 'pd-ssd']);

/** google_compute_disk: provisioned GB-months of its `type` (pd-standard when unset). */
export function priceGoogleComputeDisk(input: PricingInput): readonly ComponentDraft[] {
  return [diskComponent(input, 'Persistent disk', '')];
}

/** google_compute_region_disk: a disk replicated in two zones, priced at the regional rate. */
export function priceGoogleComputeRegionDisk(input: PricingInput): readonly ComponentDraft[] {
  return [diskComponent(input, 'Regional persistent disk', 'regional:')];
}

function diskComponent(input: PricingInput, label: string, keyPrefix: string): ComponentDraft {
  const { attributes } = input;
  const diskType = attributes.optionalString('type') ?? 'pd-standard';
  if (!GB_PRICED_DISK_TYPES.has(diskType)) throw new NotPricedError(`no catalog price: gce-disk ${keyPrefix}${diskType}`);
  return input.fixed(`${label} (${diskType})`, attributes.number('size'), 'gce-disk', `${keyPrefix}${diskType}`);
}

/**
 * The boot disk an instance creates. When the plan leaves its size or type to the image
 * (unknown until apply), it is left out rather than guessed; a known type the catalog cannot
 * price (pd-extreme, hyperdisks) makes the instance not priced rather than under-counted.
 */
export function bootDiskComponents(input: PricingInput): ComponentDraft[] {
  const { attributes } = input;
  const params = 'boot_disk.0.initialize_params.0';
  const unknownUntilApply = [
    'boot_disk',
    `${params}.size`,
    `${params}.type`,
  ].some((path) => attributes.isUnknown(path));
  if (unknownUntilApply || attributes.count('boot_disk') === 0) return [];
  const size = attributes.get(`${params}.size`);
  const diskType = attributes.get(`${params}.type`);
  if (typeof size !== 'number' || size <= 0 || typeof diskType !== 'string') return [];
  if (!GB_PRICED_DISK_TYPES.has(diskType)) throw new NotPricedError(`no catalog price: gce-disk ${diskType}`);
  return [input.fixed(`Boot disk (${diskType})`, attributes.number(`${params}.size`), 'gce-disk', diskType)];
}
