/**
 * Properties of the embedded IAM evaluator over generated policies and requests: metamorphic relations (a Deny, an
 * Allow, a boundary or an SCP level changes a decision only in the documented direction; statement order and action
 * case never matter; compiled caches never change an answer), agreement of literal matching with a naive reference,
 * soundness of the `all`/`none` verdicts for resources with holes, and no exception but PolicyError.
 * Seed and runs: FC_SEED / FC_RUNS (configureFastCheck.ts); `npm run fuzz -- --runs N --seed S` for long runs.
 */
import { describe, expect, it } from 'vitest';
import { compareHolePattern, tokensContained, tokensOverlap } from '../../shared/iam/compareHolePattern.js';
import { compilePolicies } from '../../shared/iam/compilePolicies.js';
import { compileWildcardMatcher } from '../../shared/iam/compileWildcardMatcher.js';
import { evaluateCompiled } from '../../shared/iam/evaluateCompiled.js';
import { evaluateRequest } from '../../shared/iam/evaluateRequest.js';
import { PolicyError } from '../../shared/iam/PolicyError.js';
import type { ResolvedPart } from '../../shared/iam/parseTemplate.js';
import { tokenizePattern } from '../../shared/iam/tokenizePattern.js';
import type { EvaluationInput } from '../../shared/iam/types.js';
import type { NamedPolicy } from '../../shared/ports.js';
import type { Decision, DecisionValue, PolicyStatement, SimulationRequest } from '../../shared/types.js';
import { legacyRegExp } from '../iam/legacyRegExp.js';
import { fc } from './configureFastCheck.js';
import {
  actionArbitrary,
  actionPatternArbitrary,
  arnArbitrary,
  holeArbitrary,
  inputArbitrary,
  policyArbitrary,
  policyOf,
  requestArbitrary,
  resourcePatternArbitrary,
  statementArbitrary,
} from './iamArbitraries.js';
import { crossesColonAt, referenceArnMatch, referenceGlob } from './referenceArnMatch.js';

const PROPERTY_TIMEOUT = 60_000;

/** What a decision says, independent of policy order: the verdict, the layer, the keys, the patterns as sets. */
function summary(decision: Decision) {
  return {
    decision: decision.decision,
    deniedBy: decision.deniedBy,
    missingContext: decision.missingContext,
    grantedResources: decision.grantedResources === undefined ? undefined : [...decision.grantedResources].sort(),
    deniedResources: decision.deniedResources === undefined ? undefined : [...decision.deniedResources].sort(),
  };
}

const ALL: DecisionValue[] = ['allowed', 'notProvable', 'conditional', 'implicitDeny', 'explicitDeny'];

/** Decisions reachable after adding a Deny statement to any layer (docs/evaluator.md, "How a decision is made"). */
const AFTER_DENY: Record<DecisionValue, DecisionValue[]> = {
  allowed: ['allowed', 'notProvable', 'conditional', 'explicitDeny'],
  notProvable: ['notProvable', 'conditional', 'explicitDeny'],
  conditional: ['conditional', 'explicitDeny'],
  implicitDeny: ['implicitDeny', 'explicitDeny'],
  explicitDeny: ['explicitDeny'],
};

/** After adding an Allow statement to any layer: an allowed request stays allowed, an explicit deny stays. */
const AFTER_ALLOW: Record<DecisionValue, DecisionValue[]> = {
  allowed: ['allowed'],
  notProvable: ['notProvable', 'conditional', 'allowed'],
  conditional: ['conditional', 'notProvable', 'allowed'],
  implicitDeny: ['implicitDeny', 'notProvable', 'conditional', 'allowed'],
  explicitDeny: ['explicitDeny'],
};

/** After adding a permissions boundary or an SCP level: only narrower. */
const AFTER_LAYER: Record<DecisionValue, DecisionValue[]> = {
  allowed: ALL,
  notProvable: ['notProvable', 'conditional', 'implicitDeny', 'explicitDeny'],
  conditional: ['conditional', 'implicitDeny', 'explicitDeny'],
  implicitDeny: ['implicitDeny', 'explicitDeny'],
  explicitDeny: ['explicitDeny'],
};

