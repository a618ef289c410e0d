import type { PricingFunction } from '../pricing.js';
import { priceGoogleComputeInstance } from './compute-instance.js';

/** One pricing function per Google resource type; google_compute_disk is absent (disk prices not sourced). */
export const GOOGLE_PRICING: Readonly<Record<string, PricingFunction>> = {
  google_compute_instance: priceGoogleComputeInstance,
};
