import { type ComponentDraft, type PricingInput } from '../pricing.js';

/** aws_elb (classic): hourly charge plus data processed (usage-based). */
export function priceClassicLoadBalancer(input: PricingInput): readonly ComponentDraft[] {
  return [
    input.hourly('Classic load balancer', 'elb', 'clb'),
    ...input.usageBased('Data processed', 'monthly_data_processed_gb', 'elb', 'clb-data'),
  ];
}
