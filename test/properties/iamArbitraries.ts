/**
 * fast-check generators for the evaluator's property tests: ARNs over a tiny alphabet (so patterns and resources
 * often meet), patterns made from them with `*`, `?`, deletions and truncation, actions, simple conditions,
 * statements, policy layers and requests (literal resources and resources with holes).
 */
import type { EvaluationInput, KeyAvailability, KeyAvailabilityOf } from '../../shared/iam/types.js';
import type { NamedPolicy } from '../../shared/ports.js';
import type { ContextValues, PolicyStatement, SimulationRequest } from '../../shared/types.js';
import { fc } from './configureFastCheck.js';

const COMPONENT_UNIT = fc.constantFrom('a', 'b', 'A', '-');
const RESOURCE_UNIT = fc.constantFrom('a', 'b', 'A', ':', '/');

/** A literal ARN: partition, service, Region, account (some empty) and a resource part that may hold `:` and `/`. */
export const arnArbitrary = fc
  .tuple(
    fc.constantFrom('aws', 'aws-cn'),
    fc.constantFrom('s3', 'sqs'),
    fc.oneof(fc.constantFrom('', 'r1', 'r2'), fc.string({ unit: COMPONENT_UNIT, maxLength: 2 })),
    fc.constantFrom('', '1', '2'),
    fc.string({ unit: RESOURCE_UNIT, maxLength: 6 }),
  )
  .map((parts) => `arn:${parts.join(':')}`);

/** A few ARNs that policies and requests share, so that generated statements often apply to generated requests. */
const POOL = [
  'arn:aws:s3:::a/b',
  'arn:aws:s3:::a',
  'arn:aws:sqs:r1:1:a',
  'arn:aws:sqs:r2:1:b:a',
  'arn:aws-cn:s3:::A/a',
];
const pooledArnArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...POOL) },
  { weight: 1, arbitrary: arnArbitrary },
);

const EDIT = fc.tuple(fc.nat(), fc.constantFrom('*', '?', '', '**', '*a', 'a?', ':', 'b'));

/** Replaces characters after `arn:` by the edits' text and may cut the text short, ending it in `*`. */
function mutate(text: string, edits: readonly [number, string][], cut: number | null): string {
  const chars = text.split('');
  for (const [position, replacement] of edits) {
    const span = chars.length - 4;
    if (span <= 0) break;
    chars.splice(4 + (position % span), 1, replacement);
  }
  const mutated = chars.join('');
  if (cut === null) return mutated;
  return `${mutated.slice(0, 4 + (cut % Math.max(1, mutated.length - 3)))}*`;
}

/** `arn:` and any text of letters, `:`, `/` and wildcards: odd component counts and wildcards everywhere. */
const wildArnArbitrary = fc
  .string({ unit: fc.constantFrom('a', 'b', ':', '/', '*', '?'), maxLength: 10 })
  .map((text) => `arn:${text}`);

function patternsFrom(arns: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant('*') },
    { weight: 2, arbitrary: wildArnArbitrary },
    {
      weight: 8,
      arbitrary: fc
        .tuple(arns, fc.array(EDIT, { maxLength: 4 }), fc.option(fc.nat()))
        .map(([arn, edits, cut]) => mutate(arn, edits, cut)),
    },
  );
}

/** A Resource pattern: `*`, or an ARN with wildcards, deletions, inserted colons and perhaps fewer than six components. */
export const resourcePatternArbitrary = patternsFrom(arnArbitrary);

/** Resource patterns made mostly from the shared ARNs (for statements evaluated against pooled requests). */
const pooledPatternArbitrary = patternsFrom(pooledArnArbitrary);

function holesFrom(arns: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(arns, fc.array(fc.tuple(fc.nat(), fc.constantFrom('*', '?', '*a', 'a?')), { minLength: 1, maxLength: 3 }))
    .map(([arn, edits]) => mutate(arn, edits, null))
    .filter((text) => text !== '*' && /[*?]/.test(text));
}

/** A request resource with at least one hole (`*` or `?`) in some component. */
export const holeArbitrary = holesFrom(arnArbitrary);

const ACTION_NAMES = ['GetObject', 'PutObject', 'Get', 'Object'];

/** A requested action, `s3:` or `sqs:` with one of a few names, in its usual case. */
export const actionArbitrary = fc
  .tuple(fc.constantFrom('s3', 'sqs'), fc.constantFrom(...ACTION_NAMES))
  .map(([service, name]) => `${service}:${name}`);

/** An Action pattern: `*`, a common grant, or a service prefix with a name of pieces and wildcards. */
export const actionPatternArbitrary = fc.oneof(
  { weight: 1, arbitrary: fc.constant('*') },
  { weight: 2, arbitrary: fc.constantFrom('s3:*', 's3:Get*', 'S3:getobject', 'sqs:*', 's3:*Object') },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom('s3', 'sqs', 'S3'),
        fc.string({
          unit: fc.constantFrom('Get', 'put', 'Object', 'OBJECT', '*', '?', 'e'),
          minLength: 1,
          maxLength: 3,
        }),
      )
      .map(([service, name]) => `${service}:${name}`),
  },
);

export const CONTEXT_KEYS = ['aws:PrincipalTag/team', 's3:prefix', 'aws:SecureTransport'] as const;

