import { describe, expect, it } from 'vitest';
import type { CheckFlags } from '../../cli/checkOptions.js';
import type { ConfigOverride } from '../../cli/configFile.js';
import { applyParameterOverrides, failOnFor } from '../../cli/configOverrides.js';
import type { CheckConfig } from '../../cli/loadConfigFile.js';
import type { PreparedAudit } from '../../cli/preparedAudit.js';

function override(stateMachine: string, extra: Partial<ConfigOverride> = {}): ConfigOverride {
  return { where: `c.yml: overrides[${stateMachine}]`, stateMachine, ignore: [], parameters: new Map(), ...extra };
}

function config(overrides: ConfigOverride[], extra: Partial<CheckConfig> = {}): CheckConfig {
  return {
    file: 'c.yml',
    dir: '/repo',
    cwd: '/repo',
    ignore: [],
    overrides,
    failOnFromCommandLine: false,
    parameters: new Map([['Stage', 'prod']]),
    cliParameters: [],
    ...extra,
  };
}

function target(id: string): PreparedAudit {
  return {
    id,
    description: { definition: '{}' },
    simulator: {} as PreparedAudit['simulator'],
    sarifUri: id,
    embedded: false,
  };
}

describe('failOnFor', () => {
  const overrides = [
    override('infra/*.yaml#*', { failOn: 'low' }),
    override('infra/legacy.yaml#*', { failOn: 'none' }),
  ];

  it.each<{ name: string; id: string; fromCli: boolean; level: string }>([
    { name: 'the last matching override', id: 'infra/legacy.yaml#Orders', fromCli: false, level: 'none' },
    { name: 'the only matching override', id: 'infra/app.yaml#Orders', fromCli: false, level: 'low' },
    { name: 'the fallback when none matches', id: 'other.asl.json', fromCli: false, level: 'high' },
    { name: 'the command line over every override', id: 'infra/legacy.yaml#Orders', fromCli: true, level: 'high' },
  ])('gives $name', ({ id, fromCli, level }) => {
    expect(failOnFor(config(overrides, { failOnFromCommandLine: fromCli }), id, 'high')).toBe(level);
  });
});

describe('applyParameterOverrides', () => {
  it('loads a template again with the merged parameters for the targets an override gives parameters', async () => {
    const calls: { template: string[] | undefined; parameter: string[] | undefined; definition: unknown }[] = [];
    const loader = async (flags: CheckFlags) => {
      calls.push({ template: flags.template, parameter: flags.parameter, definition: flags.definition });
      return [target('infra/legacy.yaml#Orders'), target('infra/legacy.yaml#Billing')];
    };
    const settings = config(
      [
        override('infra/legacy.yaml#*', {
          parameters: new Map([
            ['Stage', 'legacy'],
            ['Bucket', 'old'],
          ]),
        }),
        override('infra/legacy.yaml#Orders', { parameters: new Map([['Bucket', 'orders']]) }),
      ],
      { cliParameters: ['Region=eu-west-1', 'Stage=dev'] },
    );
    const before = [target('a.asl.json'), target('infra/legacy.yaml#Orders'), target('infra/legacy.yaml#Billing')];
    const after = await applyParameterOverrides(before, settings, { definition: ['a.asl.json'] } as CheckFlags, loader);
    expect(after.map((t) => t.id)).toEqual(['a.asl.json', 'infra/legacy.yaml#Orders', 'infra/legacy.yaml#Billing']);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(calls).toEqual([
      {
        template: ['infra/legacy.yaml'],
        parameter: ['Stage=dev', 'Bucket=orders', 'Region=eu-west-1'],
        definition: undefined,
      },
      {
        template: ['infra/legacy.yaml'],
        parameter: ['Stage=dev', 'Bucket=old', 'Region=eu-west-1'],
        definition: undefined,
      },
    ]);
  });

  it('refuses parameters for a target that is not a template resource', async () => {
    const settings = config([override('*.asl.json', { parameters: new Map([['Stage', 'x']]) })]);
    await expect(applyParameterOverrides([target('a.asl.json')], settings, {}, async () => [])).rejects.toThrow(
      'c.yml: overrides[*.asl.json]: parameters apply to template resources only, not to a.asl.json',
    );
  });
});
