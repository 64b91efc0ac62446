import type { StackPlacement } from './model.js';
import { stableUuid } from './stableId.js';

/** The domain suffix of each partition (`AWS::URLSuffix`); amazonaws.com elsewhere. */
const URL_SUFFIXES: ReadonlyMap<string, string> = new Map([
  ['aws-cn', 'amazonaws.com.cn'],
  ['aws-iso', 'c2s.ic.gov'],
  ['aws-iso-b', 'sc2s.sgov.gov'],
]);

/**
 * The pseudo parameters a placement fixes (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html):
 * `AWS::Region`, `AWS::AccountId`, `AWS::Partition`, `AWS::StackName`, `AWS::URLSuffix`, and `AWS::StackId` with a
 * deterministic stand-in for the id CloudFormation assigns. `AWS::NoValue` and `AWS::NotificationARNs` are not
 * values of the placement (the model handles them).
 */
export function pseudoParameters(placement: StackPlacement): {
  values: ReadonlyMap<string, string>;
  urlSuffix: string;
} {
  const { partition, region, account, stackName } = placement;
  const urlSuffix = URL_SUFFIXES.get(partition) ?? 'amazonaws.com';
  const stackId = `arn:${partition}:cloudformation:${region}:${account}:stack/${stackName}/${stableUuid(`stack\u0000${stackName}`)}`;
  return {
    urlSuffix,
    values: new Map([
      ['AWS::Region', region],
      ['AWS::AccountId', account],
      ['AWS::Partition', partition],
      ['AWS::StackName', stackName],
      ['AWS::StackId', stackId],
      ['AWS::URLSuffix', urlSuffix],
    ]),
  };
}
