import { type ComponentDraft, type PricingInput } from '../pricing.js';

/** aws_nat_gateway: hourly charge plus data processed (usage-based). */
export function priceNatGateway(input: PricingInput): readonly ComponentDraft[] {
  return [
    input.hourly('NAT gateway', 'nat', 'gateway'),
    ...input.usageBased('Data processed', 'monthly_data_processed_gb', 'nat', 'data-processed'),
  ];
}
