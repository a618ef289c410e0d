import type { PricingFunction } from '../pricing.js';
import { priceGoogleComputeDisk, priceGoogleComputeRegionDisk } from './compute-disk.js';
import { priceGoogleComputeInstance } from './compute-instance.js';
import { priceGoogleSqlDatabaseInstance } from './sql-database-instance.js';
import { priceGoogleVpnTunnel } from './vpn-tunnel.js';

/** One pricing function per Google resource type. */
export const GOOGLE_PRICING: Readonly<Record<string, PricingFunction>> = {
  google_compute_instance: priceGoogleComputeInstance,
  google_compute_disk: priceGoogleComputeDisk,
  google_compute_region_disk: priceGoogleComputeRegionDisk,
  google_compute_vpn_tunnel: priceGoogleVpnTunnel,
  google_sql_database_instance: priceGoogleSqlDatabaseInstance,
};