function withStatement(policy: NamedPolicy, statement: PolicyStatement, at: number): NamedPolicy {
  const list = policy.document.Statement;
  const statements = [...(Array.isArray(list) ? list : [list])];
  statements.splice(at % (statements.length + 1), 0, statement);
  return { ...policy, document: { ...policy.document, Statement: statements } };
}

/** The input with `statement` inserted into one policy of one layer (`where` picks which), or a new identity policy. */
function addStatement(input: EvaluationInput, statement: PolicyStatement, where: number): EvaluationInput {
  const targets: ('identity' | 'boundary' | number)[] = ['identity'];
  if (input.boundary !== undefined) targets.push('boundary');
  for (let level = 0; level < (input.scps?.length ?? 0); level++) targets.push(level);
  const target = targets[where % targets.length];
  if (target === 'boundary' && input.boundary !== undefined)
    return { ...input, boundary: withStatement(input.boundary, statement, where) };
  if (typeof target === 'number' && input.scps !== undefined) {
    const scps = input.scps.map((level, index) =>
      index === target
        ? level.map((p, i) => (i === where % level.length ? withStatement(p, statement, where) : p))
        : level,
    );
    return { ...input, scps };
  }
  if (input.identity.length === 0 || where % 3 === 0)
    return { ...input, identity: [...input.identity, policyOf([statement])] };
  const index = where % input.identity.length;
  return { ...input, identity: input.identity.map((p, i) => (i === index ? withStatement(p, statement, where) : p)) };
}

/** A permutation of `items` from sort keys. */
function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, index) => ({ item, key: (keys[index % keys.length] ?? 0) * 1000 + index }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}

function shufflePolicy(policy: NamedPolicy, keys: readonly number[]): NamedPolicy {
  const list = policy.document.Statement;
  return { ...policy, document: { ...policy.document, Statement: permute(Array.isArray(list) ? list : [list], keys) } };
}

function flipCase(text: string, mask: readonly boolean[]): string {
  return text
    .split('')
    .map((char, i) => (mask[i % mask.length] ? char.toUpperCase() : char.toLowerCase()))
    .join('');
}

function flipActions(policy: NamedPolicy, mask: readonly boolean[]): NamedPolicy {
  const list = policy.document.Statement;
  const flip = (value: string | string[] | undefined) =>
    value === undefined
      ? undefined
      : Array.isArray(value)
        ? value.map((v) => flipCase(v, mask))
        : flipCase(value, mask);
  const statements = (Array.isArray(list) ? list : [list]).map((s) => {
    const { Action, NotAction, ...rest } = s;
    return {
      ...rest,
      ...(Action === undefined ? {} : { Action: flip(Action) }),
      ...(NotAction === undefined ? {} : { NotAction: flip(NotAction) }),
    };
  });
  return { ...policy, document: { ...policy.document, Statement: statements as PolicyStatement[] } };
}

const decide = (input: EvaluationInput, request: SimulationRequest) => evaluateRequest(input, request).decision;

