import type { PricingFunction } from '../pricing.js';
import { priceAzureLinuxVirtualMachine } from './linux-virtual-machine.js';
import { priceAzureVirtualMachine } from './virtual-machine.js';

/**
 * One pricing function per Azure resource type. azurerm_windows_virtual_machine and
 * azurerm_managed_disk are absent on purpose: their prices are not sourced.
 */
export const AZURE_PRICING: Readonly<Record<string, PricingFunction>> = {
  azurerm_linux_virtual_machine: priceAzureLinuxVirtualMachine,
  azurerm_virtual_machine: priceAzureVirtualMachine,
};
