import { type ComponentDraft, NotPricedError, type PricingInput } from '../pricing.js';

/** aws_lb / aws_alb: hourly charge by type plus capacity units (usage-based). */
export function priceLoadBalancer(input: PricingInput): readonly ComponentDraft[] {
  const type = input.attributes.optionalString('load_balancer_type') ?? 'application';
  const kind = type === 'application' ? 'alb' : type === 'network' ? 'nlb' : undefined;
  if (!kind) throw new NotPricedError(`no catalog price: elb ${type} load balancer`);
  const label = kind === 'alb' ? 'Application load balancer' : 'Network load balancer';
  return [
    input.hourly(label, 'elb', kind),
    ...input.usageBased('Load balancer capacity units', 'monthly_capacity_unit_hours', 'elb', `${kind}-lcu`),
  ];
}
