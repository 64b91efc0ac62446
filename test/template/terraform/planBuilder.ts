import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TerraformPlan } from '../../../shared/template/terraform/planTypes.js';
import { readTerraformPlan } from '../../../shared/template/terraform/readTerraformPlan.js';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The path of a plan fixture, relative to the repository root (as a user would type it). */
export function planFixture(name: string): string {
  return `test/fixtures/terraform/${name}`;
}

/** A plan fixture read as `check --terraform-plan` reads it. */
export function readFixturePlan(name: string): TerraformPlan {
  const path = planFixture(name);
  return readTerraformPlan(readFileSync(`${ROOT}${path}`, 'utf8'), path);
}

type Json = Record<string, unknown>;

/** A `resource_changes` entry as `terraform show -json` writes it. */
export function change(
  address: string,
  after: Json | null,
  afterUnknown: unknown = {},
  options: { actions?: string[]; mode?: 'managed' | 'data'; index?: string | number; module?: string } = {},
): Json {
  const { moduleAddress, rest } = splitAddress(address);
  const [type, name] = rest
    .replace(/^data\./, '')
    .replace(/\[.*$/, '')
    .split('.');
  return {
    address,
    ...((options.module ?? moduleAddress) ? { module_address: options.module ?? moduleAddress } : {}),
    mode: options.mode ?? (rest.startsWith('data.') ? 'data' : 'managed'),
    type,
    name,
    ...(options.index === undefined ? {} : { index: options.index }),
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: { actions: options.actions ?? ['create'], before: null, after, after_unknown: afterUnknown },
  };
}

function splitAddress(address: string): { moduleAddress: string; rest: string } {
  const match = /^((?:module\.[\w-]+(?:\[[^\]]+\])?\.)*)(.*)$/.exec(address);
  return { moduleAddress: (match?.[1] ?? '').replace(/\.$/, ''), rest: match?.[2] ?? address };
}

/** A configuration `resources` entry. */
export function configured(address: string, expressions: Json, extra: Json = {}): Json {
  const data = address.startsWith('data.');
  const [type, name] = address.replace(/^data\./, '').split('.');
  return {
    address,
    mode: data ? 'data' : 'managed',
    type,
    name,
    provider_config_key: 'aws',
    expressions,
    schema_version: 0,
    ...extra,
  };
}

/** A plan document from its parts (`format_version` 1.2 unless given). */
export function planJson(parts: Json): Json {
  return { format_version: '1.2', terraform_version: '1.9.8', ...parts };
}

/** A plan document read by readTerraformPlan, as the file `plan.json`. */
export function readPlan(parts: Json): TerraformPlan {
  return readTerraformPlan(JSON.stringify(planJson(parts)), 'plan.json');
}

/** A JSON policy document's text, as jsonencode writes it. */
export function policyText(statements: Json[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

export const TRUST = policyText([
  { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' } },
]);

export const FN = 'arn:aws:lambda:us-east-1:111122223333:function:orders-validate';

/** A one-state definition that invokes `FN`, as jsonencode writes it. */
export const LAMBDA_DEFINITION = JSON.stringify({
  StartAt: 'Validate',
  States: {
    Validate: {
      End: true,
      Parameters: { FunctionName: FN, 'Payload.$': '$' },
      Resource: 'arn:aws:states:::lambda:invoke',
      Type: 'Task',
    },
  },
});
