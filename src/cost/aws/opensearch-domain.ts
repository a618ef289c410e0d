import { multiply } from '../decimal.js';
import { type ComponentDraft, type PricingInput } from '../pricing.js';

/** aws_opensearch_domain / aws_elasticsearch_domain: data, master and warm nodes plus EBS storage. */
export function priceOpenSearchDomain(input: PricingInput): readonly ComponentDraft[] {
  const { attributes } = input;
  const instanceType = attributes.string('cluster_config.0.instance_type');
  const instances = attributes.number('cluster_config.0.instance_count', 1);
  const components = [input.hourly(`Instance (on-demand, ${instanceType})`, 'opensearch', instanceType, instances)];
  if (attributes.boolean('cluster_config.0.dedicated_master_enabled', false)) {
    const masterType = attributes.string('cluster_config.0.dedicated_master_type');
    const masters = attributes.number('cluster_config.0.dedicated_master_count', 3);
    components.push(input.hourly(`Dedicated master (on-demand, ${masterType})`, 'opensearch', masterType, masters));
  }
  if (attributes.boolean('cluster_config.0.warm_enabled', false)) {
    const warmType = attributes.string('cluster_config.0.warm_type');
    const warm = attributes.number('cluster_config.0.warm_count');
    components.push(input.hourly(`UltraWarm instance (on-demand, ${warmType})`, 'opensearch', warmType, warm));
  }
  if (attributes.boolean('ebs_options.0.ebs_enabled', false)) {
    const volumeType = attributes.optionalString('ebs_options.0.volume_type') ?? 'gp2';
    const size = attributes.number('ebs_options.0.volume_size');
    components.push(input.fixed(`Storage (${volumeType})`, multiply(size, instances), 'opensearch', `storage:${volumeType}`));
    if (volumeType === 'io1') {
      const iops = attributes.number('ebs_options.0.iops');
      components.push(input.fixed('Storage IOPS (io1)', multiply(iops, instances), 'opensearch', 'iops:io1'));
    }
  }
  return components;
}
