import { describe, expect, it } from 'vitest';
import { parseScpFile } from '../../shared/local/parseScpFile.js';

const ALLOW_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const DENY_REGIONS = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
    },
  ],
};

describe('parseScpFile', () => {
  it('reads one document as a level of one policy', () => {
    expect(parseScpFile(DENY_REGIONS, 'root.json')).toEqual([{ name: 'root.json', document: DENY_REGIONS }]);
  });

  it('reads an array as one level of several policies, named by index', () => {
    expect(parseScpFile([ALLOW_ALL, DENY_REGIONS], 'ou.json')).toEqual([
      { name: 'ou.json[0]', document: ALLOW_ALL },
      { name: 'ou.json[1]', document: DENY_REGIONS },
    ]);
  });

  it('reads describe-policy output, whose Content is JSON text', () => {
    const value = { Policy: { PolicySummary: { Name: 'RegionLock' }, Content: JSON.stringify(DENY_REGIONS) } };
    expect(parseScpFile(value, 'scp.json')).toEqual([{ name: 'RegionLock', document: DENY_REGIONS }]);
  });

  it.each([
    { name: 'an empty array', value: [], message: 'ou.json: the SCP list is empty' },
    {
      name: 'an array holding a non-policy',
      value: [ALLOW_ALL, 3],
      message: 'ou.json[1]: expected a service control policy',
    },
  ])('rejects $name', ({ value, message }) => {
    expect(() => parseScpFile(value, 'ou.json')).toThrow(message);
  });
});
