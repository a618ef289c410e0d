import { type ComponentDraft, NotPricedError, type PricingInput } from '../pricing.js';

/** aws_rds_cluster_instance: Aurora instance hours (storage and I/O are on the cluster). */
export function priceRdsClusterInstance(input: PricingInput): readonly ComponentDraft[] {
  const { attributes } = input;
  const rawEngine = attributes.optionalString('engine') ?? 'aurora';
  const engine = rawEngine === 'aurora' ? 'aurora-mysql' : rawEngine;
  if (!engine.startsWith('aurora')) throw new NotPricedError(`invalid attribute: engine`);
  const instanceClass = attributes.string('instance_class');
  return [input.hourly(`Database instance (${engine}, ${instanceClass})`, 'rds', `${engine}/${instanceClass}/single`)];
}
