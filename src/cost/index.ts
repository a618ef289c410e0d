export { estimateCost } from './estimate.js';
export { loadUsageFile, parseUsageFile } from './usage.js';
export { importAwsOffer, type OfferImportOptions } from './offer.js';
export { BUILTIN_CATALOGS, PriceCatalog, catalogFileFromEntries } from './catalog.js';
export { formatMoney } from './decimal.js';
export * from './types.js';
