import { basename, dirname, extname, join } from 'node:path';
import { definitionUnavailableFinding } from '../shared/findings/definitionUnavailableFinding.js';
import { roleOutsideTemplateFinding } from '../shared/findings/roleOutsideTemplateFinding.js';
import { unresolvedTemplateValueFinding } from '../shared/findings/unresolvedTemplateValueFinding.js';
import { InputError } from '../shared/local/InputError.js';
import { INPUT_LIMITS, type InputLimit } from '../shared/local/inputLimits.js';
import { readTextFile } from '../shared/local/readTextFile.js';
import type { NamedPolicy } from '../shared/ports.js';
import { partitionOfRegion } from '../shared/requirements/parseArn.js';
import { type LoadedTemplateModel, loadTemplateModel } from '../shared/template/loadTemplateModel.js';
import type { StackPlacement } from '../shared/template/model.js';
import { parseTemplateText } from '../shared/template/parseTemplateText.js';
import { executionRoleOf } from '../shared/template/role/executionRoleOf.js';
import { readable } from '../shared/template/role/roleContext.js';
import { type TemplateStateMachine, templateStateMachines } from '../shared/template/templateStateMachines.js';
import type { Finding } from '../shared/types.js';
import type { CheckFlags } from './checkOptions.js';
import { createCheckSimulator } from './createCheckSimulator.js';
import { loadSubstitutions } from './loadSubstitutions.js';
import type { PreparedAudit } from './preparedAudit.js';
import { type OutsideRole, outsideRoleOnce } from './readOutsideRole.js';
import { substituteText } from './substituteDefinition.js';
import { UsageError } from './UsageError.js';

/**
 * A template file is read up to 4 MiB: CloudFormation takes template bodies of at most 1 MB from S3
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html), SAM templates before
 * their transform are smaller still.
 */
export const TEMPLATE_LIMIT: InputLimit = {
  bytes: 4 * 1024 * 1024,
  what: 'template file',
  why: 'CloudFormation accepts templates of at most 1 MB',
};

/** Help for the template flags of `check`. */
export const TEMPLATE_HELP = `Templates (CloudFormation and SAM, JSON or YAML with short-form tags; docs/templates.md):
  --template FILE            audit every state machine of the template (repeatable); its role comes from the
                             template, or from --policy/--authorization-details when the template only names it
  --parameter KEY=VALUE      a template parameter's value (repeatable; wins over its Default);
                             Fn::ImportValue:EXPORT=VALUE gives an import
  --stack-name NAME          the stack name in pseudo parameters and generated names (default: the file's base
                             name); --region (default us-east-1), --account (default 123456789012), --partition`;

/** Where templates deploy when the flags do not say: a fixed, documented placement (docs/templates.md). */
export const DEFAULT_PLACEMENT = { region: 'us-east-1', account: '123456789012' } as const;

/** A CloudFormation stack name from a file name: letters, digits and hyphens, starting with a letter, ≤ 128. */
export function stackNameOf(path: string): string {
  const base = basename(path, extname(path))
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const name = /^[A-Za-z]/.test(base) ? base : `stack-${base}`;
  return name.replace(/-+$/, '').slice(0, 128) || 'stack';
}

/** `--parameter KEY=VALUE` (repeatable; a later one wins; VALUE may be empty). */
export function parseParameterFlags(pairs: readonly string[]): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UsageError(`--parameter must be KEY=VALUE (VALUE may be empty), not "${pair}"`);
    parameters.set(pair.slice(0, equals), pair.slice(equals + 1));
  }
  return parameters;
}

/**
 * Where a template loaded with these flags deploys: --region/--account/--partition (else the defaults), and the stack
 * name given (a CDK stack's), else --stack-name, else one made from the file name.
 */
export function placementOf(flags: CheckFlags, path: string, stackName: string | undefined): StackPlacement {
  const region = flags.region ?? DEFAULT_PLACEMENT.region;
  const account = flags.account ?? DEFAULT_PLACEMENT.account;
  if (!/^(\d{12}|\*)$/.test(account)) throw new UsageError('--account must be a 12-digit account id');
  return {
    region,
    account,
    partition: flags.partition ?? partitionOfRegion(region, 'aws'),
    stackName: stackName ?? flags['stack-name'] ?? stackNameOf(path),
  };
}

type Definition =
  | { text: string; yaml: boolean; sarifUri: string; sarifText: string; embedded: boolean }
  | { unavailable: Finding };

