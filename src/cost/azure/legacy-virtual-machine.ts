import { type ComponentDraft, NotPricedError, type PricingInput } from '../pricing.js';
import { linuxVmHours } from './virtual-machines.js';

/**
 * azurerm_virtual_machine (legacy): priced only when the plan shows a Linux VM, because
 * the catalog holds Linux rates and a Windows VM also pays a licence.
 */
export function priceAzureVirtualMachine(input: PricingInput): readonly ComponentDraft[] {
  const { attributes } = input;
  const size = attributes.string('vm_size');
  const osType = attributes.optionalString('storage_os_disk.0.os_type');
  const isLinux = osType === 'Linux' || (osType === undefined && attributes.count('os_profile_linux_config') > 0);
  if (!isLinux) throw new NotPricedError('no catalog price: azure-vm Windows or unknown OS');
  return [linuxVmHours(input, size)];
}
