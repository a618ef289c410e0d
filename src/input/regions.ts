/**
 * Which region a resource lives in. Order of evidence, most specific first:
 *  1. the resource's own `region` attribute (AWS provider v6 per-resource region, Google resources);
 *  2. its `location` attribute (Azure, Google multi-region buckets), except for AWS, where `location` means
 *     something else (e.g. a Direct Connect site);
 *  3. the provider configuration the resource uses: `configuration.provider_config[key].expressions.region`,
 *     a constant or a `var.x` reference resolved through root variables or the module call's arguments.
 */
import { findConfigModule, moduleCall, providerKeysOf, resourceKey, rootConfigModule } from './configuration.js';
import { configModulePath } from './module-address.js';
import { isObject, type JsonObject } from './shape.js';

/** What region resolution needs to know about a resource. */
export interface RegionSubject {
  mode: string;
  type: string;
  name: string;
  providerName: string;
}

/** `registry.terraform.io/hashicorp/aws` → `aws`; `provider.aws` (Terraform 0.12) → `aws`. */
export function providerType(providerName: string): string {
  let type = providerTypeCache.get(providerName);
  if (type === undefined) {
    type = parseProviderType(providerName);
    providerTypeCache.set(providerName, type);
  }
  return type;
}

/** A plan names a few providers, thousands of times each. */
const providerTypeCache = new Map<string, string>();

function parseProviderType(providerName: string): string {
  const last = providerName.split('/').pop() ?? providerName;
  return last.startsWith('provider.') ? last.slice('provider.'.length) : last.replace(/^provider\["?|"?\]$/g, '');
}

export function regionFromAttributes(values: JsonObject | undefined, providerName: string): string | undefined {
  if (!values) return undefined;
  if (isNonEmptyString(values.region)) return values.region;
  if (providerType(providerName) !== 'aws' && isNonEmptyString(values.location)) return values.location;
  return undefined;
}

export class RegionResolver {
  private readonly providerConfigs: JsonObject;
  private readonly rootModule: JsonObject | undefined;
  private readonly rootVariables: JsonObject;
  /** Provider keys per config module path, computed once per module. */
  private readonly keysByModule = new Map<string, Map<string, string>>();
  private readonly regionByProviderKey = new Map<string, string | undefined>();

  constructor(raw: JsonObject) {
    const configuration = isObject(raw.configuration) ? raw.configuration : {};
    this.providerConfigs = isObject(configuration.provider_config) ? configuration.provider_config : {};
    this.rootModule = rootConfigModule(raw);
    this.rootVariables = isObject(raw.variables) ? raw.variables : {};
  }

  /**
   * @param moduleNames module call names from the root, instance keys dropped
   * @param values the resource's attributes (after, or before for deletes; values for states)
   */
  regionOf(resource: RegionSubject, moduleNames: readonly string[], values: JsonObject | undefined): string | undefined {
    return regionFromAttributes(values, resource.providerName) ?? this.providerRegion(resource, moduleNames);
  }

  private providerRegion(resource: RegionSubject, moduleNames: readonly string[]): string | undefined {
    const declaredKey = this.providerKeysFor(moduleNames).get(resourceKey(resource.mode, resource.type, resource.name));
    const key = declaredKey ? this.resolveProviderKey(declaredKey) : this.defaultProviderKey(resource.providerName);
    if (key === undefined) return undefined;
    if (!this.regionByProviderKey.has(key)) this.regionByProviderKey.set(key, this.regionOfProviderConfig(key));
    return this.regionByProviderKey.get(key);
  }

  private providerKeysFor(moduleNames: readonly string[]): Map<string, string> {
    const path = configModulePath(moduleNames);
    let keys = this.keysByModule.get(path);
    if (!keys) {
      const module = findConfigModule(this.rootModule, moduleNames);
      keys = module ? providerKeysOf(module) : new Map<string, string>();
      this.keysByModule.set(path, keys);
    }
    return keys;
  }