/** The definition of a state machine: inline in the template, a DefinitionUri file (JSON or YAML), or unavailable. */
async function definitionOf(model: LoadedTemplateModel, machine: TemplateStateMachine): Promise<Definition> {
  const arn = machine.description.stateMachineArn ?? null;
  const source = machine.definition;
  if (source.kind === 'text') {
    return { text: source.text, yaml: false, sarifUri: model.path, sarifText: model.text, embedded: true };
  }
  if (source.kind === 'unavailable') {
    return { unavailable: definitionUnavailableFinding({ stateMachineArn: arn, ...source }) };
  }
  const file = join(dirname(model.path), source.path);
  let text: string;
  try {
    text = await readTextFile(file, INPUT_LIMITS.definition);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const reason = `its DefinitionUri file cannot be read (${error.message})`;
    const docs =
      'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-statemachine.html#sam-statemachine-definitionuri';
    return { unavailable: definitionUnavailableFinding({ stateMachineArn: arn, location: file, reason, docs }) };
  }
  // The file is JSON or YAML, as CloudFormation reads a DefinitionS3Location (SAM uploads the DefinitionUri file there).
  const yaml = !text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{');
  return { text, yaml, sarifUri: file, sarifText: text, embedded: false };
}

/**
 * The definition text Step Functions receives: DefinitionSubstitutions applied to the text as written, then a YAML
 * file converted to JSON, in CloudFormation's order for a DefinitionS3Location (substitute, then parse JSON, else
 * YAML; https://github.com/aws-cloudformation/aws-cloudformation-resource-providers-stepfunctions/blob/1d43b1a5fbf2b2c120f6fb62a109086beb3c3d11/statemachine/src/main/java/com/amazonaws/stepfunctions/cloudformation/statemachine/DefinitionProcessor.java).
 */
function finalDefinition(
  definition: Extract<Definition, { text: string }>,
  substitutions: Map<string, string>,
): string {
  const text = substituteText(definition.text, substitutions, definition.sarifUri);
  if (!definition.yaml) return text;
  return JSON.stringify(parseTemplateText(text, definition.sarifUri).value);
}

function uniqueById(findings: readonly Finding[]): Finding[] {
  return [...new Map(findings.map((finding) => [finding.id, finding])).values()];
}

/** One PreparedAudit for one state machine of the template. */
async function targetOf(
  model: LoadedTemplateModel,
  machine: TemplateStateMachine,
  flags: CheckFlags,
  outside: () => Promise<OutsideRole>,
): Promise<PreparedAudit> {
  const { resource } = machine;
  const roleNotes = new Set<string>();
  const role = executionRoleOf(model.noting(roleNotes), resource);
  const arn = machine.description.stateMachineArn ?? null;
  const findings: Finding[] = [...role.findings];
  const definition = await definitionOf(model, machine);
  if ('unavailable' in definition) findings.push(definition.unavailable);
  let simulatorRole: { identity: NamedPolicy[]; boundary?: NamedPolicy | undefined } = {
    identity: [...role.identity],
    boundary: role.boundary,
  };
  let roleTrust = role.trust;
  let roleFound: boolean | undefined;
  let rolePoliciesUnknown = false;
  let roleArn = role.roleArn === undefined ? undefined : readable(role.roleArn);
  if (!role.inTemplate) {
    const external = await outside();
    const lookup = external.given ? await external.read(role.roleArn) : undefined;
    if (lookup === undefined || lookup.known === false) {
      rolePoliciesUnknown = true;
      findings.push(roleOutsideTemplateFinding(arn, roleArn));
    } else {
      simulatorRole = { identity: lookup.identity, boundary: lookup.boundary };
      roleTrust = lookup.trust;
      roleFound = lookup.found;
      roleArn = lookup.roleArn ?? roleArn;
    }
  }
  for (const note of [...machine.notes, ...roleNotes]) findings.push(unresolvedTemplateValueFinding(arn, note));
  const substitutions = new Map([...machine.substitutions, ...(await loadSubstitutions(flags))]);
  const text = 'unavailable' in definition ? '' : finalDefinition(definition, substitutions);
  const position = machine.position;
  return {
    id: `${model.path}#${resource.logicalId}`,
    description: { ...machine.description, definition: text, ...(roleArn === undefined ? {} : { roleArn }) },
    simulator: await createCheckSimulator(flags, simulatorRole),
    ...(roleTrust === undefined ? {} : { roleTrust }),
    ...(roleFound === undefined ? {} : { roleFound }),
    sarifUri: 'unavailable' in definition ? model.path : definition.sarifUri,
    sarifText: 'unavailable' in definition ? model.text : definition.sarifText,
    embedded: 'unavailable' in definition ? true : definition.embedded,
    ...('unavailable' in definition || !definition.yaml ? {} : { sarifYaml: true }),
    inputFindings: uniqueById(findings),
    ...('unavailable' in definition ? { definitionUnavailable: true } : {}),
    ...(rolePoliciesUnknown ? { rolePoliciesUnknown: true } : {}),
    ...(machine.ignore.length === 0 ? {} : { ignore: machine.ignore }),
    ...(position === undefined ? {} : { resource: { uri: model.path, text: model.text, ...position } }),
  };
}

/**
 * The state machines of one CloudFormation/SAM template file (JSON or YAML), one PreparedAudit each (id
 * `PATH#LogicalId`) in document order; none for a template without state machines. The placement is --region
 * (default us-east-1), --account (default 123456789012), --partition (default: the Region's), and the stack name
 * `options.stackName` (CDK assemblies), else --stack-name, else the file's base name. --parameter values fill the
 * template's parameters (`Fn::ImportValue:EXPORT=VALUE` its imports); --policy/--authorization-details describe the
 * role of state machines whose role the template does not define.
 */
export async function loadTemplateFileTargets(
  path: string,
  flags: CheckFlags,
  options: { stackName?: string } = {},
): Promise<PreparedAudit[]> {
  const text = await readTextFile(path, TEMPLATE_LIMIT);
  const placement = placementOf(flags, path, options.stackName);
  const model = loadTemplateModel({ path, text, placement, parameters: parseParameterFlags(flags.parameter ?? []) });
  const readOutside = outsideRoleOnce(flags);
  const targets: PreparedAudit[] = [];
  for (const machine of templateStateMachines(model)) targets.push(await targetOf(model, machine, flags, readOutside));
  const line = (target: PreparedAudit) => target.resource?.line ?? 0;
  return targets.sort((a, b) => line(a) - line(b));
}

/** The state machines of every --template file, in the order given (a file named twice is read once). */
export async function loadTemplateTargets(
  flags: CheckFlags,
  _positionals: readonly string[],
): Promise<PreparedAudit[]> {
  const targets: PreparedAudit[] = [];
  for (const path of new Set(flags.template ?? [])) targets.push(...(await loadTemplateFileTargets(path, flags)));
  return targets;
}
