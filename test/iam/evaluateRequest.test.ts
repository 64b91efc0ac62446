import { describe, expect, it } from 'vitest';
import { evaluateRequest } from '../../shared/iam/evaluateRequest.js';
import type { EvaluationInput } from '../../shared/iam/types.js';
import type { NamedPolicy } from '../../shared/ports.js';
import type { PolicyStatement } from '../../shared/types.js';
import { ALLOWED, conditional, IDENTITY_DENIES, type Outcome, outcomeOf } from './decide.js';

const ACTION = 'states:StartExecution';
const RESOURCE = 'arn:aws:states:us-east-1:111122223333:stateMachine:child';

function policy(name: string, ...statements: PolicyStatement[]): NamedPolicy {
  return { name, document: { Version: '2012-10-17', Statement: statements } };
}

const ALLOW_ALL: PolicyStatement = { Effect: 'Allow', Action: '*', Resource: '*' };
const ALLOW_STATES: PolicyStatement = { Effect: 'Allow', Action: 'states:*', Resource: '*' };
const DENY_STATES: PolicyStatement = { Effect: 'Deny', Action: 'states:StartExecution', Resource: '*' };
const ALLOW_S3_ONLY: PolicyStatement = { Effect: 'Allow', Action: 's3:*', Resource: '*' };
const ALLOW_IN_REGION: PolicyStatement = {
  Effect: 'Allow',
  Action: 'states:*',
  Resource: '*',
  Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
};
const ALLOW_WITH_TAG: PolicyStatement = {
  Effect: 'Allow',
  Action: 'states:*',
  Resource: '*',
  Condition: { StringEquals: { 'aws:ResourceTag/team': 'orders' } },
};

type Row = { name: string; input: EvaluationInput; context?: Record<string, string>; expected: Outcome };

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
const LAYERS: Row[] = [
  { name: 'an identity Allow allows', input: { identity: [policy('id', ALLOW_STATES)] }, expected: ALLOWED },
  {
    name: 'no identity Allow denies implicitly',
    input: { identity: [policy('id', ALLOW_S3_ONLY)] },
    expected: IDENTITY_DENIES,
  },
  { name: 'no identity policy at all denies implicitly', input: { identity: [] }, expected: IDENTITY_DENIES },
  {
    name: 'an identity Deny beats an identity Allow',
    input: { identity: [policy('a', ALLOW_ALL), policy('b', DENY_STATES)] },
    expected: { decision: 'explicitDeny', deniedBy: 'identity' },
  },
  {
    name: 'a boundary Deny beats an identity Allow',
    input: { identity: [policy('id', ALLOW_ALL)], boundary: policy('pb', ALLOW_ALL, DENY_STATES) },
    expected: { decision: 'explicitDeny', deniedBy: 'boundary' },
  },
  {
    name: 'an identity Allow the boundary lacks is denied by the boundary',
    input: { identity: [policy('id', ALLOW_STATES)], boundary: policy('pb', ALLOW_S3_ONLY) },
    expected: { decision: 'implicitDeny', deniedBy: 'boundary' },
  },
  {
    name: 'a boundary Allow grants nothing by itself',
    input: { identity: [policy('id', ALLOW_S3_ONLY)], boundary: policy('pb', ALLOW_ALL) },
    expected: IDENTITY_DENIES,
  },
  {
    name: 'identity and boundary both allowing allow',
    input: { identity: [policy('id', ALLOW_STATES)], boundary: policy('pb', ALLOW_ALL) },
    expected: ALLOWED,
  },
  {
    name: 'an SCP Deny beats every Allow',
    input: { identity: [policy('id', ALLOW_ALL)], scps: [[policy('FullAWSAccess', ALLOW_ALL, DENY_STATES)]] },
    expected: { decision: 'explicitDeny', deniedBy: 'scp' },
  },
  {
    name: 'an SCP level without an Allow denies implicitly',
    input: { identity: [policy('id', ALLOW_ALL)], scps: [[policy('root', ALLOW_ALL)], [policy('ou', ALLOW_S3_ONLY)]] },
    expected: { decision: 'implicitDeny', deniedBy: 'scp' },
  },
  {
    name: 'one allowing policy is enough for an SCP level',
    input: {
      identity: [policy('id', ALLOW_ALL)],
      scps: [[policy('root', ALLOW_ALL)], [policy('s3', ALLOW_S3_ONLY), policy('states', ALLOW_STATES)]],
    },
    expected: ALLOWED,
  },
  {
    name: 'an empty SCP level denies implicitly',
    input: { identity: [policy('id', ALLOW_ALL)], scps: [[policy('root', ALLOW_ALL)], []] },
    expected: { decision: 'implicitDeny', deniedBy: 'scp' },
  },
  {
    name: 'an explicit Deny names the first denying layer',
    input: {
      identity: [policy('id', ALLOW_ALL, DENY_STATES)],
      boundary: policy('pb', ALLOW_ALL, DENY_STATES),
      scps: [[policy('root', DENY_STATES)]],
    },
    expected: { decision: 'explicitDeny', deniedBy: 'identity' },
  },
  {
    name: 'an explicit Deny in a later layer beats an implicit deny in an earlier one',
    input: { identity: [policy('id', ALLOW_S3_ONLY)], scps: [[policy('root', ALLOW_ALL, DENY_STATES)]] },
    expected: { decision: 'explicitDeny', deniedBy: 'scp' },
  },
  {
    name: 'an implicit deny names the first failing layer',
    input: {
      identity: [policy('id', ALLOW_S3_ONLY)],
      boundary: policy('pb', ALLOW_S3_ONLY),
      scps: [[policy('root', ALLOW_S3_ONLY)]],
    },
    expected: IDENTITY_DENIES,
  },
  {
    name: 'an identity Allow lacking context is conditional',
    input: { identity: [policy('id', ALLOW_IN_REGION)] },
    expected: conditional('aws:RequestedRegion'),
  },
  {
    name: 'an unconditional Allow makes a conditional one irrelevant',
    input: { identity: [policy('a', ALLOW_IN_REGION), policy('b', ALLOW_STATES)] },
    expected: ALLOWED,
  },
  {
    name: 'missing keys of several undecided Allows are all named, sorted',
    input: { identity: [policy('a', ALLOW_WITH_TAG), policy('b', ALLOW_IN_REGION)] },
    expected: conditional('aws:RequestedRegion', 'aws:ResourceTag/team'),
  },
  {
    name: 'a conditional identity Allow with a denying boundary is denied by the boundary',
    input: { identity: [policy('id', ALLOW_IN_REGION)], boundary: policy('pb', ALLOW_S3_ONLY) },
    expected: { decision: 'implicitDeny', deniedBy: 'boundary' },
  },
  {
    name: 'a conditional boundary makes an allowed request conditional',
    input: { identity: [policy('id', ALLOW_ALL)], boundary: policy('pb', ALLOW_WITH_TAG) },
    expected: conditional('aws:ResourceTag/team'),
  },
  {
    name: 'a conditional SCP level makes an allowed request conditional',
    input: { identity: [policy('id', ALLOW_ALL)], scps: [[policy('root', ALLOW_IN_REGION)]] },
    expected: conditional('aws:RequestedRegion'),
  },
  {
    name: 'the input context decides conditions',
    input: { identity: [policy('id', ALLOW_IN_REGION)], context: { 'aws:RequestedRegion': 'us-east-1' } },
    expected: ALLOWED,
  },
  {
    name: 'the request context wins over the input context',
    input: { identity: [policy('id', ALLOW_IN_REGION)], context: { 'aws:RequestedRegion': 'us-east-1' } },
    context: { 'aws:RequestedRegion': 'eu-west-1' },
    expected: IDENTITY_DENIES,
  },
];

