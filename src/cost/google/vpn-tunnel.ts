import type { ComponentDraft, PricingInput } from '../pricing.js';

/** google_compute_vpn_tunnel: Cloud VPN tunnel hours. */
export function priceGoogleVpnTunnel(input: PricingInput): readonly ComponentDraft[] {
  return [input.hourly('VPN tunnel', 'gce-vpn', 'tunnel')];
}
