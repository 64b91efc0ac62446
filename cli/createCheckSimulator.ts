import { createEmbeddedSimulator } from '../shared/local/createEmbeddedSimulator.js';
import { loadPolicyFile } from '../shared/local/parsePolicyFile.js';
import { loadScpFile } from '../shared/local/parseScpFile.js';
import type { NamedPolicy, PermissionSimulator } from '../shared/ports.js';
import type { CheckFlags } from './checkOptions.js';
import { parseContextFlags } from './parseContextFlags.js';

/**
 * The embedded simulator over the role's identity policies and boundary, where --boundary replaces the boundary and
 * --scp (one organization level per file) and --context add what the role's own policies cannot say.
 */
export async function createCheckSimulator(
  flags: CheckFlags,
  role: { identity: NamedPolicy[]; boundary?: NamedPolicy | undefined },
): Promise<PermissionSimulator> {
  const boundary = flags.boundary === undefined ? role.boundary : await loadPolicyFile(flags.boundary);
  const scps: NamedPolicy[][] = [];
  for (const path of flags.scp ?? []) scps.push(await loadScpFile(path));
  const context = parseContextFlags(flags.context ?? []);
  return createEmbeddedSimulator({
    identity: role.identity,
    ...(boundary === undefined ? {} : { boundary }),
    ...(scps.length === 0 ? {} : { scps }),
    ...(Object.keys(context).length === 0 ? {} : { context }),
  });
}
