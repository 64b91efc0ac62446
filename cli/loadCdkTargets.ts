import { join, resolve } from 'node:path';
import { isRecord } from '../shared/local/isRecord.js';
import { readTextFile } from '../shared/local/readTextFile.js';
import { partitionOfRegion } from '../shared/requirements/parseArn.js';
import { loadTemplateModel } from '../shared/template/loadTemplateModel.js';
import type { TemplateModel, TemplateResource } from '../shared/template/model.js';
import { hasUnresolved } from '../shared/template/unresolved.js';
import type { CheckFlags } from './checkOptions.js';
import { contextOverridesFrom } from './loadDefinitionInput.js';
import { loadTemplateFileTargets, parseParameterFlags, placementOf, TEMPLATE_LIMIT } from './loadTemplateTargets.js';
import type { PreparedAudit } from './preparedAudit.js';
import { type CdkStack, readCloudAssembly } from './readCloudAssembly.js';

/** Loads the state machines of one CloudFormation/SAM template file, as `--template FILE` does. */
export type TemplateFileLoader = typeof loadTemplateFileTargets;

/** Nested stacks inside nested stacks deeper than this are not followed (CloudFormation itself allows a few). */
const MAX_NESTING = 16;

/** One CloudFormation template to audit, its stack name and the --parameter values it is loaded with. */
type StackTemplate = { path: string; stackName: string; parameters: string[] };

/**
 * The flags a stack's template is loaded with: the stack's account and Region from the manifest where CDK knows them
 * (an environment-agnostic stack keeps --account/--region or their defaults), the partition of that Region unless
 * --partition is given.
 */
function stackFlags(flags: CheckFlags, stack: CdkStack): CheckFlags {
  const partition = stack.region === undefined ? '' : partitionOfRegion(stack.region, '');
  return {
    ...flags,
    ...(stack.account === undefined ? {} : { account: stack.account }),
    ...(stack.region === undefined ? {} : { region: stack.region }),
    ...(flags.partition === undefined && partition !== '' ? { partition } : {}),
  };
}

/** Every text inside a value (the literal parts of a TemplateURL's `Fn::Join`/`Fn::Sub`). */
function textsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsIn);
  if (isRecord(value)) return Object.values(value).flatMap(textsIn);
  return [];
}

/**
 * The local template of an `AWS::CloudFormation::Stack` resource CDK wrote into the assembly: the `aws:asset:path`
 * of its metadata (with asset metadata on), else the asset whose object key ends its TemplateURL; undefined for a
 * nested stack whose template is not in the assembly (a URL of somebody else's bucket).
 */
function nestedTemplateOf(resource: TemplateResource, stack: CdkStack): string | undefined {
  const metadata = resource.metadata ?? {};
  const assetPath = metadata['aws:asset:path'];
  if (typeof assetPath === 'string' && metadata['aws:asset:property'] === 'TemplateURL') {
    return join(stack.directory, assetPath);
  }
  for (const text of textsIn(resource.properties.TemplateURL)) {
    for (const [key, file] of stack.assetFiles) if (text === key || text.endsWith(`/${key}`)) return file;
  }
  return undefined;
}

/**
 * `Key=Value` for each parameter a nested stack resource passes, resolved in its parent (`{Ref: Topic}` → the
 * topic's ARN, as the parent's own state machines see it). A value the parent cannot know offline is left out, so
 * the child reports it as unresolved (and --parameter can give it).
 */
function nestedParameters(model: TemplateModel, resource: TemplateResource): string[] {
  const parameters = isRecord(resource.properties.Parameters) ? resource.properties.Parameters : {};
  return Object.entries(parameters).flatMap(([key, value]) => {
    const resolved = model.resolve(value);
    const text = typeof resolved === 'number' || typeof resolved === 'boolean' ? String(resolved) : resolved;
    return typeof text === 'string' && !hasUnresolved(text) ? [`${key}=${text}`] : [];
  });
}

