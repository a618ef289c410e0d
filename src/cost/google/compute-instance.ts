import { type ComponentDraft, NotPricedError, type PricingInput } from '../pricing.js';

/**
 * google_compute_instance: on-demand hours of its predefined `machine_type`. Spot or
 * preemptible instances and boot/attached disks are not priced (not in the catalog).
 */
export function priceGoogleComputeInstance(input: PricingInput): readonly ComponentDraft[] {
  const { attributes } = input;
  const machineType = attributes.string('machine_type');
  const provisioning = attributes.optionalString('scheduling.0.provisioning_model') ?? 'STANDARD';
  if (provisioning !== 'STANDARD' || attributes.boolean('scheduling.0.preemptible', false)) {
    throw new NotPricedError('no catalog price: gce spot/preemptible');
  }
  return [input.hourly(`Instance usage (on-demand, ${machineType})`, 'gce', machineType)];
}
