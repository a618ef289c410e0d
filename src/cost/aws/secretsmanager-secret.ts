import { parseDecimal } from '../decimal.js';
import { type ComponentDraft, ONE, type PricingInput } from '../pricing.js';

/** aws_secretsmanager_secret: one secret-month plus API requests (usage-based, priced per 10k). */
export function priceSecretsManagerSecret(input: PricingInput): readonly ComponentDraft[] {
  return [
    input.fixed('Secret', ONE, 'secretsmanager', 'secret'),
    ...input.usageBased('API requests', 'monthly_requests', 'secretsmanager', 'api-requests', parseDecimal('0.0001')),
  ];
}
