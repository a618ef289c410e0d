import { BUILTIN_CATALOGS, PriceCatalog } from './catalog.js';
import { formatDecimal } from './decimal.js';

/** The built-in catalog, as the estimator sees it. */
export const builtinCatalog = new PriceCatalog(BUILTIN_CATALOGS);

/** A built-in price as a plain decimal string, or undefined when the catalog has none. */
export function builtinPrice(service: string, region: string, key: string): string | undefined {
  const hit = builtinCatalog.lookup(service, region, key);
  return hit === undefined ? undefined : formatDecimal(hit.price);
}