describe('evaluator properties', () => {
  it(
    'never lets an added Deny allow what was not allowed, nor loosen any decision',
    () => {
      fc.assert(
        fc.property(
          inputArbitrary,
          requestArbitrary,
          statementArbitrary('Deny'),
          fc.nat(),
          (input, request, deny, where) => {
            const before = decide(input, request);
            const after = decide(addStatement(input, deny, where), request);
            expect(AFTER_DENY[before]).toContain(after);
          },
        ),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'never turns allowed into a deny by an added Allow, nor changes an explicit deny',
    () => {
      fc.assert(
        fc.property(
          inputArbitrary,
          requestArbitrary,
          statementArbitrary('Allow'),
          fc.nat(),
          (input, request, allow, where) => {
            const before = decide(input, request);
            const after = decide(addStatement(input, allow, where), request);
            expect(AFTER_ALLOW[before]).toContain(after);
          },
        ),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'only narrows a decision by an added permissions boundary or SCP level',
    () => {
      fc.assert(
        fc.property(
          inputArbitrary,
          requestArbitrary,
          fc.array(policyArbitrary, { maxLength: 2 }),
          (input, request, layer) => {
            const before = decide(input, request);
            const narrowed: EvaluationInput =
              input.boundary === undefined && layer.length > 0
                ? { ...input, boundary: layer[0] as NamedPolicy }
                : { ...input, scps: [...(input.scps ?? []), layer] };
            expect(AFTER_LAYER[before]).toContain(decide(narrowed, request));
          },
        ),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'decides the same whatever the order of statements and policies',
    () => {
      fc.assert(
        fc.property(
          inputArbitrary,
          requestArbitrary,
          fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
          (input, request, keys) => {
            const shuffled: EvaluationInput = {
              ...input,
              identity: permute(input.identity, keys).map((p) => shufflePolicy(p, keys)),
              ...(input.boundary === undefined ? {} : { boundary: shufflePolicy(input.boundary, keys) }),
              ...(input.scps === undefined
                ? {}
                : {
                    scps: input.scps.map((level) =>
                      permute(level, [...keys].reverse()).map((p) => shufflePolicy(p, keys)),
                    ),
                  }),
            };
            expect(summary(evaluateRequest(shuffled, request))).toEqual(summary(evaluateRequest(input, request)));
          },
        ),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'decides the same whatever the case of the action in the request and in the policies',
    () => {
      fc.assert(
        fc.property(
          inputArbitrary,
          requestArbitrary,
          fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
          (input, request, mask) => {
            const flipped: EvaluationInput = {
              ...input,
              identity: input.identity.map((p) => flipActions(p, mask)),
              ...(input.boundary === undefined ? {} : { boundary: flipActions(input.boundary, mask) }),
              ...(input.scps === undefined
                ? {}
                : { scps: input.scps.map((level) => level.map((p) => flipActions(p, mask))) }),
            };
            const request2 = { ...request, action: flipCase(request.action, [...mask].reverse()) };
            expect(summary(evaluateRequest(flipped, request2))).toEqual(summary(evaluateRequest(input, request)));
          },
        ),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'answers the same from compiled policies whatever was asked before (caches never change an answer)',
    () => {
      fc.assert(
        fc.property(inputArbitrary, fc.array(requestArbitrary, { minLength: 1, maxLength: 5 }), (input, requests) => {
          const compiled = compilePolicies(input);
          const first = requests.map((r) => evaluateCompiled(compiled, r));
          const again = [...requests]
            .reverse()
            .map((r) => evaluateCompiled(compiled, r))
            .reverse();
          expect(again).toEqual(first);
          expect(requests.map((r) => evaluateRequest(input, r))).toEqual(first);
        }),
      );
    },
    PROPERTY_TIMEOUT,
  );
});

const ALLOW_ALL_ACTIONS = (extra: Partial<PolicyStatement>): EvaluationInput => ({
  identity: [policyOf([{ Effect: 'Allow', Action: '*', Resource: '*', ...extra }])],
});

describe('wildcard matching agrees with a naive reference', () => {
  it(
    'decides a literal ARN against Resource, NotResource and ArnLike patterns as the reference does',
    () => {
      fc.assert(
        fc.property(resourcePatternArbitrary, arnArbitrary, (pattern, arn) => {
          const expected = referenceArnMatch(pattern, arn);
          const request = { action: 's3:GetObject', resource: arn, context: { 'aws:SourceArn': arn } };
          const resource: PolicyStatement = { Effect: 'Allow', Action: '*', Resource: pattern };
          const notResource: PolicyStatement = { Effect: 'Allow', Action: '*', NotResource: pattern };
          expect({
            resource: decide({ identity: [policyOf([resource])] }, request) === 'allowed',
            notResource: decide({ identity: [policyOf([notResource])] }, request) === 'allowed',
            arnLike:
              decide(ALLOW_ALL_ACTIONS({ Condition: { ArnLike: { 'aws:SourceArn': pattern } } }), request) ===
              'allowed',
          }).toEqual({ resource: expected, notResource: !expected, arnLike: expected });
        }),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'decides StringLike values and actions (ignoring case) as a plain glob does',
    () => {
      fc.assert(
        fc.property(
          resourcePatternArbitrary,
          arnArbitrary,
          actionPatternArbitrary,
          actionArbitrary,
          fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
          (pattern, value, actionPattern, action, mask) => {
            const requested = flipCase(action, mask);
            const like = ALLOW_ALL_ACTIONS({ Condition: { StringLike: { 's3:prefix': pattern } } });
            const actions: EvaluationInput = {
              identity: [policyOf([{ Effect: 'Allow', Action: actionPattern, Resource: '*' }])],
            };
            expect({
              like:
                decide(like, { action: 's3:ListBucket', resource: '*', context: { 's3:prefix': value } }) === 'allowed',
              action: decide(actions, { action: requested, resource: '*' }) === 'allowed',
            }).toEqual({
              like: referenceGlob(pattern, value),
              action: referenceGlob(actionPattern.toLowerCase(), requested.toLowerCase()),
            });
          },
        ),
      );
    },
    PROPERTY_TIMEOUT,
  );
});

const PART_UNIT = fc.constantFrom('a', 'b', ':', '/', '*', '?', '.', '😀');
const partsArbitrary: fc.Arbitrary<ResolvedPart[]> = fc
  .tuple(
    fc.constantFrom('arn:', 'arn:aws:', 'arn:aws:s3:', 'arn:a:b:c:d:', ''),
    fc.array(
      fc.record({
        kind: fc.constantFrom('pattern' as const, 'literal' as const),
        text: fc.string({ unit: PART_UNIT, maxLength: 5 }),
      }),
      { maxLength: 4 },
    ),
  )
  .map(([head, rest]) => [{ kind: 'pattern', text: head }, ...rest]);

describe('compileWildcardMatcher against the regular expressions it replaced', () => {
  it(
    'decides every text as the old regular expression did, substituted (literal) parts included',
    () => {
      fc.assert(
        fc.property(
          partsArbitrary,
          fc.boolean(),
          fc.array(
            fc.string({ unit: fc.constantFrom('a', 'b', ':', '/', '*', '.', '\ud83d', '\ude00'), maxLength: 14 }),
            { minLength: 1, maxLength: 6 },
          ),
          (parts, arn, texts) => {
            const tokenList = tokenizePattern(parts, arn);
            const matches = compileWildcardMatcher(tokenList);
            const regex = legacyRegExp(tokenList);
            const filled = texts.map((fill) =>
              tokenList.map((t) => (t.kind === 'star' ? fill : t.kind === 'one' ? (fill[0] ?? ':') : t.char)).join(''),
            );
            const all = [...texts, ...filled];
            expect(all.map(matches)).toEqual(all.map((text) => regex.test(text)));
          },
        ),
      );
    },
    PROPERTY_TIMEOUT,
  );
});

const FILL_UNIT = fc.constantFrom('a', 'b', 'A', ':', '/', '-');

/** A literal ARN the resource with holes stands for: each `*` and `?` filled, with `:` only where the hole may hold it. */
function instanceOf(hole: string, fills: readonly string[]): string {
  const crosses = crossesColonAt(hole);
  let wildcard = 0;
  return hole
    .split('')
    .map((char, index) => {
      if (char !== '*' && char !== '?') return char;
      const fill = fills[wildcard++ % fills.length] ?? '';
      const text = crosses[index] ? fill : fill.replaceAll(':', 'a');
      return char === '*' ? text : (text[0] ?? 'b');
    })
    .join('');
}

const tokens = (text: string) => tokenizePattern([{ kind: 'pattern', text }], true);

describe('resources with holes', () => {
  it(
    'says all only when every sampled ARN of the hole matches, none only when none does',
    () => {
      fc.assert(
        fc.property(
          holeArbitrary,
          resourcePatternArbitrary,
          fc.array(fc.array(fc.string({ unit: FILL_UNIT, maxLength: 3 }), { minLength: 1, maxLength: 4 }), {
            minLength: 1,
            maxLength: 6,
          }),
          (hole, pattern, samples) => {
            const verdict = compareHolePattern(tokens(hole), tokens(pattern));
            const instances = samples.map((fills) => instanceOf(hole, fills));
            const matches = instances.map((instance) => referenceArnMatch(pattern, instance));
            if (verdict === 'all') expect(matches).not.toContain(false);
            if (verdict === 'none') expect(matches).not.toContain(true);
            const decision = decide(
              { identity: [policyOf([{ Effect: 'Allow', Action: '*', Resource: pattern }])] },
              {
                action: 's3:GetObject',
                resource: hole,
              },
            );
            expect(decision).toBe(verdict === 'all' ? 'allowed' : verdict === 'none' ? 'implicitDeny' : 'notProvable');
          },
        ),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'gives the same verdict with and without setting shared literal text aside',
    () => {
      fc.assert(
        fc.property(holeArbitrary, resourcePatternArbitrary, (hole, pattern) => {
          const [h, p] = [tokens(hole), tokens(pattern)];
          const untrimmed = tokensContained(h, p) ? 'all' : tokensOverlap(h, p) ? 'some' : 'none';
          expect(compareHolePattern(h, p)).toBe(untrimmed);
        }),
      );
    },
    PROPERTY_TIMEOUT,
  );
});

const ELEMENTS = [
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
  'Principal',
  'Resources',
];
const OPERATORS = [
  'StringLike',
  'ArnLike',
  'NumericLessThan',
  'DateEquals',
  'Bool',
  'IpAddress',
  'Null',
  'ForAllValues:StringEquals',
  'StringEqualsIfExists',
  'Unknown',
];

const garbageCondition = fc.dictionary(
  fc.constantFrom(...OPERATORS),
  fc.dictionary(fc.constantFrom('aws:SourceIp', 's3:prefix', 'aws:CurrentTime'), fc.jsonValue({ maxDepth: 1 }), {
    maxKeys: 2,
  }),
  { maxKeys: 2 },
);
const garbageStatement = fc.oneof(
  statementArbitrary(),
  fc.record({
    Effect: fc.constantFrom('Allow', 'Deny'),
    Action: fc.constant('*'),
    Resource: fc.constant('*'),
    Condition: garbageCondition,
  }),
  fc.dictionary(fc.constantFrom(...ELEMENTS), fc.oneof(fc.jsonValue({ maxDepth: 2 }), resourcePatternArbitrary), {
    maxKeys: 5,
  }),
  fc.jsonValue({ maxDepth: 2 }),
);
const garbageDocument = fc.oneof(
  fc.record(
    {
      Version: fc.constantFrom('2012-10-17', '2008-10-17', '2020-01-01'),
      Statement: fc.oneof(garbageStatement, fc.array(garbageStatement, { maxLength: 3 })),
      Id: fc.string(),
    },
    { requiredKeys: ['Statement'] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);
const garbageRequest = fc.record({
  action: fc.oneof(actionArbitrary, fc.string()),
  resource: fc.oneof(arnArbitrary, holeArbitrary, fc.string()),
  context: fc.dictionary(fc.string({ maxLength: 20 }), fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }))),
});

describe('robustness', () => {
  it(
    'throws nothing but PolicyError for any document, and nothing at all for any request',
    () => {
      fc.assert(
        fc.property(garbageDocument, fc.array(garbageRequest, { minLength: 1, maxLength: 3 }), (document, requests) => {
          let compiled: ReturnType<typeof compilePolicies>;
          try {
            compiled = compilePolicies({ identity: [{ name: 'g', document: document as never }] });
          } catch (error) {
            expect(error).toBeInstanceOf(PolicyError);
            return;
          }
          for (const request of requests) expect(ALL).toContain(evaluateCompiled(compiled, request).decision);
        }),
      );
    },
    PROPERTY_TIMEOUT,
  );
});
