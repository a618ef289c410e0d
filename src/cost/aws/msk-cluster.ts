import { multiply } from '../decimal.js';
import { type ComponentDraft, type PricingInput } from '../pricing.js';

/** aws_msk_cluster: broker hours × brokers, plus EBS storage per broker. */
export function priceMskCluster(input: PricingInput): readonly ComponentDraft[] {
  const { attributes } = input;
  const instanceType = attributes.string('broker_node_group_info.0.instance_type');
  const brokers = attributes.number('number_of_broker_nodes');
  const components = [input.hourly(`Broker (${instanceType})`, 'msk', instanceType, brokers)];
  const perBroker = brokerVolumeSize(input);
  if (perBroker) components.push(input.fixed('Broker storage', multiply(perBroker, brokers), 'msk', 'storage'));
  return components;
}

/** Provider v4+ nests the volume in storage_info; older plans have ebs_volume_size. */
function brokerVolumeSize(input: PricingInput): ReturnType<PricingInput['attributes']['number']> | undefined {
  const { attributes } = input;
  const nested = 'broker_node_group_info.0.storage_info.0.ebs_storage_info.0.volume_size';
  const legacy = 'broker_node_group_info.0.ebs_volume_size';
  for (const path of [nested, legacy]) {
    const value = attributes.get(path);
    if (typeof value === 'number') return attributes.number(path);
  }
  return undefined;
}
