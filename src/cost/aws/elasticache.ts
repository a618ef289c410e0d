import { decimalFromNumber } from '../decimal.js';
import { type ComponentDraft, NotPricedError, type PricingInput } from '../pricing.js';

/** aws_elasticache_cluster: node hours × num_cache_nodes. */
export function priceElastiCacheCluster(input: PricingInput): readonly ComponentDraft[] {
  const { attributes } = input;
  const nodeType = attributes.string('node_type');
  rejectValkey(input);
  const nodes = attributes.number('num_cache_nodes', 1);
  return [input.hourly(`ElastiCache node (on-demand, ${nodeType})`, 'elasticache', nodeType, nodes)];
}

/** aws_elasticache_replication_group: node hours × every node of every shard. */
export function priceElastiCacheReplicationGroup(input: PricingInput): readonly ComponentDraft[] {
  const { attributes } = input;
  const nodeType = attributes.string('node_type');
  rejectValkey(input);
  return [input.hourly(`ElastiCache node (on-demand, ${nodeType})`, 'elasticache', nodeType, replicationGroupNodes(input))];
}

function replicationGroupNodes(input: PricingInput): ReturnType<typeof decimalFromNumber> {
  const { attributes } = input;
  const clusters = attributes.get('num_cache_clusters');
  if (typeof clusters === 'number') return decimalFromNumber(clusters);
  const shards = numberOr(attributes.get('num_node_groups'), 1);
  const replicas = numberOr(attributes.get('replicas_per_node_group'), 0);
  return decimalFromNumber(shards * (replicas + 1));
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

/** The catalog's node prices are Redis OSS/Memcached rates; Valkey nodes bill less. */
function rejectValkey(input: PricingInput): void {
  if (input.attributes.optionalString('engine') === 'valkey') throw new NotPricedError('no catalog price: elasticache valkey nodes');
}
