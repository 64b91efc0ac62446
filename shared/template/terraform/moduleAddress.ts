import type { ConfigModule } from './planTypes.js';

/** One step of a module instance address: the module call's name and the instance key (`count`/`for_each`). */
export type ModuleStep = { readonly name: string; readonly key?: string };

// `module.NAME` followed by an optional instance key: `[0]` or `["quoted \"key\""]`.
const STEP = /^module\.([A-Za-z_][A-Za-z0-9_-]*)(\[(?:\d+|"(?:[^"\\]|\\.)*")\])?(?:\.|$)/;

/**
 * The steps of a module instance address (`module.a["x"].module.b[0]` → a["x"], b[0]), or undefined when the text is
 * not one; `` is the root module.
 */
export function parseModuleAddress(address: string): ModuleStep[] | undefined {
  const steps: ModuleStep[] = [];
  let rest = address;
  while (rest !== '') {
    const match = STEP.exec(rest);
    if (match === null) return undefined;
    const [whole, name = '', key] = match;
    steps.push(key === undefined ? { name } : { name, key });
    rest = rest.slice(whole.length);
  }
  return steps;
}

/** The address of a list of steps. */
export function formatModuleAddress(steps: readonly ModuleStep[]): string {
  return steps.map((step) => `module.${step.name}${step.key ?? ''}`).join('.');
}

/** The configuration of the module an instance address belongs to (instance keys do not matter), when known. */
export function configModuleOf(root: ConfigModule, moduleAddress: string): ConfigModule | undefined {
  const steps = parseModuleAddress(moduleAddress);
  if (steps === undefined) return undefined;
  let module: ConfigModule | undefined = root;
  for (const step of steps) module = module?.calls.get(step.name)?.module;
  return module;
}

/**
 * Splits an address `MODULE.RESOURCE` into its module instance address and the rest (`module.a[0].aws_x.y["k"]` →
 * `module.a[0]` and `aws_x.y["k"]`).
 */
export function splitModulePrefix(address: string): { moduleAddress: string; rest: string } {
  const steps: ModuleStep[] = [];
  let rest = address;
  for (let match = STEP.exec(rest); match !== null && rest.length > match[0].length; match = STEP.exec(rest)) {
    const [whole, name = '', key] = match;
    steps.push(key === undefined ? { name } : { name, key });
    rest = rest.slice(whole.length);
  }
  return { moduleAddress: formatModuleAddress(steps), rest };
}
