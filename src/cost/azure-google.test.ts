import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDecimal, roundTo } from './decimal.js';
import { estimateCost } from './estimate.js';
import { builtinCatalog as catalog, builtinPrice as priceOf } from './test-support.js';
import type { CostEstimate, ResourceCost } from './types.js';

const fixture = fileURLToPath(new URL('../../fixtures/cost/plan-azure-gcp.json', import.meta.url));
const plan = JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, unknown>;

const AZURE = 'skypilot-catalog-v6-azure-vms';
const GCP = 'cyclenerd-gcp-pricing-yml-2024-11-07';
const RADAR_VM = 'azure-pricing-radar-vm-westeurope';
const RADAR_DISK_WEU = 'azure-pricing-radar-storage-westeurope';
const GOLDEN = 'infracost-golden-google-sql-database-instance';
const USAGE_AI = 'usage-ai-cloud-sql-pricing-2026-05';

function resource(estimate: CostEstimate, address: string): ResourceCost {
  const found = estimate.resources.find((candidate) => candidate.address === address);
  if (!found) throw new Error(`no priced resource ${address}`);
  return found;
}

describe('estimateCost — Azure and Google compute, hand-checked', () => {
  const estimate = estimateCost(plan);

  it('prices a Linux VM by size and normalised location', () => {
    // skypilot-catalog catalogs/v6/azure/vms.csv @ 098741e7, row "Standard_D2s_v5,,,2.0,8,,0.096,0.01056,eastus":
    // 0.096 × 730 h = 70.08.
    const web = resource(estimate, 'azurerm_linux_virtual_machine.web');
    expect(web).toMatchObject({ region: 'eastus', after: '70.08', delta: '70.08' });
    expect(web.components).toEqual([expect.objectContaining({ unitPrice: '0.096', quantity: '730', priceSource: AZURE })]);
  });

  it('prices a legacy Linux azurerm_virtual_machine before and after a resize', () => {
    // Same file, westus2: Standard_B2s 0.0416 × 730 = 30.368; Standard_B4ms 0.166 × 730 = 121.18.
    const legacy = resource(estimate, 'azurerm_virtual_machine.legacy');
    expect(legacy).toMatchObject({ before: '30.368', after: '121.18', delta: '90.812' });
  });

  it('prices a Compute Engine instance by machine type and the region of its zone', () => {
    // Cyclenerd pricing.yml @ 082120d2 (generated 2024-11-07), compute.instance.e2-standard-2.cost.europe-west1.hour
    // 0.07371546 × 730 h = 53.8122858. (The SkyPilot v8 GCP catalog, used before, rounds the same price to 0.07372.)
    const app = resource(estimate, 'google_compute_instance.app');
    expect(app).toMatchObject({ region: 'europe-west1', after: '53.8122858' });
    expect(app.components).toEqual([expect.objectContaining({ unitPrice: '0.07371546', priceSource: GCP })]);
  });

  it('falls back to the provider zone (from a root variable) when the instance zone is computed', () => {
    // Same file, e2-standard-16 us-central1 0.53609136 × 730 = 391.3466928.
    expect(resource(estimate, 'google_compute_instance.default_zone')).toMatchObject({ region: 'us-central1', after: '391.3466928' });
  });

  it('prices a shared-core machine at its own fractional price', () => {
    // Same file, e2-micro us-central1 (cpu 0.25) 0.0083764275 × 730 = 6.114792075.
    expect(resource(estimate, 'google_compute_instance.micro')).toMatchObject({ after: '6.114792075' });
  });

  it('adds the boot disk an instance creates when its size and type are in the plan', () => {
    // n2-standard-4 us-east4 0.218756 × 730 = 159.69188; compute.storage.balanced us-east4 0.11 × 50 GB = 5.5.
    const instance = resource(estimate, 'google_compute_instance.with_boot_disk');
    expect(instance).toMatchObject({ region: 'us-east4', after: '165.19188' });
    expect(instance.components.map((component) => component.monthly)).toEqual(['159.69188', '5.5']);
  });

  it.each([
    // address, region, GB-month price (compute.storage.<ssd|balanced-replicated>.cost.<region>.month), monthly
    ['google_compute_disk.data', 'europe-west2', '0.204', '40.8'],
    ['google_compute_region_disk.shared', 'europe-west1', '0.2', '20'],
  ])('prices %s by provisioned GB in %s', (address, region, unitPrice, monthly) => {
    const disk = resource(estimate, address);
    expect(disk).toMatchObject({ region });
    expect(disk.components).toEqual([expect.objectContaining({ unitPrice, monthly, unit: 'GB-month', priceSource: GCP })]);
  });

  it('prices a VPN tunnel by the hour in the resource region', () => {
    // compute.network.vpn.tunnel.cost.asia-northeast1.hour 0.075 × 730 = 54.75.
    expect(resource(estimate, 'google_compute_vpn_tunnel.tokyo')).toMatchObject({ region: 'asia-northeast1', after: '54.75' });
  });

  it('prices a Cloud SQL custom tier by vCPU-hours and memory GB-hours, plus storage', () => {
    // db-custom-2-7680 zonal, us-central1: 2 × 730 × 0.0413 (usage.ai, May 2026) = 60.298;
    // 7.5 GB × 730 × 0.007 (Infracost golden: Memory (360 GB, zonal) $1,839.60 → 0.007/GB-hour) = 38.325;
    // 100 GB × 0.17 (golden: SSD storage (zonal) 10 GB $1.70) = 17.
    const main = resource(estimate, 'google_sql_database_instance.main');
    expect(main).toMatchObject({ after: '115.623' });
    expect(main.components.map((component) => [component.monthly, component.priceSource])).toEqual([
      ['60.298', USAGE_AI],
      ['38.325', GOLDEN],
      ['17', GOLDEN],
    ]);
  });

  it('prices a shared-core Cloud SQL tier by its own hourly price', () => {
    // golden: db-g1-small zonal 730 h $25.55 → 0.035/h; default 10 GB SSD × 0.17 = 1.7.
    expect(resource(estimate, 'google_sql_database_instance.small')).toMatchObject({ after: '27.25' });
  });

  it('prices a westeurope Linux VM and the OS disk tier its known size falls in', () => {
    // azure-pricing-radar data/latest/vm-eu-west.json @ 25ddcc86 (Retail Prices API, 2026-07-15): "D2s v3",
    // "Virtual Machines DSv3 Series", retailPrice 0.12 → 87.6; storage-eu-west.json @ 859f9359: "P10 LRS Disk",
    // "Premium SSD Managed Disks", 21.68 per month (100 GiB falls in P10, 65–128 GiB).
    const weu = resource(estimate, 'azurerm_linux_virtual_machine.weu');
    expect(weu).toMatchObject({ region: 'westeurope', after: '109.28' });
    expect(weu.components.map((component) => [component.monthly, component.priceSource])).toEqual([
      ['87.6', RADAR_VM],
      ['21.68', RADAR_DISK_WEU],
    ]);
  });

  it('prices a Windows VM with its licence and leaves an OS disk of unknown size out', () => {
    // vm-eu-west.json: "D2s v3", "Virtual Machines DSv3 Series Windows", 0.212 × 730 = 154.76.
    expect(resource(estimate, 'azurerm_windows_virtual_machine.win_weu')).toMatchObject({ after: '154.76' });
  });

  it('prices a Linux VM in another US region from the SkyPilot file', () => {
    // skypilot-catalog catalogs/v6/azure/vms.csv @ 098741e7: Standard_D4s_v5 southcentralus 0.23 × 730 = 167.9.
    expect(resource(estimate, 'azurerm_linux_virtual_machine.texas')).toMatchObject({ region: 'southcentralus', after: '167.90' });
  });

  it.each([
    // address, region, tier, monthly (Retail Prices API "<tier> LRS Disk" retailPrice per month)
    ['azurerm_managed_disk.data', 'northeurope', 'StandardSSD_LRS E6', '4.80'],
    ['azurerm_managed_disk.logs', 'francecentral', 'Standard_LRS S4', '1.69'],
    ['azurerm_managed_disk.fast', 'westeurope', 'Premium_LRS P30', '148.68'],
  ])('prices %s in %s as %s', (address, region, tier, monthly) => {
    const disk = resource(estimate, address);
    expect(disk).toMatchObject({ region, after: monthly });
    expect(disk.components[0]?.name).toBe(`Managed disk (${tier})`);
  });

  it('reports what it cannot source instead of guessing', () => {
    expect(estimate.notPriced).toEqual([
      { address: 'azurerm_linux_virtual_machine.uk', type: 'azurerm_linux_virtual_machine', reason: 'region missing from catalog: uksouth (azure-vm)' },
      { address: 'azurerm_windows_virtual_machine.win', type: 'azurerm_windows_virtual_machine', reason: 'region missing from catalog: eastus (azure-vm-windows)' },
      { address: 'google_compute_instance.spot', type: 'google_compute_instance', reason: 'no catalog price: gce spot/preemptible' },
      { address: 'google_compute_disk.extreme', type: 'google_compute_disk', reason: 'no catalog price: gce-disk pd-extreme' },
      {
        address: 'google_sql_database_instance.ha',
        type: 'google_sql_database_instance',
        reason: 'no catalog price: cloudsql vcpu/regional in us-central1',
      },
      {
        address: 'google_sql_database_instance.paris',
        type: 'google_sql_database_instance',
        reason: 'region missing from catalog: europe-west9 (cloudsql)',
      },
      { address: 'azurerm_managed_disk.ultra', type: 'azurerm_managed_disk', reason: 'no catalog price: azure-disk UltraSSD_LRS' },
      // A known boot disk the catalog cannot price makes the instance not priced, rather than under-counted.
      { address: 'google_compute_instance.extreme_boot', type: 'google_compute_instance', reason: 'no catalog price: gce-disk pd-extreme' },
    ]);
  });
});

