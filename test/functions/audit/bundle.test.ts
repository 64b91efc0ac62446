import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDefinition } from '../../../shared/asl/parseDefinition.js';
import { invalidDefinitionFindings } from '../../../shared/findings/invalidDefinitionFindings.js';
import { orderPipelineDefinition } from '../../integration/orderPipelineDefinition.js';
import { sqsRecord } from '../../integration/sqsRecord.js';
import { hasMotoServer, type MotoServer, startMotoServer } from '../../integration/startMotoServer.js';
import { createTemplateTable } from '../../integration/templateTable.js';

// The Lambda as `sam build` makes it (functions/audit/Makefile → scripts/build.mjs), run from a folder holding only
// the files that ship, with no node_modules anywhere above it: the bundle must find its IAM reference table, its
// catalogue and (for a definition that is not valid JSON) jsonc-parser there.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TABLE_SOURCE = join(ROOT, 'shared/catalogue/generated/iam-reference.txt');
const SHIPPED = ['catalogue.json', 'iam-reference.txt', 'index.mjs', 'jsonc-parser.cjs'];

let work = '';
let artifacts = '';

/** A folder under the temporary directory holding `files` copied from the build output. */
function folderWith(name: string, files: string[]): string {
  const folder = join(work, name);
  mkdirSync(folder);
  for (const file of files) copyFileSync(join(artifacts, file), join(folder, file));
  return folder;
}

/** Imports `folder`/index.mjs in a fresh Node process with only `env` (and PATH), optionally calling the handler. */
function runBundle(folder: string, env: Record<string, string>, event?: unknown) {
  const url = pathToFileURL(join(folder, 'index.mjs')).href;
  const script = [
    `const { handler } = await import(${JSON.stringify(url)});`,
    "if (process.env.EVENT) console.log('RESPONSE', JSON.stringify(await handler(JSON.parse(process.env.EVENT))));",
  ].join('\n');
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: folder,
    env: { PATH: process.env.PATH ?? '', ...env, ...(event === undefined ? {} : { EVENT: JSON.stringify(event) }) },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function responseOf(stdout: string): unknown {
  const line = stdout.split('\n').find((text) => text.startsWith('RESPONSE '));
  return line === undefined ? undefined : JSON.parse(line.slice('RESPONSE '.length));
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'sfn-role-audit-bundle-'));
  artifacts = join(work, 'artifacts');
  const make = spawnSync('make', ['--makefile', 'functions/audit/Makefile', 'build-AuditFunction'], {
    cwd: ROOT,
    env: { ...process.env, ARTIFACTS_DIR: artifacts },
    encoding: 'utf8',
  });
  if (make.status !== 0) throw new Error(`make build-AuditFunction failed (${make.status}): ${make.stderr}`);
}, 120_000);

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

