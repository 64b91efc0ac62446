import { auditStateMachine } from '../../shared/audit.js';
import { applyBaseline } from '../applyBaseline.js';
import { applyIgnoreRules } from '../applyIgnoreRules.js';
import { CHECK_OPTIONS, type CheckFlags } from '../checkOptions.js';
import type { CliDeps } from '../cliDeps.js';
import { collectTargets } from '../collectTargets.js';
import { applyParameterOverrides, failOnFor } from '../configOverrides.js';
import { DEFINITION_HELP } from '../definitionOptions.js';
import { exitCodeFor, FAIL_ON_LEVELS } from '../exitCodeFor.js';
import { applyConfigFile, CONFIG_HELP } from '../loadConfigFile.js';
import { contextOverridesFrom } from '../loadDefinitionInput.js';
import { INPUTS_HELP } from '../loadPositionalTargets.js';
import { TEMPLATE_HELP } from '../loadTemplateTargets.js';
import { TERRAFORM_HELP } from '../loadTerraformTargets.js';
import { OUTPUT_HELP, planOutputs } from '../outputPlan.js';
import { oneOf, parseCommandArgsWithPositionals } from '../parseCommandArgs.js';
import { auditInputOf, type TargetReport } from '../preparedAudit.js';
import { writeOutputs } from '../writeOutputs.js';

/** Help for `sfn-role-audit check`. */
export const CHECK_HELP = `Usage: sfn-role-audit check (--definition FILE | --describe FILE) (--policy FILE… | --authorization-details FILE) [options]
       sfn-role-audit check --state-machine-arn ARN [--simulator aws|local] [options]
       sfn-role-audit check PATH… | --cdk-out DIR… [options]   (templates, folders, globs, CDK apps; several at once)

Checks that the execution role allows everything the definition needs and reports what is missing, what breaks
because of it, and the statement to add.

${DEFINITION_HELP}

${INPUTS_HELP}

${TEMPLATE_HELP}

${TERRAFORM_HELP}

Role, offline (files; no AWS credentials; the embedded IAM evaluator decides; --policy and/or
--authorization-details):
  --policy FILE              an identity policy (repeatable): a policy document, the output of
                             aws iam get-role-policy or aws iam get-policy-version, or a JSON array of
                             them (what sfn-role-audit policy prints for a large definition)
  --authorization-details FILE
                             the output of aws iam get-account-authorization-details; the role's inline and
                             attached managed policies (default versions), permissions boundary and trust policy
                             are read from it. A role missing from the file is a RoleNotFound finding.
  --role-name NAME_OR_ARN    the role in --authorization-details (default: the roleArn of --describe)
  --boundary FILE            permissions boundary policy (replaces the one from --authorization-details)
  --scp FILE                 one level of service control policies (repeatable, root first): a policy document
                             or an array of them
  --context KEY=VALUE        condition context for every request (repeatable; a repeated key makes a list)

Live (AWS credentials from the default provider chain):
  --state-machine-arn ARN    audit the deployed state machine (plain, version or alias ARN); with --definition or
                             --describe the ARN only names the state machine and nothing is read from AWS
  --simulator aws|local      aws (default): iam:SimulatePrincipalPolicy on the role; local: read the role's
                             policies from IAM and use the embedded evaluator (takes --boundary, --scp, --context)
  --region R                 Region of the Step Functions client (default: the ARN's)

${OUTPUT_HELP}
  --fail-on LEVEL            critical|high|medium|low|none: exit 1 when a finding is at or above LEVEL
                             (default high)
  --ignore RULE_OR_PURPOSE   suppress findings of a rule (MissingPermission…) or purpose (cancel, events…);
                             repeatable
${CONFIG_HELP}
  -h, --help                 show this help

Exit codes: 0 no finding at or above --fail-on; 1 at least one; 2 bad usage or unreadable input.
`;

/** `sfn-role-audit check`: audits every target (offline, live or from templates), writes the outputs, exits by --fail-on. */
export async function runCheck(argv: string[], deps: CliDeps): Promise<number> {
  const parsed = parseCommandArgsWithPositionals('check', argv, CHECK_OPTIONS);
  if ((parsed.values as CheckFlags).help === true) {
    deps.io.writeOut(CHECK_HELP);
    return 0;
  }
  const { flags, positionals, config } = await applyConfigFile(parsed.values as CheckFlags, parsed.positionals);
  const failOn = oneOf('fail-on', flags['fail-on'], FAIL_ON_LEVELS, 'high');
  const outputs = planOutputs(flags, failOn);
  const contextOverrides = contextOverridesFrom(flags);
  const targets = await applyParameterOverrides(await collectTargets(flags, positionals, deps), config, flags);
  const now = deps.now?.() ?? new Date();
  const audited: TargetReport[] = [];
  for (const target of targets) {
    const report = await auditStateMachine(auditInputOf(target, contextOverrides, flags.ignore ?? [], now));
    audited.push({ target, report });
  }
  const results = await applyBaseline(applyIgnoreRules(audited, config, now, deps.io), flags, deps);
  await writeOutputs(results, { ...outputs, failOnOf: (id) => failOnFor(config, id, failOn) }, deps);
  return Math.max(
    0,
    ...results.map(({ target, report }) => exitCodeFor(report.findings, failOnFor(config, target.id, failOn))),
  );
}
