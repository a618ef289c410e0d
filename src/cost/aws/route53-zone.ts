import { parseDecimal } from '../decimal.js';
import { type ComponentDraft, type PricingInput } from '../pricing.js';

/** aws_route53_zone: one hosted zone per month. */
export function priceRoute53Zone(input: PricingInput): readonly ComponentDraft[] {
  return [input.fixed('Hosted zone', parseDecimal('1'), 'route53', 'hosted-zone')];
}
