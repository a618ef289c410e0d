import { type ComponentDraft, type PricingInput } from '../pricing.js';

/** aws_eip: public IPv4 address hours. */
export function priceEip(input: PricingInput): readonly ComponentDraft[] {
  return [input.hourly('Public IPv4 address', 'eip', 'address')];
}
