import { describe, expect, it } from 'vitest';
import { decodePolicyDocument } from '../../shared/local/decodePolicyDocument.js';

const DOCUMENT = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: 'arn:aws:lambda:*:*:function:a%b' }],
};

describe('decodePolicyDocument', () => {
  it.each([
    { name: 'an object', value: DOCUMENT },
    { name: 'JSON text', value: JSON.stringify(DOCUMENT) },
    {
      name: 'URL-encoded JSON text (as the IAM API and SDKs return it)',
      value: encodeURIComponent(JSON.stringify(DOCUMENT)),
    },
  ])('reads $name', ({ value }) => {
    expect(decodePolicyDocument(value, 'p.json')).toEqual(DOCUMENT);
  });

  it('accepts a single statement object', () => {
    const single = { Statement: { Effect: 'Deny', Action: '*', Resource: '*' } };
    expect(decodePolicyDocument(single, 'p.json')).toEqual(single);
  });

  it.each([
    {
      name: 'an object without Statement',
      value: { Version: '2012-10-17' },
      message: 'p.json: expected an IAM policy document',
    },
    {
      name: 'a bad escape',
      value: '%7B%E0%A4%A',
      message: 'p.json: the policy document is not (URL-encoded) JSON',
    },
    {
      name: 'broken JSON text',
      value: '{"Statement": [}',
      message: 'p.json: the policy document is not (URL-encoded) JSON',
    },
    {
      name: 'JSON text without Statement',
      value: '{"Version": "2012-10-17"}',
      message: 'p.json: the policy document has no Statement',
    },
  ])('rejects $name', ({ value, message }) => {
    expect(() => decodePolicyDocument(value, 'p.json')).toThrow(message);
  });
});
