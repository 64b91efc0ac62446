/** Flags every command takes: where the definition comes from, where it runs, and where the output goes. */
export const DEFINITION_OPTIONS = {
  definition: { type: 'string' },
  describe: { type: 'string' },
  'state-machine-arn': { type: 'string' },
  region: { type: 'string' },
  account: { type: 'string' },
  partition: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Help text for DEFINITION_OPTIONS' input and placement flags. */
export const DEFINITION_HELP = `Definition (one of):
  --definition FILE          the ASL definition (JSON)
  --describe FILE            the output of: aws stepfunctions describe-state-machine
                             (definition, role, name, ARN, logging, tracing and encryption come from it)

Where it runs (fills the Region, account and partition of the ARNs it needs; default "*" = any):
  --state-machine-arn ARN    arn:aws:states:REGION:ACCOUNT:stateMachine:NAME
  --region R  --account A  --partition P   (override what the ARN or describe output says)`;
