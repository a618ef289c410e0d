import { type ComponentDraft, type PricingInput } from '../pricing.js';

/** aws_ebs_snapshot: stored (incremental) data is only known from usage. */
export function priceEbsSnapshot(input: PricingInput): readonly ComponentDraft[] {
  return input.usageBased('Snapshot storage', 'monthly_storage_gb', 'ebs', 'snapshot:storage');
}
