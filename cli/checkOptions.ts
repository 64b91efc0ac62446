import { DEFINITION_OPTIONS } from './definitionOptions.js';

/** The flags of `sfn-role-audit check`. */
export const CHECK_OPTIONS = {
  ...DEFINITION_OPTIONS,
  // Several definition files in one run, all with the same role (the other commands take one).
  definition: { type: 'string', multiple: true },
  policy: { type: 'string', multiple: true },
  'authorization-details': { type: 'string' },
  'role-name': { type: 'string' },
  boundary: { type: 'string' },
  scp: { type: 'string', multiple: true },
  context: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  ignore: { type: 'string', multiple: true },
  simulator: { type: 'string' },
  // Several outputs in one run: `--output FILE` (with --format), or `--output FORMAT=FILE` / `--output FORMAT`.
  output: { type: 'string', short: 'o', multiple: true },
  // Templates (issue 9): CloudFormation/SAM, CDK assemblies, Terraform plans.
  template: { type: 'string', multiple: true },
  'cdk-out': { type: 'string', multiple: true },
  'terraform-plan': { type: 'string', multiple: true },
  parameter: { type: 'string', multiple: true },
  'stack-name': { type: 'string' },
  // CI adoption: a config file, a baseline of accepted findings, SARIF's automationDetails.id.
  config: { type: 'string' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'sarif-category': { type: 'string' },
} as const;

/** The parsed flags of `sfn-role-audit check`. */
export type CheckFlags = {
  [K in keyof typeof CHECK_OPTIONS]?: (typeof CHECK_OPTIONS)[K] extends { multiple: true }
    ? string[]
    : (typeof CHECK_OPTIONS)[K] extends { type: 'boolean' }
      ? boolean
      : string;
};
