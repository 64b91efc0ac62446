import { join } from 'node:path';
import { InputError } from '../shared/local/InputError.js';
import { isRecord } from '../shared/local/isRecord.js';
import { parseJsonText } from '../shared/local/parseJsonText.js';
import { readTextFile } from '../shared/local/readTextFile.js';
import { partitionOfRegion } from '../shared/requirements/parseArn.js';
import type { CheckFlags } from './checkOptions.js';
import type { PreparedAudit } from './preparedAudit.js';
import { CDK_MANIFEST_LIMIT, type CdkStack, readCloudAssembly } from './readCloudAssembly.js';
import { type TemplateFileLoader, templateFileLoader } from './templateFileLoader.js';

/** Nested stacks inside nested stacks deeper than this are not followed (CloudFormation itself allows a few). */
const MAX_NESTING = 16;

/** One CloudFormation template to audit and where it is deployed. */
type StackTemplate = { path: string; stackName: string; parameters: string[] };

/**
 * The flags a stack's template is loaded with: the stack's account and Region from the manifest where CDK knows them
 * (an environment-agnostic stack keeps --account/--region or their defaults), the partition of that Region unless
 * --partition is given, and the parameters its parent stack passes (nested stacks) in place of --parameter.
 */
function stackFlags(flags: CheckFlags, stack: CdkStack, parameters: readonly string[] | undefined): CheckFlags {
  const partition = stack.region === undefined ? '' : partitionOfRegion(stack.region, '');
  return {
    ...flags,
    ...(stack.account === undefined ? {} : { account: stack.account }),
    ...(stack.region === undefined ? {} : { region: stack.region }),
    ...(flags.partition === undefined && partition !== '' ? { partition } : {}),
    ...(parameters === undefined ? {} : { parameter: [...parameters] }),
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
function nestedTemplateOf(resource: Record<string, unknown>, stack: CdkStack): string | undefined {
  const metadata = isRecord(resource.Metadata) ? resource.Metadata : {};
  const assetPath = metadata['aws:asset:path'];
  if (typeof assetPath === 'string' && metadata['aws:asset:property'] === 'TemplateURL') {
    return join(stack.directory, assetPath);
  }
  const properties = isRecord(resource.Properties) ? resource.Properties : {};
  for (const text of textsIn(properties.TemplateURL)) {
    for (const [key, file] of stack.assetFiles) if (text === key || text.endsWith(`/${key}`)) return file;
  }
  return undefined;
}

/** `Key=Value` for each parameter the parent passes as plain text; others (references) stay holes of the child. */
function literalParameters(resource: Record<string, unknown>): string[] {
  const properties = isRecord(resource.Properties) ? resource.Properties : {};
  const parameters = isRecord(properties.Parameters) ? properties.Parameters : {};
  return Object.entries(parameters).flatMap(([key, value]) =>
    typeof value === 'string' || typeof value === 'number' ? [`${key}=${value}`] : [],
  );
}

/**
 * The stack's template followed by the templates of its nested stacks (CDK `NestedStack`), depth first in resource
 * order. A nested stack deploys as `<parent>-<LogicalId>-<random suffix>`; the suffix is unknown before deploy, so
 * its stack name here is `<parent>-<LogicalId>`.
 */
async function templatesOf(stack: CdkStack): Promise<StackTemplate[]> {
  const templates: StackTemplate[] = [];
  const visit = async (template: StackTemplate, depth: number): Promise<void> => {
    templates.push(template);
    if (depth >= MAX_NESTING) return;
    const body = parseJsonText(await readTextFile(template.path, CDK_MANIFEST_LIMIT), template.path);
    const resources = isRecord(body) && isRecord(body.Resources) ? body.Resources : {};
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (!isRecord(resource) || resource.Type !== 'AWS::CloudFormation::Stack') continue;
      const path = nestedTemplateOf(resource, stack);
      if (path === undefined) continue;
      const stackName = `${template.stackName}-${logicalId}`;
      await visit({ path, stackName, parameters: literalParameters(resource) }, depth + 1);
    }
  };
  await visit({ path: stack.templatePath, stackName: stack.stackName, parameters: [] }, 0);
  return templates;
}

/**
 * The state machines of one CDK cloud assembly (`cdk synth` output, cdk.out): every stack of its manifest, the
 * stacks of nested assemblies (Stages) and nested stacks, each template loaded as `--template` loads one, under the
 * stack's name, account and Region.
 */
export async function loadCdkAssemblyTargets(
  directory: string,
  flags: CheckFlags,
  loadTemplate: TemplateFileLoader = templateFileLoader(),
): Promise<PreparedAudit[]> {
  const targets: PreparedAudit[] = [];
  for (const stack of await readCloudAssembly(directory)) {
    const [root, ...nested] = await templatesOf(stack);
    if (root === undefined) throw new InputError(`${stack.templatePath}: no template`);
    targets.push(
      ...(await loadTemplate(root.path, stackFlags(flags, stack, undefined), { stackName: root.stackName })),
    );
    for (const child of nested) {
      const childFlags = stackFlags(flags, stack, child.parameters);
      targets.push(...(await loadTemplate(child.path, childFlags, { stackName: child.stackName })));
    }
  }
  return targets;
}

/** The state machines of every `--cdk-out DIR` of the run, assembly by assembly in the order given. */
export async function loadCdkOutTargets(
  flags: CheckFlags,
  loadTemplate: TemplateFileLoader = templateFileLoader(),
): Promise<PreparedAudit[]> {
  const targets: PreparedAudit[] = [];
  for (const directory of new Set(flags['cdk-out'] ?? [])) {
    targets.push(...(await loadCdkAssemblyTargets(directory, flags, loadTemplate)));
  }
  return targets;
}
