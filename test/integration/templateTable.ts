import { readFileSync } from 'node:fs';
import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { parse, type Tags } from 'yaml';

/** The StateTable resource of infra/template.yaml, so the test creates exactly the table the stack creates. */
export function templateTable(): Record<string, unknown> {
  const tags: Tags = ['Ref', 'Sub', 'GetAtt', 'If', 'Equals', 'Not'].flatMap((name) => [
    { tag: `!${name}`, resolve: (value: string) => ({ [name]: value }) },
    { tag: `!${name}`, collection: 'seq' as const, resolve: () => ({ [name]: [] }) },
    { tag: `!${name}`, collection: 'map' as const, resolve: () => ({ [name]: {} }) },
  ]);
  const text = readFileSync(new URL('../../infra/template.yaml', import.meta.url), 'utf8');
  const template = parse(text, { customTags: tags }) as {
    Resources: { StateTable: { Properties: Record<string, unknown> } };
  };
  return template.Resources.StateTable.Properties;
}

/** Creates, through `dynamodb` (moto), the table infra/template.yaml declares, named `tableName`. */
export async function createTemplateTable(dynamodb: DynamoDBClient, tableName: string): Promise<void> {
  const table = templateTable();
  await dynamodb.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: table.AttributeDefinitions,
      KeySchema: table.KeySchema,
      GlobalSecondaryIndexes: table.GlobalSecondaryIndexes,
    } as ConstructorParameters<typeof CreateTableCommand>[0]),
  );
}
