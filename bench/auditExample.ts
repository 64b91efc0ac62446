/** One full offline audit of the bundled example (files read once; audit + evaluator per call), as `npm run example` does. */
import { readFileSync } from 'node:fs';
import { auditStateMachine } from '../shared/audit.js';
import { createAuthorizationDetailsSource } from '../shared/local/createAuthorizationDetailsSource.js';
import { createEmbeddedSimulator } from '../shared/local/createEmbeddedSimulator.js';
import { parseAuthorizationDetails } from '../shared/local/parseAuthorizationDetails.js';
import { parseDescribeOutput } from '../shared/local/parseDescribeOutput.js';

const DIR = 'examples/order-pipeline';
const description = parseDescribeOutput(JSON.parse(readFileSync(`${DIR}/describe-state-machine.json`, 'utf8')), DIR);
const details = parseAuthorizationDetails(JSON.parse(readFileSync(`${DIR}/authorization-details.json`, 'utf8')), DIR);

/** Audits the example and returns how many findings it reported. */
export async function auditExample(): Promise<number> {
  const lookup = await createAuthorizationDetailsSource(details).read(description.roleArn ?? '');
  if (!lookup.found) throw new Error(`example role not found: ${lookup.reason}`);
  const simulator = createEmbeddedSimulator({ identity: lookup.policies.identity });
  const report = await auditStateMachine({
    description,
    simulator,
    ...(lookup.policies.trust === undefined ? {} : { roleTrust: lookup.policies.trust }),
    roleFound: true,
    now: new Date(0),
  });
  return report.findings.length;
}
