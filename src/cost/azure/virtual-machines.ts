import { type ComponentDraft, NotPricedError, type PricingInput } from '../pricing.js';
import { osDiskComponents } from './managed-disk.js';

/**
 * azurerm_linux_virtual_machine: pay-as-you-go hours of its `size`, plus its OS disk when
 * the plan knows the disk's size. Spot VMs are not priced (no spot prices in the catalog).
 */
export function priceAzureLinuxVirtualMachine(input: PricingInput): readonly ComponentDraft[] {
  return [linuxVmHours(input, regularSize(input)), ...osDiskComponents(input)];
}

/** azurerm_windows_virtual_machine: pay-as-you-go hours including the Windows licence, plus its OS disk. */
export function priceAzureWindowsVirtualMachine(input: PricingInput): readonly ComponentDraft[] {
  const size = regularSize(input);
  return [input.hourly(`Virtual machine (Windows, pay-as-you-go, ${size})`, 'azure-vm-windows', size), ...osDiskComponents(input)];
}

function regularSize(input: PricingInput): string {
  const size = input.attributes.string('size');
  if ((input.attributes.optionalString('priority') ?? 'Regular') !== 'Regular') {
    throw new NotPricedError('no catalog price: azure-vm spot priority');
  }
  return size;
}

export function linuxVmHours(input: PricingInput, size: string): ComponentDraft {
  return input.hourly(`Virtual machine (Linux, pay-as-you-go, ${size})`, 'azure-vm', size);
}
