import { parseDecimal } from '../decimal.js';
import { type ComponentDraft, type PricingInput } from '../pricing.js';

/**
 * Route 53 is a global service: hosted zones bill the same whatever the provider's region
 * (AWS's regional route53.json files hold only Resolver/DNS Firewall rates), so the zone is
 * priced from the catalog's us-east-1 row, where the global rate is kept.
 */
const GLOBAL_RATES_REGION = 'us-east-1';

/** aws_route53_zone: one hosted zone per month. */
export function priceRoute53Zone(input: PricingInput): readonly ComponentDraft[] {
  return [input.inRegion(GLOBAL_RATES_REGION).fixed('Hosted zone', parseDecimal('1'), 'route53', 'hosted-zone')];
}
