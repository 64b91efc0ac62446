import { stat } from 'node:fs/promises';
import type { InputLimit } from '../shared/local/inputLimits.js';
import { isRecord } from '../shared/local/isRecord.js';
import { readTextFile } from '../shared/local/readTextFile.js';
import { TERRAFORM_PLAN_LIMIT } from './loadTerraformTargets.js';
import { parseJsonOrYaml } from './parseJsonOrYaml.js';
import { UsageError } from './UsageError.js';

/** The names of files a directory walk reads: JSON and YAML (`.template` is a CloudFormation habit). */
export const CANDIDATE_FILE = /\.(json|ya?ml|template)$/i;

/** What a file named on the command line (or found in a directory or glob) holds. */
export type InputFileKind = 'template' | 'definition' | 'describe' | 'terraformPlan';

/**
 * The largest file a directory walk or glob reads to find out what it is; larger ones are skipped (a data file
 * beside the code), since no template, definition or describe output comes near it. A file named on the command
 * line is read up to the largest limit of any kind, a Terraform plan's, and then by its kind's loader under its own.
 */
export const FOUND_FILE_LIMIT: InputLimit = {
  bytes: 64 * 1024 * 1024,
  what: 'file found in a folder or by a glob',
  why: 'no template, definition or describe output is that large; name a larger Terraform plan with --terraform-plan',
};

// Top-level keys whose name must appear in the text of a file of some kind: files without any are not parsed.
const TELLTALE = /AWSTemplateFormatVersion|Resources|Transform|StartAt|definition|format_version/;
// A JSON or YAML file that cannot be parsed but names these is taken for a broken input, not skipped.
const LOOKS_LIKE_INPUT = /\b(AWSTemplateFormatVersion|Resources|StartAt|format_version)\b/;

/**
 * The kind of a parsed file by its top-level keys, or undefined for anything else (package.json, a config file):
 * - a Terraform plan (`terraform show -json`): `format_version` and `planned_values` or `resource_changes`
 *   (https://developer.hashicorp.com/terraform/internals/json-format);
 * - a CloudFormation/SAM template: `Resources`, `AWSTemplateFormatVersion` or `Transform`
 *   (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html);
 * - an ASL definition: `StartAt` and `States`
 *   (https://states-language.net/spec.html#toplevelfields);
 * - describe-state-machine output: `definition` with `stateMachineArn`, `roleArn` or `name`
 *   (https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeStateMachine.html).
 */
export function classifyInputValue(value: unknown): InputFileKind | undefined {
  if (!isRecord(value)) return undefined;
  const has = (key: string) => Object.hasOwn(value, key);
  if (has('format_version') && (has('planned_values') || has('resource_changes'))) return 'terraformPlan';
  if (isRecord(value.Resources) || has('AWSTemplateFormatVersion') || has('Transform')) return 'template';
  if (has('StartAt') && has('States')) return 'definition';
  const definition = value.definition;
  if ((typeof definition === 'string' || isRecord(definition)) && ['stateMachineArn', 'roleArn', 'name'].some(has)) {
    return 'describe';
  }
  return undefined;
}

/**
 * Reads a file and says what it is. A file found in a directory or glob (`explicit: false`) that is none of the
 * kinds, or cannot be parsed and names none of their keys, is `undefined` (skipped); one named on the command line
 * that is none of them is a UsageError. A JSON or YAML file that cannot be parsed but names their keys is the
 * parser's InputError wherever it was found: a template with a YAML error must not pass by being skipped. A
 * Terraform plan found in a folder or by a glob counts only when it names `aws_sfn_state_machine`.
 */
export async function classifyInputFile(path: string, explicit: boolean): Promise<InputFileKind | undefined> {
  if (!explicit && (await stat(path)).size > FOUND_FILE_LIMIT.bytes) return undefined;
  const text = await readTextFile(path, explicit ? TERRAFORM_PLAN_LIMIT : FOUND_FILE_LIMIT);
  const telltale = TELLTALE.test(text);
  let kind: InputFileKind | undefined;
  if (telltale) {
    try {
      kind = classifyInputValue(parseJsonOrYaml(path, text));
    } catch (error) {
      if (explicit || (CANDIDATE_FILE.test(path) && LOOKS_LIKE_INPUT.test(text))) throw error;
      return undefined;
    }
  }
  // A plan of other infrastructure found beside the code has nothing to audit (named, it is an error to say so).
  if (kind === 'terraformPlan' && !explicit && !text.includes('aws_sfn_state_machine')) return undefined;
  if (kind === undefined && explicit) {
    throw new UsageError(
      `${path}: not a CloudFormation/SAM template, an ASL definition, describe-state-machine output or a Terraform plan (terraform show -json)`,
    );
  }
  return kind;
}
