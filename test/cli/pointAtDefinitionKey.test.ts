import { describe, expect, it } from 'vitest';
import { pointAtDefinitionKey } from '../../cli/pointAtDefinitionKey.js';

const DESCRIBE = '{\n    "name": "orders",\n    "definition": "{\\"StartAt\\": \\"A\\"}",\n    "roleArn": "r"\n}\n';

function sarif(region: unknown) {
  return JSON.stringify({
    version: '2.1.0',
    runs: [
      {
        results: [
          {
            ruleId: 'MissingPermission',
            locations: [{ physicalLocation: { artifactLocation: { uri: 'sm.json' }, region } }],
          },
          { ruleId: 'RoleNotFound', locations: [{ physicalLocation: { artifactLocation: { uri: 'sm.json' } } }] },
        ],
      },
    ],
  });
}

describe('pointAtDefinitionKey', () => {
  it('points every result at the line and column of the "definition" key', () => {
    const out = JSON.parse(pointAtDefinitionKey(sarif({ startLine: 1 }), DESCRIBE));
    const regions = out.runs[0].results.map(
      (result: { locations: { physicalLocation: { region: unknown } }[] }) =>
        result.locations[0]?.physicalLocation.region,
    );
    expect(regions).toEqual([
      { startLine: 3, startColumn: 5 },
      { startLine: 3, startColumn: 5 },
    ]);
  });

  it('leaves the log unchanged when the file has no definition key', () => {
    const log = sarif({ startLine: 1 });
    expect(pointAtDefinitionKey(log, '{"name": "x"}')).toBe(log);
  });
});
