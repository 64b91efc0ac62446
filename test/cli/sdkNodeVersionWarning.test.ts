import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SDK_NODE_VERSION_WARNING_SWITCH,
  silenceSdkNodeVersionWarning,
} from '../../cli/silenceSdkNodeVersionWarning.js';
import { CLI, ensureCliBuilt, ROOT } from './builtCli.js';

beforeAll(ensureCliBuilt);

const ARN = 'arn:aws:states:us-east-1:111122223333:stateMachine:orders';
const NODE_MAJOR = Number(process.versions.node.split('.')[0]);

/** A live check against a closed loopback port: the SDK makes its clients (and, on Node.js < 22, warns), then fails. */
function runLiveCheck(options: { nodeArgs?: string[]; env?: Record<string, string> } = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')));
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, 'check', '--state-machine-arn', ARN], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      ...clean,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      ...options.env,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('silenceSdkNodeVersionWarning', () => {
  it('sets the SDK switch when it is unset', () => {
    const env: Record<string, string | undefined> = {};
    silenceSdkNodeVersionWarning(env);
    expect(env).toEqual({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  });

  it('keeps a value the user set', () => {
    const env: Record<string, string | undefined> = { [SDK_NODE_VERSION_WARNING_SWITCH]: 'false' };
    silenceSdkNodeVersionWarning(env);
    expect(env[SDK_NODE_VERSION_WARNING_SWITCH]).toBe('false');
  });
});

describe('sfn-role-audit and the SDK Node.js version warning', () => {
  it('fails a live check with exactly one line on stderr and no NodeVersionSupportWarning', () => {
    const run = runLiveCheck();
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toContain('NodeVersionSupportWarning');
    expect(run.stderr).toMatch(/^sfn-role-audit: [^\n]*DescribeStateMachine[^\n]*ECONNREFUSED[^\n]*\n$/);
  });

  it('still prints every other process warning', () => {
    const run = runLiveCheck({
      nodeArgs: ['--import', 'data:text/javascript,process.emitWarning("KeptWarningMarker")'],
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Warning: KeptWarningMarker');
    expect(run.stderr).not.toContain('NodeVersionSupportWarning');
  });

  it.runIf(NODE_MAJOR < 22)('prints the SDK warning when the user turns the switch off (so the test can fail)', () => {
    const run = runLiveCheck({ env: { [SDK_NODE_VERSION_WARNING_SWITCH]: 'false' } });
    expect(run.stderr).toContain('NodeVersionSupportWarning');
  });
});
