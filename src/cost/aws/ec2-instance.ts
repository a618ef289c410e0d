import { type ComponentDraft, NotPricedError, type PricingInput } from '../pricing.js';
import { blockDeviceComponents } from './ebs-volume.js';

/**
 * aws_instance: on-demand Linux instance hours (the catalog holds Linux, shared-tenancy
 * prices; the AMI's OS is not in the plan), plus root/EBS block devices whose size and
 * type are known in the plan.
 */
export function priceEc2Instance(input: PricingInput): readonly ComponentDraft[] {
  const { attributes } = input;
  const instanceType = attributes.string('instance_type');
  const tenancy = attributes.optionalString('tenancy') ?? 'default';
  if (tenancy !== 'default') throw new NotPricedError(`no catalog price: ec2 ${tenancy} tenancy`);
  const components: ComponentDraft[] = [
    input.hourly(`Instance usage (Linux, on-demand, ${instanceType})`, 'ec2', instanceType),
  ];
  components.push(...blockDeviceComponents(input, 'root_block_device', 'Root volume'));
  components.push(...blockDeviceComponents(input, 'ebs_block_device', 'EBS block device'));
  return components;
}