describe('Azure and Google VM catalogs', () => {
  it.each([
    // Copied from catalogs/v6/azure/vms.csv @ 098741e7 (eastus, eastus2, westus2).
    ['Standard_B1s', '0.0104', '0.0104', '0.0104'],
    ['Standard_B1ms', '0.0207', '0.0208', '0.0207'],
    ['Standard_D4s_v3', '0.192', '0.192', '0.192'],
    ['Standard_D2_v2', '0.146', '0.114', '0.114'],
    ['Standard_D64s_v5', '3.072', '3.072', '3.072'],
  ])('holds %s at the file price in eastus, eastus2 and westus2', (size, eastus, eastus2, westus2) => {
    expect([priceOf('azure-vm', 'eastus', size), priceOf('azure-vm', 'eastus2', size), priceOf('azure-vm', 'westus2', size)]).toEqual([
      eastus,
      eastus2,
      westus2,
    ]);
  });

  it.each([
    // Copied from Cyclenerd pricing.yml @ 082120d2, compute.instance.n2-standard-4.cost.<region>.hour.
    ['us-east4', '0.218756'],
    ['europe-west1', '0.213668'],
    ['asia-northeast1', '0.249176'],
    ['australia-southeast1', '0.2756'],
  ])('holds n2-standard-4 in %s at %s', (region, price) => {
    expect(priceOf('gce', region, 'n2-standard-4')).toBe(price);
  });

  it.each([
    // An independent source agrees: skypilot-catalog catalogs/v8/gcp/vms.csv @ 006059e0 (the previous
    // GCP catalog) prices these rows to five decimals.
    ['europe-west2', 'e2-standard-2', '0.08634'],
    ['europe-west4', 'e2-standard-32', '1.18035'],
    ['us-east1', 'e2-standard-16', '0.53609'],
    ['asia-southeast1', 'e2-standard-4', '0.16533'],
  ])('agrees with SkyPilot on %s %s (%s)', (region, machineType, skypilot) => {
    const hit = catalog.lookup('gce', region, machineType);
    expect(hit && formatDecimal(roundTo(hit.price, 5))).toBe(skypilot);
  });

  it('leaves unsourced regions and types out', () => {
    expect(catalog.hasRegion('azure-vm', 'uksouth')).toBe(false);
    expect(catalog.hasRegion('azure-disk', 'eastus')).toBe(false);
    expect(catalog.hasRegion('gce', 'europe-west9')).toBe(false);
    // n4 in us-east4 is priced exactly like us-central1 in the file, unlike every other family: held back.
    expect(priceOf('gce', 'us-east4', 'n4-standard-2')).toBeUndefined();
    expect(priceOf('gce', 'us-central1', 'n4-standard-2')).toBe('0.094772');
  });
});
