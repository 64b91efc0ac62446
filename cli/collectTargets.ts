import { InputError } from '../shared/local/InputError.js';
import type { CheckFlags } from './checkOptions.js';
import type { CliDeps } from './cliDeps.js';
import { loadCdkOutTargets } from './loadCdkTargets.js';
import { loadTemplateFlagTargets } from './loadCdkTemplateTargets.js';
import { loadPositionalTargets } from './loadPositionalTargets.js';
import { loadTerraformTargets } from './loadTerraformTargets.js';
import { prepareDefinitionAudits } from './prepareDefinitionAudits.js';
import type { PreparedAudit } from './preparedAudit.js';
import { prepareLiveAudit } from './prepareLiveAudit.js';

/** True when `check` reads the state machine from AWS (an ARN and no definition file). */
function isLive(flags: CheckFlags): boolean {
  return flags['state-machine-arn'] !== undefined && flags.definition === undefined && flags.describe === undefined;
}

/** True when the run names templates, CDK assemblies, Terraform plans or positional paths. */
function hasTemplateInputs(flags: CheckFlags, positionals: readonly string[]): boolean {
  return (
    positionals.length > 0 ||
    (flags.template?.length ?? 0) > 0 ||
    (flags['cdk-out']?.length ?? 0) > 0 ||
    (flags['terraform-plan']?.length ?? 0) > 0
  );
}

/**
 * Every state machine this run of `check` audits, in a stable order: the one of --definition/--describe (offline)
 * or --state-machine-arn (live), then those of --template/--cdk-out/positional paths, then --terraform-plan.
 */
export async function collectTargets(
  flags: CheckFlags,
  positionals: readonly string[],
  deps: CliDeps,
): Promise<PreparedAudit[]> {
  const targets: PreparedAudit[] = [];
  const templates = hasTemplateInputs(flags, positionals);
  if (isLive(flags)) targets.push(await prepareLiveAudit(flags, deps));
  else if (!templates || flags.definition !== undefined || flags.describe !== undefined) {
    targets.push(...(await prepareDefinitionAudits(flags)));
  }
  if (templates) {
    targets.push(...(await loadTemplateFlagTargets(flags, positionals)));
    targets.push(...(await loadCdkOutTargets(flags)));
    targets.push(...(await loadPositionalTargets(flags, positionals)));
    targets.push(...(await loadTerraformTargets(flags)));
    if (targets.length === 0) throw new InputError('no state machine found in the templates given');
  }
  return targets;
}
