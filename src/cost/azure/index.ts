import type { PricingFunction } from '../pricing.js';
import { priceAzureLinuxVirtualMachine, priceAzureWindowsVirtualMachine } from './virtual-machines.js';
import { priceAzureManagedDisk } from './managed-disk.js';
import { priceAzureVirtualMachine } from './legacy-virtual-machine.js';

/** One pricing function per Azure resource type. */
export const AZURE_PRICING: Readonly<Record<string, PricingFunction>> = {
  azurerm_linux_virtual_machine: priceAzureLinuxVirtualMachine,
  azurerm_windows_virtual_machine: priceAzureWindowsVirtualMachine,
  azurerm_virtual_machine: priceAzureVirtualMachine,
  azurerm_managed_disk: priceAzureManagedDisk,
};
