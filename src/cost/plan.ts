import type { PlanAction } from './types.js';

/** The parts of one `resource_changes` entry the estimator needs. */
export interface PlannedResource {
  readonly address: string;
  readonly type: string;
  readonly providerName: string;
  readonly action: PlanAction;
  /** Values before the change; undefined when the resource is created. */
  readonly before?: Readonly<Record<string, unknown>>;
  /** Values after the change; undefined when the resource is destroyed. */
  readonly after?: Readonly<Record<string, unknown>>;
  readonly afterUnknown: unknown;
}

type JsonObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Managed resource changes of a `terraform show -json` plan; data sources are skipped. */
export function plannedResources(plan: JsonObject): PlannedResource[] {
  const changes = Array.isArray(plan.resource_changes) ? plan.resource_changes : [];
  const resources: PlannedResource[] = [];
  for (const change of changes) {
    if (!isObject(change) || change.mode === 'data' || !isObject(change.change)) continue;
    const action = planAction(change.change.actions);
    if (!action || typeof change.address !== 'string' || typeof change.type !== 'string') continue;
    resources.push({
      address: change.address,
      type: change.type,
      providerName: typeof change.provider_name === 'string' ? change.provider_name : '',
      action,
      before: action === 'create' ? undefined : objectOrEmpty(change.change.before),
      after: action === 'delete' ? undefined : objectOrEmpty(change.change.after),
      afterUnknown: change.change.after_unknown ?? {},
    });
  }
  return resources;
}

function objectOrEmpty(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

function planAction(actions: unknown): PlanAction | undefined {
  if (!Array.isArray(actions)) return undefined;
  const names = actions.join(',');
  switch (names) {
    case 'create':
      return 'create';
    case 'delete':
      return 'delete';
    case 'update':
      return 'update';
    case 'no-op':
      return 'no-op';
    case 'delete,create':
    case 'create,delete':
      return 'replace';
    default:
      return undefined; // "read" and anything unknown have no bill effect.
  }
}

/** Short provider name: "registry.terraform.io/hashicorp/aws" → "aws". */
export function providerShortName(providerName: string): string {
  return providerName.split('/').pop() ?? providerName;
}

export type RegionResult = { readonly region: string } | { readonly problem: string };

/**
 * Region of one resource, by provider:
 * - AWS: the provider v6 per-resource `region` attribute when known, else the `region` of the
 *   provider configuration the resource uses (a constant, or a root variable the plan records).
 * - Azure: the resource's `location`, normalised ("West Europe" → "westeurope").
 * - Google: the region of the resource's `zone` ("europe-west1-b" → "europe-west1"), else its
 *   own `region`, else the provider's `zone` or `region`.
 */
export function resolveRegion(plan: JsonObject, resource: PlannedResource, values: JsonObject, unknown: unknown): RegionResult {
  const provider = providerShortName(resource.providerName);
  if (provider === 'azurerm') return azureLocation(values, unknown);
  if (provider === 'google' || provider === 'google-beta') return googleRegion(plan, resource, values, unknown);
  const own = knownString(values, unknown, 'region');
  if (own) return { region: own };
  return providerSetting(plan, resource, 'region');
}

function knownString(values: JsonObject, unknown: unknown, name: string): string | undefined {
  const value = values[name];
  const isUnknown = isObject(unknown) && unknown[name] === true;
  return typeof value === 'string' && value !== '' && !isUnknown ? value : undefined;
}

function azureLocation(values: JsonObject, unknown: unknown): RegionResult {
  const location = knownString(values, unknown, 'location');
  return location ? { region: location.replace(/\s+/g, '').toLowerCase() } : { problem: 'location is unknown at plan time' };
}

function googleRegion(plan: JsonObject, resource: PlannedResource, values: JsonObject, unknown: unknown): RegionResult {
  const zone = knownString(values, unknown, 'zone');
  if (zone) return { region: zoneToRegion(zone) };
  const own = knownString(values, unknown, 'region');
  if (own) return { region: own };
  const providerZone = providerSetting(plan, resource, 'zone');
  if ('region' in providerZone) return { region: zoneToRegion(providerZone.region) };
  return providerSetting(plan, resource, 'region');
}

/** A Google zone is its region plus a one-letter suffix. */
function zoneToRegion(zone: string): string {
  return zone.replace(/-[a-z]$/, '');
}

/** A string setting of the provider configuration (constant or root variable). */
function providerSetting(plan: JsonObject, resource: PlannedResource, name: string): RegionResult {
  const providerConfig = providerConfigFor(plan, resource);
  if (!providerConfig) return { problem: 'no provider configuration' };
  const expression = isObject(providerConfig.expressions) ? providerConfig.expressions[name] : undefined;
  if (!isObject(expression)) return { problem: `provider ${name} not set in configuration` };
  if (typeof expression.constant_value === 'string') return { region: expression.constant_value };
  const fromVariable = regionFromVariable(plan, expression.references);
  return fromVariable ? { region: fromVariable } : { problem: `provider ${name} is computed` };
}

function regionFromVariable(plan: JsonObject, references: unknown): string | undefined {
  if (!Array.isArray(references)) return undefined;
  const variables = isObject(plan.variables) ? plan.variables : {};
  for (const reference of references) {
    if (typeof reference !== 'string' || !reference.startsWith('var.')) continue;
    const variable = variables[reference.slice('var.'.length)];
    if (isObject(variable) && typeof variable.value === 'string') return variable.value;
  }
  return undefined;
}

function providerConfigFor(plan: JsonObject, resource: PlannedResource): JsonObject | undefined {
  const configuration = isObject(plan.configuration) ? plan.configuration : {};
  const providerConfigs = isObject(configuration.provider_config) ? configuration.provider_config : {};
  const key = providerConfigKey(configuration, resource.address);
  const shortName = providerShortName(resource.providerName);
  const candidates = [key, key?.split(':').pop(), shortName].filter((candidate): candidate is string => !!candidate);
  for (const candidate of candidates) {
    const config = providerConfigs[candidate];
    if (isObject(config)) return config;
  }
  return undefined;
}

/** provider_config_key of the configuration block that declared the resource. */
function providerConfigKey(configuration: JsonObject, address: string): string | undefined {
  const segments = address.replace(/\[[^\]]*\]/g, '').split('.');
  let module: unknown = configuration.root_module;
  while (segments[0] === 'module' && segments.length > 2) {
    const calls = isObject(module) && isObject(module.module_calls) ? module.module_calls : {};
    const call = calls[segments[1]];
    module = isObject(call) ? call.module : undefined;
    segments.splice(0, 2);
  }
  const resources = isObject(module) && Array.isArray(module.resources) ? module.resources : [];
  const localAddress = segments.join('.');
  for (const declared of resources) {
    if (isObject(declared) && declared.address === localAddress && typeof declared.provider_config_key === 'string') {
      return declared.provider_config_key;
    }
  }
  return undefined;
}