describe('evaluateRequest', () => {
  it.each(LAYERS)('$name', ({ input, context, expected }) => {
    expect(outcomeOf(input, ACTION, RESOURCE, context)).toEqual(expected);
  });

  it('returns the action, the resource and every matched statement with its policy, Sid or index, layer and effect', () => {
    const input: EvaluationInput = {
      identity: [policy('inline.json', { Sid: 'Start', ...ALLOW_STATES }, ALLOW_S3_ONLY, ALLOW_ALL)],
      boundary: { name: 'boundary.json', document: { Version: '2012-10-17', Statement: ALLOW_ALL } },
      scps: [[policy('root', ALLOW_ALL)], [policy('ou', ALLOW_S3_ONLY, DENY_STATES)]],
    };
    expect(evaluateRequest(input, { action: ACTION, resource: RESOURCE })).toEqual({
      action: ACTION,
      resource: RESOURCE,
      decision: 'explicitDeny',
      deniedBy: 'scp',
      matchedStatements: [
        { policy: 'inline.json', statement: 'Start', layer: 'identity', effect: 'Allow' },
        { policy: 'inline.json', statement: '#2', layer: 'identity', effect: 'Allow' },
        { policy: 'boundary.json', statement: '#0', layer: 'boundary', effect: 'Allow' },
        { policy: 'root', statement: '#0', layer: 'scp', effect: 'Allow' },
        { policy: 'ou', statement: '#1', layer: 'scp', effect: 'Deny' },
      ],
    });
  });

  const DENY_OUTSIDE_REGION: PolicyStatement = {
    ...DENY_STATES,
    Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-east-1' } },
  };
  it.each([
    {
      name: 'a Deny whose key is missing over an Allow of every layer',
      input: { identity: [policy('id', ALLOW_ALL, DENY_OUTSIDE_REGION)] },
      denyOnly: true,
    },
    {
      name: 'a Deny whose key is missing in an SCP, the identity and the SCP allowing',
      input: { identity: [policy('id', ALLOW_ALL)], scps: [[policy('root', ALLOW_ALL, DENY_OUTSIDE_REGION)]] },
      denyOnly: true,
    },
    {
      name: 'an Allow whose key is missing, no Deny',
      input: { identity: [policy('id', ALLOW_IN_REGION)] },
      denyOnly: undefined,
    },
    {
      name: 'a Deny and an Allow whose keys are missing',
      input: { identity: [policy('id', ALLOW_IN_REGION, DENY_OUTSIDE_REGION)] },
      denyOnly: undefined,
    },
  ])('says whether a conditional answer hangs on a Deny alone (denyOnly): $name', ({ input, denyOnly }) => {
    const decision = evaluateRequest(input, { action: ACTION, resource: RESOURCE });
    expect(decision.decision).toBe('conditional');
    expect(decision.missingContext).toEqual(['aws:RequestedRegion']);
    expect(decision.denyOnly).toBe(denyOnly);
  });

  it('does not list undecided statements as matched', () => {
    const decision = evaluateRequest(
      { identity: [policy('id', ALLOW_IN_REGION)] },
      { action: ACTION, resource: RESOURCE },
    );
    expect(decision.matchedStatements).toEqual([]);
  });
});