describe('the audit Lambda built by functions/audit/Makefile', () => {
  it('writes index.mjs, its source map, the IAM reference table, the catalogue and jsonc-parser, nothing else', () => {
    expect(readdirSync(artifacts).sort()).toEqual([
      'catalogue.json',
      'iam-reference.txt',
      'index.mjs',
      'index.mjs.map',
      'jsonc-parser.cjs',
    ]);
  });

  it('ships the catalogue as JSON beside index.mjs instead of bundling its entries as JavaScript', () => {
    const entries = JSON.parse(readFileSync(join(artifacts, 'catalogue.json'), 'utf8')) as { resource: string }[];
    expect(entries.map((entry) => entry.resource)).toContain('arn:aws:states:::ecs:runTask.sync');
    const bundle = readFileSync(join(artifacts, 'index.mjs'), 'utf8');
    // A note only the catalogue holds, and the reader's URL (booleans: a failure would print the whole bundle).
    expect(bundle.includes('The template grants DeleteCluster with DescribeCluster')).toBe(false);
    expect(bundle.includes('new URL("./catalogue.json",import.meta.url)')).toBe(true);
  });

  it('ships jsonc-parser beside index.mjs, loaded on first use, not bundled into it', () => {
    const bundle = readFileSync(join(artifacts, 'index.mjs'), 'utf8');
    // jsonc-parser's scanner error names (ScanError) appear only in its own code.
    expect(bundle.includes('InvalidUnicode')).toBe(false);
    expect(bundle.includes('new URL("./jsonc-parser.cjs",import.meta.url)')).toBe(true);
    expect(readFileSync(join(artifacts, 'jsonc-parser.cjs'), 'utf8').includes('InvalidUnicode')).toBe(true);
  });

  it('ships the generated table beside index.mjs instead of inlining it as JavaScript', () => {
    const table = readFileSync(TABLE_SOURCE, 'utf8');
    expect(readFileSync(join(artifacts, 'iam-reference.txt'), 'utf8')).toBe(table);
    const bundle = readFileSync(join(artifacts, 'index.mjs'), 'utf8');
    const words = table.split('\n')[1]?.slice(0, 200) ?? '';
    const xray = table.split('\n').find((line) => line.startsWith('xray ')) ?? '';
    expect(words.length).toBe(200);
    // (booleans, not toContain: a failure would print the whole bundle)
    expect(bundle.includes(words)).toBe(false);
    expect(bundle.includes(xray.slice('xray '.length))).toBe(false);
    expect(bundle.includes('new URL("./iam-reference.txt",import.meta.url)')).toBe(true);
  });

  it('does not bundle the unused jsonc-parser formatter tables', () => {
    // string-intern.js: `"\r\n": new Array(maxCachedValues).fill(0).map(…)`, as the minifier prints it.
    for (const file of ['index.mjs', 'jsonc-parser.cjs']) {
      expect(readFileSync(join(artifacts, file), 'utf8').includes('"\\r\\n":new Array(')).toBe(false);
    }
  });

  it('initialises from a folder holding only what ships, with no node_modules around it', () => {
    const result = runBundle(folderWith('init', SHIPPED), { AWS_REGION: 'eu-west-1', STATE_TABLE_NAME: 'state' });
    expect(result.status).toBe(0);
    const configured = result.stdout.split('\n').find((line) => line.includes('"message":"Configured"'));
    expect(JSON.parse(configured ?? '{}')).toMatchObject({ level: 'INFO', simulator: 'aws', securityHub: true });
  });
});

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012'; // moto's default account
const STATE_MACHINE = 'OrderPipeline';
const SM_ARN = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${STATE_MACHINE}`;
const ROLE_NAME = 'OrderPipelineRole';
const TABLE = 'sfn-role-audit-state';
const CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };

const moto = hasMotoServer();
if (!moto && process.env.REQUIRE_MOTO === '1') throw new Error('REQUIRE_MOTO=1 but moto_server is not on PATH');

/** A Lambda invoke, then an ECS runTask.sync the role may run but neither poll, hear of nor stop. */
const DEFINITION = orderPipelineDefinition(REGION, ACCOUNT);

/** A state machine whose definition is not valid JSON: only its audit needs jsonc-parser (to say where it breaks). */
const BROKEN = 'BrokenPipeline';
const BROKEN_ARN = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${BROKEN}`;
const BROKEN_DEFINITION =
  '{\n  "StartAt": "Charge",\n  "States": {\n    "Charge": { "Type": "Task" "End": true }\n  }\n}';

const policy = (Statement: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement });

/**
 * The CloudTrail CreateStateMachine sample for moto's account with its own event id, as one SQS record (for the state
 * machine `name`, OrderPipeline unless given).
 */
