import { type ComponentDraft, NotPricedError, type PricingInput } from '../pricing.js';

/**
 * azurerm_linux_virtual_machine: pay-as-you-go hours of its `size`. Spot VMs and the OS
 * disk are not priced (neither spot nor managed-disk prices are in the catalog).
 */
export function priceAzureLinuxVirtualMachine(input: PricingInput): readonly ComponentDraft[] {
  const size = input.attributes.string('size');
  if ((input.attributes.optionalString('priority') ?? 'Regular') !== 'Regular') {
    throw new NotPricedError('no catalog price: azure-vm spot priority');
  }
  return [linuxVmHours(input, size)];
}

export function linuxVmHours(input: PricingInput, size: string): ComponentDraft {
  return input.hourly(`Virtual machine (Linux, pay-as-you-go, ${size})`, 'azure-vm', size);
}
