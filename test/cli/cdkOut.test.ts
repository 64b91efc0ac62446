import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckFlags } from '../../cli/checkOptions.js';
import { loadCdkAssemblyTargets, loadCdkOutTargets, type TemplateFileLoader } from '../../cli/loadCdkTargets.js';
import type { PreparedAudit } from '../../cli/preparedAudit.js';
import { parseEnvironment, readCloudAssembly } from '../../cli/readCloudAssembly.js';
import { synthesizeCdkOut } from './cdkOutApp.js';

/** Two syntheses of the same app: as the CDK CLI writes cdk.out, and as a bare `app.synth()` does. */
let root: string;
const cliOut = () => join(root, 'cli', 'cdk.out');
const plainOut = () => join(root, 'plain', 'cdk.out');

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sfn-role-audit-cdk-out-'));
  synthesizeCdkOut(cliOut(), { cli: true });
  synthesizeCdkOut(plainOut(), { cli: false });
});

/** A template loader that records `file [stack] region account partition parameters` per call. */
function recordingLoader(): { load: TemplateFileLoader; calls: string[] } {
  const calls: string[] = [];
  const load: TemplateFileLoader = async (path, flags, options) => {
    const placement = [flags.region, flags.account, flags.partition].map((value) => value ?? '-').join(' ');
    const relativePath = path.slice(root.length + 1).replace(/^(cli|plain)\//, '');
    calls.push(`${relativePath} [${options?.stackName}] ${placement} ${(flags.parameter ?? []).join(',') || '-'}`);
    return [{ id: path } as PreparedAudit];
  };
  return { load, calls };
}

/** The nested stack template file CDK wrote for stack Prod-Jobs' `Notify`. */
function nestedTemplateName(out: string): string {
  const assets = JSON.parse(readFileSync(join(out, 'assembly-Prod', 'ProdJobsDB64F8DD.assets.json'), 'utf8'));
  const sources = Object.values(assets.files as Record<string, { source: { path: string } }>).map((f) => f.source.path);
  const nested = sources.find((path) => path.endsWith('.nested.template.json'));
  if (nested === undefined) throw new Error('no nested stack template in the assembly');
  return nested;
}

describe('parseEnvironment', () => {
  it.each<{ name: string; environment: unknown; expected: { account?: string; region?: string } }>([
    {
      name: 'a concrete environment',
      environment: 'aws://111122223333/eu-west-1',
      expected: { account: '111122223333', region: 'eu-west-1' },
    },
    { name: 'an environment-agnostic stack', environment: 'aws://unknown-account/unknown-region', expected: {} },
    {
      name: 'a known Region only',
      environment: 'aws://unknown-account/cn-north-1',
      expected: { region: 'cn-north-1' },
    },
    {
      name: 'an account that is not 12 digits',
      environment: 'aws://1234/us-east-1',
      expected: { region: 'us-east-1' },
    },
    { name: 'not an aws:// URL', environment: 'https://example.com/x', expected: {} },
    { name: 'no environment', environment: undefined, expected: {} },
  ])('reads $name', ({ environment, expected }) => {
    expect(parseEnvironment(environment)).toEqual(expected);
  });
});

describe('readCloudAssembly', () => {
  it.each([
    { name: 'as the CDK CLI writes it', out: cliOut },
    { name: 'as app.synth() writes it', out: plainOut },
  ])('lists every stack, those of the Stage too, with names and environments, $name', async ({ out }) => {
    const stacks = await readCloudAssembly(out());
    expect(
      stacks.map((s) => [s.displayName, s.stackName, s.templatePath.slice(out().length + 1), s.account, s.region]),
    ).toEqual([
      ['Prod/Jobs', 'Prod-Jobs', 'assembly-Prod/ProdJobsDB64F8DD.template.json', '111122223333', 'eu-west-1'],
      ['Orders', 'Orders', 'Orders.template.json', '111122223333', 'eu-west-1'],
      ['Anywhere', 'Anywhere', 'Anywhere.template.json', undefined, undefined],
    ]);
    const orders = stacks[1];
    const machine = [...(orders?.constructPaths ?? [])].find(
      ([, path]) => path === 'Orders/DynamoPutItem/StateMachine/Resource',
    );
    expect(machine?.[0]).toMatch(/^DynamoPutItemStateMachine[0-9A-F]{8}$/);
  });
});

describe('loadCdkAssemblyTargets', () => {
  it.each([
    { name: 'found by its aws:asset:path metadata (CDK CLI)', out: cliOut },
    { name: 'found through the asset manifest (app.synth())', out: plainOut },
  ])('loads every stack template under its stack name and environment, the nested stack $name', async ({ out }) => {
    const { load, calls } = recordingLoader();
    const targets = await loadCdkAssemblyTargets(out(), { region: 'us-east-2', parameter: ['Ignored=1'] }, load);
    expect(targets).toHaveLength(4);
    const nested = nestedTemplateName(out());
    expect(calls).toEqual([
      'cdk.out/assembly-Prod/ProdJobsDB64F8DD.template.json [Prod-Jobs] eu-west-1 111122223333 aws Ignored=1',
      // The run's --parameter, the literal Env, and the parent's {Ref: Alerts} resolved in the parent.
      expect.stringMatching(
        new RegExp(
          `^cdk\\.out/assembly-Prod/${nested.replaceAll('.', '\\.')} \\[Prod-Jobs-NotifyNestedStackNotifyNestedStackResource16EC6E71\\] eu-west-1 111122223333 aws Ignored=1,Env=prod,referencetoProdJobsAlerts3A88E9C4Ref=arn:aws:sns:eu-west-1:111122223333:Prod-Jobs-Alerts91F83244-[A-Z0-9]{12}$`,
        ),
      ),
      'cdk.out/Orders.template.json [Orders] eu-west-1 111122223333 aws Ignored=1',
      // Environment-agnostic: the run's --region, no account (the template loader's default).
      'cdk.out/Anywhere.template.json [Anywhere] us-east-2 - - Ignored=1',
    ]);
  });

  it('keeps --partition over the partition of the stack Region', async () => {
    const { load, calls } = recordingLoader();
    await loadCdkAssemblyTargets(cliOut(), { partition: 'aws-cn' }, load);
    expect(calls[2]).toBe('cdk.out/Orders.template.json [Orders] eu-west-1 111122223333 aws-cn -');
  });

  it('loads each --cdk-out once, in the order given', async () => {
    const { load, calls } = recordingLoader();
    const flags: CheckFlags = { 'cdk-out': [plainOut(), cliOut(), plainOut()] };
    await loadCdkOutTargets(flags, load);
    expect(calls).toHaveLength(8);
    expect(calls[2]).toBe('cdk.out/Orders.template.json [Orders] eu-west-1 111122223333 aws -');
  });
});

describe('loadCdkOutTargets on what is not an assembly', () => {
  function assembly(manifest: unknown, files: Record<string, string> = {}): string {
    const dir = mkdtempSync(join(tmpdir(), 'sfn-role-audit-bad-assembly-'));
    writeFileSync(join(dir, 'manifest.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }

  it.each<{ name: string; dir: () => string; error: (dir: string) => string }>([
    {
      name: 'a folder without manifest.json',
      dir: () => mkdtempSync(join(tmpdir(), 'sfn-role-audit-empty-')),
      error: (dir) => `${dir}: not a CDK cloud assembly, it has no manifest.json (run cdk synth first)`,
    },
    {
      name: 'a manifest.json without artifacts (a web app manifest)',
      dir: () => assembly({ name: 'My PWA', icons: [] }),
      error: (dir) => `${dir}/manifest.json: no "artifacts" (is this the manifest.json of a CDK cloud assembly?)`,
    },
    {
      name: 'a manifest that is not JSON',
      dir: () => assembly('{"artifacts": '),
      error: (dir) => `${dir}/manifest.json: not valid JSON`,
    },
    {
      name: 'a stack without templateFile',
      dir: () => assembly({ artifacts: { App: { type: 'aws:cloudformation:stack', properties: {} } } }),
      error: (dir) => `${dir}/manifest.json: stack App has no templateFile`,
    },
    {
      name: 'a missing template file',
      dir: () =>
        assembly({
          artifacts: { App: { type: 'aws:cloudformation:stack', properties: { templateFile: 'App.template.json' } } },
        }),
      error: (dir) => `cannot read ${dir}/App.template.json: no such file`,
    },
    {
      name: 'a nested assembly that contains itself',
      dir: () => assembly({ artifacts: { Loop: { type: 'cdk:cloud-assembly', properties: { directoryName: '.' } } } }),
      error: (dir) => `${dir}/manifest.json: the assembly contains itself`,
    },
  ])('refuses $name with a one-line InputError', async ({ dir, error }) => {
    const path = dir();
    const { load } = recordingLoader();
    await expect(loadCdkOutTargets({ 'cdk-out': [path] }, load)).rejects.toThrow(error(path));
  });
});
