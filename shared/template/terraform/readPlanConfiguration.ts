import { InputError } from '../../local/InputError.js';
import { isRecord } from '../../local/isRecord.js';
import type { ConfigModule, ConfigResource, PlanBlock, ProviderConfig } from './planTypes.js';

const EMPTY: ConfigModule = { resources: [], calls: new Map(), outputs: new Map() };

/** The nesting limit of module calls: deeper than any real configuration, and what keeps a hostile file cheap. */
const MAX_MODULE_DEPTH = 64;

function blockOf(value: unknown): PlanBlock {
  return isRecord(value) ? value : {};
}

function readModule(value: unknown, source: string, where: string, depth: number): ConfigModule {
  if (value === undefined || value === null) return EMPTY;
  if (!isRecord(value)) throw new InputError(`${source}: ${where} is not an object`);
  if (depth > MAX_MODULE_DEPTH)
    throw new InputError(`${source}: ${where}: modules nested deeper than ${MAX_MODULE_DEPTH}`);
  const resources: ConfigResource[] = [];
  if (Array.isArray(value.resources)) {
    for (const item of value.resources) {
      if (!isRecord(item) || typeof item.type !== 'string' || typeof item.name !== 'string') continue;
      resources.push({
        mode: item.mode === 'data' ? 'data' : 'managed',
        type: item.type,
        name: item.name,
        providerConfigKey: typeof item.provider_config_key === 'string' ? item.provider_config_key : undefined,
        expressions: blockOf(item.expressions),
        repeated: item.count_expression !== undefined || item.for_each_expression !== undefined,
      });
    }
  }
  const calls = new Map<string, { expressions: PlanBlock; module: ConfigModule }>();
  if (isRecord(value.module_calls)) {
    for (const [name, call] of Object.entries(value.module_calls)) {
      if (!isRecord(call)) continue;
      const module = readModule(call.module, source, `${where}.module_calls.${name}.module`, depth + 1);
      calls.set(name, { expressions: blockOf(call.expressions), module });
    }
  }
  const outputs = new Map<string, PlanBlock>();
  if (isRecord(value.outputs)) {
    for (const [name, output] of Object.entries(value.outputs)) {
      if (isRecord(output)) outputs.set(name, blockOf(output.expression));
    }
  }
  return { resources, calls, outputs };
}

/**
 * The `configuration` of a plan: the module tree (resources with their expressions, module calls with their
 * arguments, outputs) and the provider blocks by key. A plan without one gives an empty root module.
 */
export function readPlanConfiguration(
  value: unknown,
  source: string,
): { root: ConfigModule; providers: Map<string, ProviderConfig> } {
  const providers = new Map<string, ProviderConfig>();
  if (!isRecord(value)) return { root: EMPTY, providers };
  if (isRecord(value.provider_config)) {
    for (const [key, provider] of Object.entries(value.provider_config)) {
      if (!isRecord(provider)) continue;
      providers.set(key, {
        name: typeof provider.name === 'string' ? provider.name : key,
        moduleAddress: typeof provider.module_address === 'string' ? provider.module_address : '',
        expressions: blockOf(provider.expressions),
      });
    }
  }
  return { root: readModule(value.root_module, source, 'configuration.root_module', 0), providers };
}
