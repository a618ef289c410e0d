import { type ComponentDraft, NotPricedError, type PricingInput } from '../pricing.js';
import { bootDiskComponents } from './compute-disk.js';

/**
 * google_compute_instance: on-demand hours of its predefined `machine_type`, plus the boot
 * disk it creates when the plan knows its size and type. Spot or preemptible instances are
 * not priced (no spot prices in the catalog); attached disks are priced as their own resources.
 */
export function priceGoogleComputeInstance(input: PricingInput): readonly ComponentDraft[] {
  const { attributes } = input;
  const machineType = attributes.string('machine_type');
  const provisioning = attributes.optionalString('scheduling.0.provisioning_model') ?? 'STANDARD';
  if (provisioning !== 'STANDARD' || attributes.boolean('scheduling.0.preemptible', false)) {
    throw new NotPricedError('no catalog price: gce spot/preemptible');
  }
  return [input.hourly(`Instance usage (on-demand, ${machineType})`, 'gce', machineType), ...bootDiskComponents(input)];
}
