import { dirname, resolve } from 'node:path';
import type { CheckFlags } from './checkOptions.js';
import { loadCdkStackTargets, type TemplateFileLoader } from './loadCdkTargets.js';
import { loadTemplateFileTargets, loadTemplateTargets } from './loadTemplateTargets.js';
import type { PreparedAudit } from './preparedAudit.js';
import { isCloudAssembly, readCloudAssembly } from './readCloudAssembly.js';

/**
 * The state machines of a template file that CDK wrote into a cloud assembly (`cdk.out/Orders.template.json`, or a
 * nested stack's `*.nested.template.json`), loaded as `--cdk-out` loads it: under its stack's name, account and
 * Region from the manifest (CDK wrote them into the template's ARNs already) and with the parameters its parent
 * passes. Undefined for a template outside an assembly, or one the assembly's manifest does not list.
 */
export async function loadCdkTemplateTargets(
  path: string,
  flags: CheckFlags,
  loadTemplate: TemplateFileLoader = loadTemplateFileTargets,
): Promise<PreparedAudit[] | undefined> {
  const directory = dirname(path);
  if (!(await isCloudAssembly(directory))) return undefined;
  for (const stack of await readCloudAssembly(directory)) {
    if (resolve(stack.directory) !== resolve(directory)) continue;
    const targets = await loadCdkStackTargets(stack, flags, loadTemplate, path);
    if (targets !== undefined) return targets;
  }
  return undefined;
}

/**
 * The state machines of every --template file, in the order given (a file named twice is read once): a template of
 * a CDK cloud assembly as loadCdkTemplateTargets loads it, any other by cli/loadTemplateTargets.ts.
 */
export async function loadTemplateFlagTargets(
  flags: CheckFlags,
  positionals: readonly string[],
): Promise<PreparedAudit[]> {
  const targets: PreparedAudit[] = [];
  for (const path of new Set(flags.template ?? [])) {
    const cdk = await loadCdkTemplateTargets(path, flags);
    targets.push(...(cdk ?? (await loadTemplateTargets({ ...flags, template: [path] }, positionals))));
  }
  return targets;
}
