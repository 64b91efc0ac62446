import { describe, expect, it } from 'vitest';
import { createSlackWebhookSink, type FetchFn } from '../../shared/aws/createSlackWebhookSink.js';
import { allNew, finding, NO_CHANGE, reportWith } from './reports.js';

const URL = 'https://hooks.slack.com/services/T000/B000/secret';

function fakeFetch(status = 200, headers: Record<string, string> = {}) {
  const posts: { url: string; body: unknown }[] = [];
  const fetchFn: FetchFn = async (url, init) => {
    posts.push({ url, body: JSON.parse(init.body) });
    return {
      ok: status >= 200 && status < 300,
      status,
      text: async () => (status === 200 ? 'ok' : 'rate_limited'),
      headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    };
  };
  return { fetchFn, posts };
}

describe('createSlackWebhookSink', () => {
  it('posts Block Kit for a notable change', async () => {
    const { fetchFn, posts } = fakeFetch();
    const report = reportWith([finding('f1')]);
    await createSlackWebhookSink(fetchFn, { webhookUrl: URL }).publish(report, allNew(report));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.url).toBe(URL);
    expect(posts[0]?.body).toMatchObject({ text: 'sfn-role-audit: orders: 1 new or worse finding' });
  });

  it('posts nothing without a notable change', async () => {
    const { fetchFn, posts } = fakeFetch();
    await createSlackWebhookSink(fetchFn, { webhookUrl: URL }).publish(reportWith([finding('f1')]), NO_CHANGE);
    expect(posts).toEqual([]);
  });

  it('throws with the status and Retry-After, without the URL', async () => {
    const { fetchFn } = fakeFetch(429, { 'retry-after': '30' });
    const report = reportWith([finding('f1')]);
    const failure = await createSlackWebhookSink(fetchFn, { webhookUrl: URL })
      .publish(report, allNew(report))
      .catch((error: unknown) => error as Error);
    expect((failure as Error).message).toBe('Slack webhook answered HTTP 429 (Retry-After 30 s): rate_limited');
    expect((failure as Error).message).not.toContain('secret');
  });
});
