import { type ComponentDraft, type PricingInput } from '../pricing.js';

/** aws_ec2_transit_gateway_vpc_attachment: attachment hours plus data processed (usage-based). */
export function priceTransitGatewayAttachment(input: PricingInput): readonly ComponentDraft[] {
  return [
    input.hourly('Transit gateway attachment', 'tgw', 'attachment'),
    ...input.usageBased('Data processed', 'monthly_data_processed_gb', 'tgw', 'data-processed'),
  ];
}
