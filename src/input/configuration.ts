/**
 * Read-only views over a plan's `configuration` block: the module tree (module_calls → module) and
 * its resources' provider_config_key. The plan's values do not say which provider *configuration* a
 * resource uses (only the provider type), so region resolution goes through here.
 */
import { isObject, type JsonObject } from './shape.js';

export interface ModuleCallView {
  source?: string;
  expressions: JsonObject;
  module: JsonObject;
}

/** The config module reached by following call names from the root; undefined when any step is missing. */
export function findConfigModule(rootModule: JsonObject | undefined, names: readonly string[]): JsonObject | undefined {
  let current = rootModule;
  for (const name of names) {
    const call = current ? moduleCall(current, name) : undefined;
    if (!call) return undefined;
    current = call.module;
  }
  return current;
}

export function moduleCall(module: JsonObject, name: string): ModuleCallView | undefined {
  const calls = module.module_calls;
  if (!isObject(calls)) return undefined;
  const call = calls[name];
  if (!isObject(call)) return undefined;
  return {
    source: typeof call.source === 'string' ? call.source : undefined,
    expressions: isObject(call.expressions) ? call.expressions : {},
    module: isObject(call.module) ? call.module : {},
  };
}

/** `mode.type.name` → provider_config_key for the resources declared directly in a config module. */
export function providerKeysOf(module: JsonObject): Map<string, string> {
  const keys = new Map<string, string>();
  const resources = Array.isArray(module.resources) ? (module.resources as unknown[]) : [];
  for (const resource of resources) {
    if (!isObject(resource) || typeof resource.provider_config_key !== 'string') continue;
    const mode = resource.mode === 'data' ? 'data' : 'managed';
    keys.set(resourceKey(mode, String(resource.type), String(resource.name)), resource.provider_config_key);
  }
  return keys;
}

export function resourceKey(mode: string, type: string, name: string): string {
  return `${mode}.${type}.${name}`;
}

export function rootConfigModule(raw: JsonObject): JsonObject | undefined {
  const configuration = raw.configuration;
  return isObject(configuration) && isObject(configuration.root_module) ? configuration.root_module : undefined;
}