/** A condition block on the keys above: string, like, negated, IfExists, Null and Bool operators. */
export const conditionArbitrary = fc.oneof(
  fc.record({ StringEquals: fc.record({ 'aws:PrincipalTag/team': fc.constantFrom('a', 'b', ['a', 'b']) }) }),
  fc.record({ StringLike: fc.record({ 's3:prefix': fc.constantFrom('a*', '*b', '?', 'a?b') }) }),
  fc.record({ StringNotEquals: fc.record({ 'aws:PrincipalTag/team': fc.constantFrom('a', 'b') }) }),
  fc.record({ StringEqualsIfExists: fc.record({ 'aws:PrincipalTag/team': fc.constantFrom('a', 'b') }) }),
  fc.record({ Null: fc.record({ 's3:prefix': fc.constantFrom('true', 'false') }) }),
  fc.record({ Bool: fc.record({ 'aws:SecureTransport': fc.constantFrom('true', 'false') }) }),
);

const oneOrMore = <T>(arbitrary: fc.Arbitrary<T>) => fc.array(arbitrary, { minLength: 1, maxLength: 2 });

/** Allow three times as often as Deny, so that decisions spread over all five verdicts. */
const EFFECT = fc.oneof(
  { weight: 3, arbitrary: fc.constant('Allow' as const) },
  { weight: 1, arbitrary: fc.constant('Deny' as const) },
);
/** NotAction / NotResource one time in five. */
const RARELY = fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });

/** A statement with Action or NotAction, Resource or NotResource and perhaps a condition. */
export function statementArbitrary(
  effect?: 'Allow' | 'Deny',
  patterns: fc.Arbitrary<string> = pooledPatternArbitrary,
): fc.Arbitrary<PolicyStatement> {
  return fc
    .record({
      effect: effect === undefined ? EFFECT : fc.constant(effect),
      notAction: RARELY,
      actions: oneOrMore(actionPatternArbitrary),
      notResource: RARELY,
      resources: oneOrMore(patterns),
      condition: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: conditionArbitrary }),
    })
    .map(({ effect: Effect, notAction, actions, notResource, resources, condition }) => ({
      Effect,
      ...(notAction ? { NotAction: actions } : { Action: actions }),
      ...(notResource ? { NotResource: resources } : { Resource: resources }),
      ...(condition === null ? {} : { Condition: condition }),
    }));
}

/** A named policy document of Version 2012-10-17 holding the statements. */
export function policyOf(statements: PolicyStatement[], name = 'p'): NamedPolicy {
  return { name, document: { Version: '2012-10-17', Statement: statements } };
}

export const policyArbitrary = fc
  .array(statementArbitrary(), { minLength: 1, maxLength: 4 })
  .map((statements) => policyOf(statements));

const ALLOW_EVERYTHING: PolicyStatement = { Effect: 'Allow', Action: '*', Resource: '*' };

/** A boundary or SCP policy: a few statements, often beside an Allow of everything (as most SCPs are written). */
export const layerPolicyArbitrary = fc
  .tuple(fc.array(statementArbitrary(), { maxLength: 2 }), fc.boolean())
  .map(([statements, broad]) =>
    policyOf(broad || statements.length === 0 ? [ALLOW_EVERYTHING, ...statements] : statements),
  );

const AVAILABILITY = fc.constantFrom<KeyAvailability>('absent', 'present', 'unknown');

/** A KeyAvailabilityOf fixed per key (or none: the evaluator's older rule). */
export const keyAvailabilityArbitrary: fc.Arbitrary<KeyAvailabilityOf | undefined> = fc.option(
  fc.tuple(AVAILABILITY, AVAILABILITY, AVAILABILITY).map(([team, prefix, secure]) => {
    const table = new Map([
      ['aws:principaltag/team', team],
      ['s3:prefix', prefix],
      ['aws:securetransport', secure],
    ]);
    return (_action: string, key: string) => table.get(key) ?? 'unknown';
  }),
  { nil: undefined },
);

/** Identity policies, perhaps a boundary and SCP levels, perhaps key availability. */
export const inputArbitrary: fc.Arbitrary<EvaluationInput> = fc
  .record({
    identity: fc.oneof(
      { weight: 1, arbitrary: fc.constant<NamedPolicy[]>([]) },
      { weight: 9, arbitrary: fc.array(policyArbitrary, { minLength: 1, maxLength: 3 }) },
    ),
    boundary: fc.option(layerPolicyArbitrary, { nil: undefined, freq: 3 }),
    scps: fc.array(fc.array(layerPolicyArbitrary, { minLength: 1, maxLength: 2 }), { maxLength: 2 }),
    keyAvailability: keyAvailabilityArbitrary,
  })
  .map(({ identity, boundary, scps, keyAvailability }) => ({
    identity,
    ...(boundary === undefined ? {} : { boundary }),
    ...(scps.length === 0 ? {} : { scps }),
    ...(keyAvailability === undefined ? {} : { keyAvailability }),
  }));

const contextArbitrary: fc.Arbitrary<ContextValues> = fc.record(
  {
    'aws:PrincipalTag/team': fc.constantFrom('a', 'b'),
    's3:prefix': fc.constantFrom('ab', 'b', 'x'),
    'aws:SecureTransport': fc.constantFrom('true', 'false'),
  },
  { requiredKeys: [] },
);

/** A request: an action, a literal ARN, a resource with holes or `*`, and some of the context keys. */
export const requestArbitrary: fc.Arbitrary<SimulationRequest> = fc.record({
  action: actionArbitrary,
  resource: fc.oneof(
    { weight: 4, arbitrary: pooledArnArbitrary },
    { weight: 4, arbitrary: holesFrom(pooledArnArbitrary) },
    { weight: 1, arbitrary: fc.constant('*') },
  ),
  context: contextArbitrary,
});
