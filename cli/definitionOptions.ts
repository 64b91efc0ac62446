/** Flags every command takes: where the definition comes from, where it runs, and where the output goes. */
export const DEFINITION_OPTIONS = {
  definition: { type: 'string' },
  describe: { type: 'string' },
  'state-machine-arn': { type: 'string' },
  region: { type: 'string' },
  account: { type: 'string' },
  partition: { type: 'string' },
  substitution: { type: 'string', multiple: true },
  substitutions: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Help text for DEFINITION_OPTIONS' input and placement flags. */
export const DEFINITION_HELP = `Definition (one of):
  --definition FILE          the ASL definition (JSON or YAML)
  --describe FILE            the output of: aws stepfunctions describe-state-machine
                             (definition, role, name, ARN, logging, tracing and encryption come from it)

Where it runs (fills the Region, account and partition of the ARNs it needs; default "*" = any):
  --state-machine-arn ARN    arn:aws:states:REGION:ACCOUNT:stateMachine:NAME
  --region R  --account A  --partition P   (override what the ARN or describe output says)

DefinitionSubstitutions (applied to the definition text before anything else, as CloudFormation does):
  --substitution KEY=VALUE   replace every \${KEY} by VALUE, as raw text (repeatable; VALUE may be empty); a
                             \${…} with no value stays, and a Task Resource that is one is an UnresolvedPlaceholder
  --substitutions FILE       a JSON object of them, as in the template: {"OrdersFunctionArn": "arn:…", "Retries": 3}
                             (string, integer or boolean values); a --substitution wins over the file, key by key`;
