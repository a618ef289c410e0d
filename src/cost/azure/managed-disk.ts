import { type ComponentDraft, NotPricedError, ONE, type PricingInput } from '../pricing.js';

/** Billing tiers by the largest size (GiB) each covers; a disk bills as the smallest tier it fits. */
const TIER_SIZES: readonly (readonly [number, string])[] = [
  [4, '1'], [8, '2'], [16, '3'], [32, '4'], [64, '6'], [128, '10'], [256, '15'], [512, '20'],
  [1024, '30'], [2048, '40'], [4096, '50'], [8192, '60'], [16384, '70'], [32767, '80'],
];

/** Tier letter per storage account type; Standard HDD starts at S4 (32 GiB). */
const TIER_LETTERS: Readonly<Record<string, string>> = {
  Premium_LRS: 'P',
  Premium_ZRS: 'P',
  StandardSSD_LRS: 'E',
  StandardSSD_ZRS: 'E',
  Standard_LRS: 'S',
};

/**
 * azurerm_managed_disk: the fixed monthly price of the tier its size falls in (or the
 * performance `tier` a Premium disk is set to). Transactions of Standard disks are usage
 * charges not in the catalog; Premium SSD v2 and Ultra disks are not priced.
 */
export function priceAzureManagedDisk(input: PricingInput): readonly ComponentDraft[] {
  const { attributes } = input;
  const accountType = attributes.string('storage_account_type');
  const sizeGb = attributes.get('disk_size_gb');
  if (typeof sizeGb !== 'number' || sizeGb <= 0) throw new NotPricedError('invalid attribute: disk_size_gb');
  const tier = attributes.optionalString('tier') ?? billingTier(accountType, sizeGb);
  return [diskComponent(input, 'Managed disk', accountType, tier)];
}

/**
 * The OS disk a virtual machine creates, when the plan knows its type and size (a size left
 * to the image is unknown until apply and is left out rather than guessed).
 */
export function osDiskComponents(input: PricingInput): ComponentDraft[] {
  const { attributes } = input;
  const disk = 'os_disk.0';
  if (attributes.isUnknown('os_disk') || attributes.count('os_disk') === 0) return [];
  if (attributes.isUnknown(`${disk}.disk_size_gb`) || attributes.isUnknown(`${disk}.storage_account_type`)) return [];
  const size = attributes.get(`${disk}.disk_size_gb`);
  const accountType = attributes.get(`${disk}.storage_account_type`);
  if (typeof size !== 'number' || size <= 0 || typeof accountType !== 'string') return [];
  return [diskComponent(input, 'OS disk', accountType, billingTier(accountType, size))];
}

function diskComponent(input: PricingInput, label: string, accountType: string, tier: string): ComponentDraft {
  return input.fixed(`${label} (${accountType} ${tier})`, ONE, 'azure-disk', `${accountType}/${tier}`);
}

function billingTier(accountType: string, sizeGb: number): string {
  const letter = TIER_LETTERS[accountType];
  if (!letter) throw new NotPricedError(`no catalog price: azure-disk ${accountType}`);
  const fits = TIER_SIZES.find(([limit, number]) => sizeGb <= limit && !(letter === 'S' && Number(number) < 4));
  if (!fits) throw new NotPricedError('invalid attribute: disk_size_gb');
  return `${letter}${fits[1]}`;
}
