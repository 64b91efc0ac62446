import { loadCatalogue } from './loadCatalogue.js';
import { normalisePartition } from './normalisePartition.js';
import type { Integration } from './types.js';

/** Keys of the entries for Resources that are not `arn:aws:states:::…` patterns. */
const LAMBDA_FUNCTION_ARN_KEY = 'lambda-function-arn';
const ACTIVITY_ARN_KEY = 'activity-arn';
// biome-ignore lint/suspicious/noTemplateCurlyInString: the generic SDK entry's key is a template
const SDK_KEY = 'arn:aws:states:::aws-sdk:${SdkService}:${ApiAction}';
const SDK_CALLBACK_KEY = `${SDK_KEY}.waitForTaskToken`;

/** `arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]` (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html). */
const LAMBDA_FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(?::[A-Za-z0-9_$-]+)?$/;
/** `arn:PARTITION:states:REGION:ACCOUNT:activity:NAME` (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-activities.html). */
const ACTIVITY_ARN = /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:activity:\S+$/;
/** `arn:aws:states:::aws-sdk:SERVICE:ACTION[.waitForTaskToken]`; `.sync` is not supported (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html). */
const SDK_RESOURCE = /^arn:aws:states:::aws-sdk:[a-z0-9]+:[A-Za-z0-9]+(\.waitForTaskToken)?$/;

let taskEntries: ReadonlyMap<string, Integration> | undefined;

/** Task entries by their Resource, built on the first lookup. */
function taskEntry(key: string): Integration | undefined {
  taskEntries ??= new Map(
    loadCatalogue()
      .filter((entry) => entry.kind === 'task')
      .map((entry) => [entry.resource, entry]),
  );
  return taskEntries.get(key);
}

/**
 * The catalogue entry of a Task state's `Resource` in any partition: an optimized integration by exact match, a
 * plain Lambda function ARN, an activity ARN, or an AWS SDK integration (`sdkIamActions` then gives its actions);
 * undefined when the catalogue does not know it.
 */
export function findIntegration(resource: string): Integration | undefined {
  const normalised = normalisePartition(resource);
  if (normalised.startsWith('arn:aws:states:::')) {
    const sdk = SDK_RESOURCE.exec(normalised);
    if (sdk !== null) return taskEntry(sdk[1] === undefined ? SDK_KEY : SDK_CALLBACK_KEY);
    return normalised.includes('$') ? undefined : taskEntry(normalised);
  }
  if (LAMBDA_FUNCTION_ARN.test(resource)) return taskEntry(LAMBDA_FUNCTION_ARN_KEY);
  if (ACTIVITY_ARN.test(resource)) return taskEntry(ACTIVITY_ARN_KEY);
  return undefined;
}
