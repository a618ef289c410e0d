export { estimateCost } from './estimate.js';
export { loadUsageFile, parseUsageFile } from './usage.js';
export { importAwsOffer, SUPPORTED_OFFER_CODES, type ImportedOffer, type OfferImportOptions } from './offer.js';
export { BUILTIN_CATALOGS, PriceCatalog, catalogFileFromEntries } from './catalog.js';
export { formatMoney } from './decimal.js';
export * from './types.js';
