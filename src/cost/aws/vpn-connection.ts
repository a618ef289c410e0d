import { type ComponentDraft, type PricingInput } from '../pricing.js';

/** aws_vpn_connection: connection hours, plus a transit gateway attachment when attached to one. */
export function priceVpnConnection(input: PricingInput): readonly ComponentDraft[] {
  const components = [input.hourly('VPN connection', 'vpn', 'connection')];
  const { attributes } = input;
  // A gateway created in the same plan has an unknown id, which still means "attached".
  if (attributes.isUnknown('transit_gateway_id') || attributes.optionalString('transit_gateway_id') !== undefined) {
    components.push(input.hourly('Transit gateway attachment', 'tgw', 'attachment'));
    components.push(...input.usageBased('Transit gateway data processed', 'monthly_data_processed_gb', 'tgw', 'data-processed'));
  }
  return components;
}
