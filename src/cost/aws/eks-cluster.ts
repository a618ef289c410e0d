import { type ComponentDraft, type PricingInput } from '../pricing.js';

/** aws_eks_cluster: control plane hours (standard support). */
export function priceEksCluster(input: PricingInput): readonly ComponentDraft[] {
  return [input.hourly('EKS cluster', 'eks', 'cluster')];
}
