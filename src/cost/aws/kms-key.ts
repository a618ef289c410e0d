import { parseDecimal } from '../decimal.js';
import { type ComponentDraft, ONE, type PricingInput } from '../pricing.js';

/** aws_kms_key: one key-month plus requests (usage-based, priced per 10k). */
export function priceKmsKey(input: PricingInput): readonly ComponentDraft[] {
  return [
    input.fixed('Customer managed key', ONE, 'kms', 'key'),
    ...input.usageBased('Requests', 'monthly_requests', 'kms', 'requests', parseDecimal('0.0001')),
  ];
}