/**
 * The stack's template followed by the templates of its nested stacks (CDK `NestedStack`), depth first in resource
 * order, each with the --parameter values it is loaded with: the run's, then those its parent passes. A nested
 * stack deploys as `<parent>-<LogicalId>-<random suffix>`; the suffix is unknown before deploy, so its stack name
 * here is `<parent>-<LogicalId>`. A nested stack whose Condition is false is left out, as CloudFormation does.
 */
async function templatesOf(stack: CdkStack, flags: CheckFlags): Promise<StackTemplate[]> {
  const templates: StackTemplate[] = [];
  const visit = async (template: StackTemplate, depth: number): Promise<void> => {
    templates.push(template);
    if (depth >= MAX_NESTING) return;
    const text = await readTextFile(template.path, TEMPLATE_LIMIT);
    if (!text.includes('AWS::CloudFormation::Stack')) return;
    const model = loadTemplateModel({
      path: template.path,
      text,
      placement: placementOf(flags, template.path, template.stackName),
      parameters: parseParameterFlags(template.parameters),
    });
    for (const resource of model.resources.values()) {
      if (resource.type !== 'AWS::CloudFormation::Stack') continue;
      const path = nestedTemplateOf(resource, stack);
      if (path === undefined) continue;
      const stackName = `${template.stackName}-${resource.logicalId}`;
      const parameters = [...(flags.parameter ?? []), ...nestedParameters(model, resource)];
      await visit({ path, stackName, parameters }, depth + 1);
    }
  };
  await visit({ path: stack.templatePath, stackName: stack.stackName, parameters: flags.parameter ?? [] }, 0);
  return templates;
}

/**
 * The state machines of one stack of a cloud assembly and of its nested stacks, each template loaded as
 * `--template` loads one under the stack's name, account and Region; with `only`, of that one template file alone
 * (a stack's or a nested stack's), or undefined when it is none of this stack's.
 */
export async function loadCdkStackTargets(
  stack: CdkStack,
  flags: CheckFlags,
  loadTemplate: TemplateFileLoader = loadTemplateFileTargets,
  only?: string,
): Promise<PreparedAudit[] | undefined> {
  const placed = stackFlags(flags, stack);
  // The audit derives ARNs in the stack's environment too, not in the run's --region/--account.
  const contextOverrides = contextOverridesFrom(placed);
  const templates = (await templatesOf(stack, placed)).filter(
    (template) => only === undefined || resolve(template.path) === resolve(only),
  );
  if (templates.length === 0) return undefined;
  const targets: PreparedAudit[] = [];
  for (const template of templates) {
    const templateFlags = { ...placed, parameter: template.parameters };
    const loaded = await loadTemplate(template.path, templateFlags, { stackName: template.stackName });
    targets.push(...loaded.map((target) => ({ ...target, contextOverrides })));
  }
  return targets;
}

/**
 * The state machines of one CDK cloud assembly (`cdk synth` output, cdk.out): every stack of its manifest, the
 * stacks of nested assemblies (Stages) and nested stacks, each template loaded as `--template` loads one, under the
 * stack's name, account and Region.
 */
export async function loadCdkAssemblyTargets(
  directory: string,
  flags: CheckFlags,
  loadTemplate: TemplateFileLoader = loadTemplateFileTargets,
): Promise<PreparedAudit[]> {
  const targets: PreparedAudit[] = [];
  for (const stack of await readCloudAssembly(directory)) {
    targets.push(...((await loadCdkStackTargets(stack, flags, loadTemplate)) ?? []));
  }
  return targets;
}

/** The state machines of every `--cdk-out DIR` of the run, assembly by assembly in the order given. */
export async function loadCdkOutTargets(
  flags: CheckFlags,
  loadTemplate: TemplateFileLoader = loadTemplateFileTargets,
): Promise<PreparedAudit[]> {
  const targets: PreparedAudit[] = [];
  for (const directory of new Set(flags['cdk-out'] ?? [])) {
    targets.push(...(await loadCdkAssemblyTargets(directory, flags, loadTemplate)));
  }
  return targets;
}
