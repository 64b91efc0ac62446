import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { readSlackWebhookUrl } from '../../shared/aws/readSlackWebhookUrl.js';

const SECRET = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:slack-AbCdEf';
const URL = 'https://hooks.slack.com/services/T000/B000/secret';
const secrets = mockClient(SecretsManagerClient);

beforeEach(() => secrets.reset());

describe('readSlackWebhookUrl', () => {
  it.each([
    { name: 'the URL itself', value: `${URL}\n` },
    { name: 'JSON with webhookUrl', value: JSON.stringify({ webhookUrl: URL }) },
  ])('reads $name', async ({ value }) => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: value });
    expect(await readSlackWebhookUrl(new SecretsManagerClient({}), SECRET)).toBe(URL);
    expect(secrets.commandCalls(GetSecretValueCommand)[0]?.args[0].input).toEqual({ SecretId: SECRET });
  });

  it('throws without echoing a secret that is not a URL', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: '{"token":"xoxb-123"}' });
    const failure = await readSlackWebhookUrl(new SecretsManagerClient({}), SECRET).catch((e: unknown) => e as Error);
    expect((failure as Error).message).toContain(SECRET);
    expect((failure as Error).message).not.toContain('xoxb');
  });
});
