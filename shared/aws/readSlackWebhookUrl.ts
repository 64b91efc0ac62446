import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { awsCallError } from './awsErrorName.js';

function isHttpsUrl(value: unknown): boolean {
  return typeof value === 'string' && /^https:\/\/\S+$/.test(value.trim());
}

/**
 * Reads a Slack incoming-webhook URL from Secrets Manager (GetSecretValue,
 * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html): the SecretString is the
 * URL itself or JSON `{ "webhookUrl": "…" }`. Throws, without echoing the secret, when it is neither.
 */
export async function readSlackWebhookUrl(client: SecretsManagerClient, secretArn: string): Promise<string> {
  let secret: string | undefined;
  try {
    secret = (await client.send(new GetSecretValueCommand({ SecretId: secretArn }))).SecretString;
  } catch (error) {
    throw awsCallError('GetSecretValue', secretArn, error);
  }
  const text = (secret ?? '').trim();
  if (isHttpsUrl(text)) return text;
  if (text.startsWith('{')) {
    try {
      const url = (JSON.parse(text) as { webhookUrl?: unknown }).webhookUrl;
      if (isHttpsUrl(url)) return (url as string).trim();
    } catch {
      // Reported below without the secret's content.
    }
  }
  throw new Error(`secret ${secretArn} holds neither an https URL nor JSON { "webhookUrl": "https://…" }`);
}
