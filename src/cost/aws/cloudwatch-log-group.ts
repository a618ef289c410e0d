import { type ComponentDraft, type PricingInput } from '../pricing.js';

/** aws_cloudwatch_log_group: ingestion and archival storage, from usage (zero without it). */
export function priceCloudWatchLogGroup(input: PricingInput): readonly ComponentDraft[] {
  return [
    ...input.usageBased('Data ingested', 'monthly_data_ingested_gb', 'cloudwatch', 'logs-ingested'),
    ...input.usageBased('Archival storage', 'storage_gb', 'cloudwatch', 'logs-archived'),
  ];
}
