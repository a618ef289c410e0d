import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOGS, PriceCatalog } from './catalog.js';
import { formatDecimal } from './decimal.js';
import { estimateCost } from './estimate.js';
import type { CostEstimate, ResourceCost } from './types.js';

const fixture = fileURLToPath(new URL('../../fixtures/cost/plan-azure-gcp.json', import.meta.url));
const plan = JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, unknown>;

const AZURE = 'skypilot-catalog-v6-azure-vms';
const GCP = 'skypilot-catalog-v8-gcp-vms';

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
    // skypilot-catalog catalogs/v8/gcp/vms.csv @ 006059e0, rows "e2-standard-2,...,europe-west1,europe-west1-{b,c,d},0.07372,...":
    // 0.07372 × 730 h = 53.8156.
    const app = resource(estimate, 'google_compute_instance.app');
    expect(app).toMatchObject({ region: 'europe-west1', after: '53.8156' });
    expect(app.components[0]).toMatchObject({ unitPrice: '0.07372', priceSource: GCP });
  });

  it('falls back to the provider zone (from a root variable) when the instance zone is computed', () => {
    // Same file, e2-standard-16 us-central1 0.53609 × 730 = 391.3457.
    expect(resource(estimate, 'google_compute_instance.default_zone')).toMatchObject({ region: 'us-central1', after: '391.3457' });
  });

  it('reports what it cannot source instead of guessing', () => {
    expect(estimate.notPriced).toEqual([
      { address: 'azurerm_linux_virtual_machine.eu', type: 'azurerm_linux_virtual_machine', reason: 'region missing from catalog: westeurope' },
      { address: 'azurerm_windows_virtual_machine.win', type: 'azurerm_windows_virtual_machine', reason: 'unsupported type' },
      { address: 'google_compute_instance.micro', type: 'google_compute_instance', reason: 'no catalog price: gce e2-micro in us-central1' },
      { address: 'google_compute_instance.spot', type: 'google_compute_instance', reason: 'no catalog price: gce spot/preemptible' },
    ]);
  });
});

describe('Azure and Google VM catalogs', () => {
  const catalog = new PriceCatalog(BUILTIN_CATALOGS);
  const priceOf = (service: string, region: string, key: string): string | undefined => {
    const hit = catalog.lookup(service, region, key);
    return hit === undefined ? undefined : formatDecimal(hit.price);
  };

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
    // Copied from catalogs/v8/gcp/vms.csv @ 006059e0; identical on every zone row of the region.
    ['europe-west2', 'e2-standard-2', '0.08634'],
    ['europe-west4', 'e2-standard-32', '1.18035'],
    ['us-east1', 'e2-standard-16', '0.53609'],
    ['asia-southeast1', 'e2-standard-4', '0.16533'],
  ])('holds %s %s at %s', (region, machineType, price) => {
    expect(priceOf('gce', region, machineType)).toBe(price);
  });

  it('leaves unsourced regions and shared-core machine types out', () => {
    expect(catalog.hasRegion('azure-vm', 'westeurope')).toBe(false);
    expect(priceOf('gce', 'us-central1', 'e2-micro')).toBeUndefined();
    expect(priceOf('gce', 'us-central1', 'e2-medium')).toBeUndefined();
  });
});
