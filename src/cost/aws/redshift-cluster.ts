import { type ComponentDraft, type PricingInput } from '../pricing.js';

/** aws_redshift_cluster: node hours × nodes; RA3 managed storage is usage-based. */
export function priceRedshiftCluster(input: PricingInput): readonly ComponentDraft[] {
  const { attributes } = input;
  const nodeType = attributes.string('node_type');
  const nodes = attributes.number('number_of_nodes', 1);
  const components = [input.hourly(`Cluster nodes (on-demand, ${nodeType})`, 'redshift', nodeType, nodes)];
  if (nodeType.startsWith('ra3')) {
    components.push(...input.usageBased('Managed storage', 'managed_storage_gb', 'redshift', 'managed-storage'));
  }
  return components;
}