  /**
   * Terraform already rewrites a module resource's key to the configuration it inherits, but older versions
   * (and implicitly inherited default providers) leave `module.x:aws` dangling; walk up the module path.
   */
  private resolveProviderKey(key: string): string | undefined {
    let current = key;
    for (;;) {
      if (isObject(this.providerConfigs[current])) return current;
      const colon = current.lastIndexOf(':');
      if (colon === -1) return undefined;
      const modulePath = current.slice(0, colon);
      const provider = current.slice(colon + 1);
      const parentPath = modulePath.includes('.module.') ? modulePath.slice(0, modulePath.lastIndexOf('.module.')) : '';
      current = parentPath ? `${parentPath}:${provider}` : provider;
    }
  }

  /** Without configuration for the resource: the root, unaliased configuration of its provider. */
  private defaultProviderKey(providerName: string): string | undefined {
    const type = providerType(providerName);
    for (const [key, config] of Object.entries(this.providerConfigs)) {
      if (!isObject(config) || config.alias || (typeof config.module_address === 'string' && config.module_address !== '')) continue;
      const matches = config.full_name === providerName || config.name === type || key === type;
      if (matches) return key;
    }
    return undefined;
  }

  private regionOfProviderConfig(key: string): string | undefined {
    const config = this.providerConfigs[key];
    if (!isObject(config) || !isObject(config.expressions)) return undefined;
    const moduleAddress = typeof config.module_address === 'string' ? config.module_address : moduleAddressOfKey(key);
    return this.evaluate(config.expressions.region, callNamesOfPath(moduleAddress));
  }

  /**
   * A constant, or a `var.NAME` reference: root variables come from the plan's `variables`; a child
   * module's variable is the argument its caller passes, evaluated in the caller's module (recursively).
   */
  private evaluate(expression: unknown, moduleNames: readonly string[], depth = 0): string | undefined {
    if (!isObject(expression) || depth > 32) return undefined;
    if ('constant_value' in expression) return isNonEmptyString(expression.constant_value) ? expression.constant_value : undefined;
    const variable = referencedVariable(expression.references);
    if (variable === undefined) return undefined;
    if (moduleNames.length === 0) return this.rootVariable(variable);
    const parentNames = moduleNames.slice(0, -1);
    const parent = findConfigModule(this.rootModule, parentNames);
    const call = parent ? moduleCall(parent, moduleNames[moduleNames.length - 1]) : undefined;
    if (call && variable in call.expressions) return this.evaluate(call.expressions[variable], parentNames, depth + 1);
    return variableDefault(findConfigModule(this.rootModule, moduleNames), variable);
  }

  private rootVariable(name: string): string | undefined {
    const variable = this.rootVariables[name];
    if (isObject(variable) && isNonEmptyString(variable.value)) return variable.value;
    return variableDefault(this.rootModule, name);
  }
}

/** The variable named by the first `var.x` reference (`var.x`, `var.x.y`, `var.x["k"]` all name `x`). */
function referencedVariable(references: unknown): string | undefined {
  if (!Array.isArray(references)) return undefined;
  for (const reference of references) {
    if (typeof reference !== 'string') continue;
    const match = /^var\.([A-Za-z0-9_-]+)/.exec(reference);
    if (match) return match[1];
  }
  return undefined;
}

function variableDefault(module: JsonObject | undefined, name: string): string | undefined {
  const variables = module && isObject(module.variables) ? module.variables : undefined;
  const variable = variables?.[name];
  return isObject(variable) && isNonEmptyString(variable.default) ? variable.default : undefined;
}

/** `module.a:aws.eu` → `module.a`; `aws` → ''. */
function moduleAddressOfKey(key: string): string {
  const colon = key.lastIndexOf(':');
  return colon === -1 ? '' : key.slice(0, colon);
}

function callNamesOfPath(modulePath: string): string[] {
  return modulePath === '' ? [] : modulePath.split('.').filter((_, index) => index % 2 === 1);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
