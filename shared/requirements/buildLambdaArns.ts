import type { Location } from './location.js';
import { parseArn } from './parseArn.js';

/** A Lambda function named in a task: its name, optional qualifier and where it lives. */
type LambdaFunction = { name: string; qualifier: string | undefined; location: Partial<Location> };

const PARTIAL_ARN = /^(\d{12}):function:([^:]+)(?::(.+))?$/;

/**
 * Reads the forms Lambda accepts for FunctionName: `name`, `name:qualifier`, `ACCOUNT:function:name[:qualifier]`
 * and the full ARN. https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html#API_Invoke_RequestSyntax
 */
function readFunctionName(functionName: string): LambdaFunction | undefined {
  const arn = parseArn(functionName);
  if (arn !== undefined) {
    const [type, name, qualifier] = arn.resource.split(':');
    if (type !== 'function' || !name) return undefined;
    return {
      name,
      qualifier: qualifier || undefined,
      location: { partition: arn.partition, region: arn.region, account: arn.account },
    };
  }
  const partial = PARTIAL_ARN.exec(functionName);
  if (partial !== null) return { name: partial[2] ?? '', qualifier: partial[3], location: { account: partial[1] } };
  // NAME or NAME:QUALIFIER (anything after a second colon is ignored), read without splitting into an array.
  const colon = functionName.indexOf(':');
  const name = colon === -1 ? functionName : functionName.slice(0, colon);
  if (!name) return undefined;
  if (colon === -1) return { name, qualifier: undefined, location: {} };
  const end = functionName.indexOf(':', colon + 1);
  const qualifier = functionName.slice(colon + 1, end === -1 ? functionName.length : end);
  return { name, qualifier: qualifier || undefined, location: {} };
}

/**
 * The function ARNs a Lambda invoke needs. A qualified call (`name:alias`, `name:3` or a `Qualifier` field) is
 * authorised on exactly the qualified ARN; an unqualified one on the unqualified function ARN only
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html). The catalogue's extra
 * `function:NAME:*` is what console- and CDK-generated roles grant for convenience, not what Invoke is authorised
 * on: requiring it would report a role that grants exactly `function:NAME` — which works — as broken.
 */
export function buildLambdaArns(functionName: string, qualifier: string | undefined, defaults: Location): string[] {
  const fn = readFunctionName(functionName);
  if (fn === undefined) return [];
  const partition = fn.location.partition || defaults.partition;
  const region = fn.location.region || defaults.region;
  const account = fn.location.account || defaults.account;
  const base = `arn:${partition}:lambda:${region}:${account}:function:${fn.name}`;
  const q = fn.qualifier ?? qualifier;
  return q === undefined || q === '' ? [base] : [`${base}:${q}`];
}

/**
 * The function ARN pattern for a FunctionName only known at run time that starts with `prefix`, when the prefix
 * already reaches the function name (the last ARN component); undefined when it does not.
 */
export function narrowLambdaArn(prefix: string, defaults: Location): string | undefined {
  if (prefix.startsWith('arn:')) {
    const parts = prefix.split(':');
    return parts.length >= 7 && parts[5] === 'function' && (parts[6] ?? '') !== '' ? `${prefix}*` : undefined;
  }
  const partial = /^(\d{12}):function:([^:]+)$/.exec(prefix);
  if (partial !== null) {
    return `arn:${defaults.partition}:lambda:${defaults.region}:${partial[1]}:function:${partial[2]}*`;
  }
  if (prefix === '' || prefix.includes(':')) return undefined;
  return `arn:${defaults.partition}:lambda:${defaults.region}:${defaults.account}:function:${prefix}*`;
}
