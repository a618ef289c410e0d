import { parseDecimal } from '../decimal.js';
import { type ComponentDraft, type PricingInput } from '../pricing.js';

const PER_THOUSAND = parseDecimal('0.001');

/** aws_s3_bucket: Standard storage and requests, all from usage (zero without it). */
export function priceS3Bucket(input: PricingInput): readonly ComponentDraft[] {
  return [
    ...input.usageBased('Standard storage', 'standard_storage_gb', 's3', 'storage:standard'),
    ...input.usageBased('PUT, COPY, POST, LIST requests', 'monthly_put_requests', 's3', 'requests:put', PER_THOUSAND),
    ...input.usageBased('GET and other requests', 'monthly_get_requests', 's3', 'requests:get', PER_THOUSAND),
  ];
}