function createStateMachineEvent(eventId: string, name = STATE_MACHINE) {
  const text = readFileSync(join(ROOT, 'test/fixtures/cloudtrail/create-state-machine.json'), 'utf8')
    .replaceAll('111122223333', ACCOUNT)
    .replaceAll(`:stateMachine:${STATE_MACHINE}"`, `:stateMachine:${name}"`)
    .replace(`"name": "${STATE_MACHINE}"`, `"name": "${name}"`);
  const event = JSON.parse(text) as { detail: Record<string, unknown> };
  event.detail.eventID = eventId;
  return { Records: [sqsRecord(JSON.stringify(event), `message-${eventId}`, REGION, ACCOUNT)] };
}

describe.skipIf(!moto)('the audit Lambda built by functions/audit/Makefile, against moto', () => {
  let server: MotoServer | undefined;
  let env: Record<string, string> = {};
  let dynamodb: DynamoDBClient;

  beforeAll(async () => {
    server = await startMotoServer();
    const config = { region: REGION, endpoint: server.endpoint, credentials: CREDENTIALS };
    const iam = new IAMClient(config);
    dynamodb = new DynamoDBClient(config);
    const trust = policy([
      { Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
    const role = await iam.send(
      new CreateRoleCommand({ RoleName: ROLE_NAME, Path: '/service/', AssumeRolePolicyDocument: trust }),
    );
    const grants = [
      { Action: 'lambda:InvokeFunction', Resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:ChargeCard*` },
      { Action: 'ecs:RunTask', Resource: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/report:*` },
    ];
    for (const [index, grant] of grants.entries()) {
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: ROLE_NAME,
          PolicyName: `grant-${index}`,
          PolicyDocument: policy([{ Effect: 'Allow', ...grant }]),
        }),
      );
    }
    const sfn = new SFNClient(config);
    await sfn.send(
      new CreateStateMachineCommand({ name: STATE_MACHINE, definition: DEFINITION, roleArn: role.Role?.Arn }),
    );
    // moto stores a definition as given; Step Functions would have rejected this one.
    await sfn.send(
      new CreateStateMachineCommand({ name: BROKEN, definition: BROKEN_DEFINITION, roleArn: role.Role?.Arn }),
    );
    await createTemplateTable(dynamodb, TABLE);
    env = {
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL: server.endpoint,
      STATE_TABLE_NAME: TABLE,
      SIMULATOR: 'local', // moto does not implement iam:SimulatePrincipalPolicy
      SECURITY_HUB_ENABLED: 'false',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    };
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('audits a CreateStateMachine event from a folder holding only what ships', async () => {
    const result = runBundle(folderWith('audit', SHIPPED), env, createStateMachineEvent('event-bundle-1'));
    expect(result.stderr).not.toContain('IAM reference table');
    expect(responseOf(result.stdout)).toEqual({ batchItemFailures: [] });
    const { Item } = await dynamodb.send(
      new GetItemCommand({ TableName: TABLE, Key: { stateMachineArn: { S: SM_ARN }, qualifier: { S: '$LATEST' } } }),
    );
    // ecs:DescribeTasks with the events permissions missing (CRITICAL twice: poll and events), ecs:StopTask (MEDIUM):
    // their resources come from the table's ARN formats, so the audit read it.
    expect(Item?.findings?.L?.map((finding) => finding.M?.severity?.S).sort()).toEqual([
      'CRITICAL',
      'CRITICAL',
      'MEDIUM',
    ]);
  }, 60_000);

  /** The ids and severities the audit stored for a state machine. */
  async function storedFindings(arn: string) {
    const { Item } = await dynamodb.send(
      new GetItemCommand({ TableName: TABLE, Key: { stateMachineArn: { S: arn }, qualifier: { S: '$LATEST' } } }),
    );
    return Item?.findings?.L?.map((finding) => ({ id: finding.M?.id?.S, severity: finding.M?.severity?.S }));
  }

  it('audits a valid definition without jsonc-parser.cjs: it is loaded only for a definition that is not JSON', async () => {
    const shipped = SHIPPED.filter((file) => file !== 'jsonc-parser.cjs');
    const result = runBundle(folderWith('no-jsonc', shipped), env, createStateMachineEvent('event-bundle-3'));
    expect(responseOf(result.stdout)).toEqual({ batchItemFailures: [] });
    expect((await storedFindings(SM_ARN))?.map((finding) => finding.severity).sort()).toEqual([
      'CRITICAL',
      'CRITICAL',
      'MEDIUM',
    ]);
  }, 60_000);

  it('says where a definition that is not JSON breaks, with jsonc-parser.cjs beside index.mjs', async () => {
    const result = runBundle(folderWith('broken', SHIPPED), env, createStateMachineEvent('event-bundle-4', BROKEN));
    expect(responseOf(result.stdout)).toEqual({ batchItemFailures: [] });
    // The sources' own finding for this text: its id hashes the message, which has jsonc-parser's place and reason.
    const parsed = parseDefinition(BROKEN_DEFINITION);
    const expected = parsed.ok ? [] : invalidDefinitionFindings(parsed.issues, BROKEN_ARN);
    expect(expected.map((finding) => finding.title)).toEqual([
      expect.stringMatching(
        /^Invalid definition at the definition: definition is not valid JSON at line 4, column 32 \(offset 70\): CommaExpected;/,
      ),
    ]);
    expect(await storedFindings(BROKEN_ARN)).toEqual(expected.map(({ id }) => ({ id, severity: 'HIGH' })));
  }, 60_000);

  it('fails the record, saying which file is missing, when jsonc-parser.cjs is needed and not there', () => {
    const shipped = SHIPPED.filter((file) => file !== 'jsonc-parser.cjs');
    const folder = folderWith('broken-no-jsonc', shipped);
    const result = runBundle(folder, env, createStateMachineEvent('event-bundle-5', BROKEN));
    expect(responseOf(result.stdout)).toEqual({ batchItemFailures: [{ itemIdentifier: 'message-event-bundle-5' }] });
    const failed = result.stderr.split('\n').find((line) => line.includes('"level":"ERROR"'));
    expect(JSON.parse(failed ?? '{}').error?.message).toBe(
      `cannot load jsonc-parser from ${join(folder, 'jsonc-parser.cjs')}: it ships beside the bundle (scripts/build.mjs)`,
    );
  }, 60_000);

  it('fails the record, saying which file is missing, when the catalogue is not beside index.mjs', () => {
    const shipped = SHIPPED.filter((file) => file !== 'catalogue.json');
    const folder = folderWith('no-catalogue', shipped);
    const result = runBundle(folder, env, createStateMachineEvent('event-bundle-6'));
    expect(responseOf(result.stdout)).toEqual({ batchItemFailures: [{ itemIdentifier: 'message-event-bundle-6' }] });
    const failed = result.stderr.split('\n').find((line) => line.includes('"level":"ERROR"'));
    expect(JSON.parse(failed ?? '{}').error?.message).toBe(
      `cannot read the catalogue ${join(folder, 'catalogue.json')}: it ships beside the bundle (scripts/build.mjs)`,
    );
  }, 60_000);

  it('fails the record, saying which file is missing, when the table is not beside index.mjs', () => {
    const shipped = SHIPPED.filter((file) => file !== 'iam-reference.txt');
    const result = runBundle(folderWith('no-table', shipped), env, createStateMachineEvent('event-bundle-2'));
    expect(responseOf(result.stdout)).toEqual({ batchItemFailures: [{ itemIdentifier: 'message-event-bundle-2' }] });
    // Powertools writes error lines to stderr (console.error).
    const failed = result.stderr.split('\n').find((line) => line.includes('"level":"ERROR"'));
    expect(JSON.parse(failed ?? '{}').error?.message).toBe(
      `cannot read the IAM reference table ${join(work, 'no-table', 'iam-reference.txt')}: it ships beside the bundle (scripts/build.mjs)`,
    );
  }, 60_000);
});
