import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr, parseIp } from '../../shared/iam/matchCidr.js';

describe('parseIp', () => {
  it.each([
    { name: 'dotted IPv4', text: '192.0.2.1', expected: { bits: 32, value: 0xc0000201n } },
    {
      name: 'full IPv6',
      text: '2001:0db8:0000:0000:0000:0000:0000:0001',
      expected: { bits: 128, value: 0x20010db8000000000000000000000001n },
    },
    {
      name: 'compressed IPv6',
      text: '2001:db8::1',
      expected: { bits: 128, value: 0x20010db8000000000000000000000001n },
    },
    { name: 'the IPv6 unspecified address', text: '::', expected: { bits: 128, value: 0n } },
    { name: 'IPv6 with an IPv4 suffix', text: '::ffff:192.0.2.1', expected: { bits: 128, value: 0xffffc0000201n } },
  ])('reads $name', ({ text, expected }) => {
    expect(parseIp(text)).toEqual(expected);
  });

  it.each(['256.0.0.1', '1.2.3', 'a.b.c.d', '2001:db8::1::2', '1:2:3:4:5:6:7:8:9', '12345::', 'host'])(
    'rejects %s',
    (text) => {
      expect(parseIp(text)).toBeUndefined();
    },
  );
});

describe('parseCidr', () => {
  it.each([
    { text: '10.0.0.0/8', expected: { bits: 32, value: 0x0a000000n, prefix: 8 } },
    { text: '10.1.2.3', expected: { bits: 32, value: 0x0a010203n, prefix: 32 } },
    { text: '2001:db8::/32', expected: { bits: 128, value: 0x20010db8000000000000000000000000n, prefix: 32 } },
  ])('reads $text', ({ text, expected }) => {
    expect(parseCidr(text)).toEqual(expected);
  });

  it.each(['10.0.0.0/33', '2001:db8::/129', '10.0.0.0/', '10.0.0.0/8/9', '10.0.0.0/x'])('rejects %s', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('cidrContains', () => {
  it.each([
    { name: 'an IPv4 address inside', cidr: '10.0.0.0/8', ip: '10.255.0.1', expected: true },
    { name: 'an IPv4 address outside', cidr: '10.0.0.0/8', ip: '11.0.0.1', expected: false },
    { name: 'any address in /0', cidr: '0.0.0.0/0', ip: '203.0.113.5', expected: true },
    { name: 'an IPv6 address inside', cidr: '2001:db8::/32', ip: '2001:db8:ffff::1', expected: true },
    { name: 'an IPv6 address outside', cidr: '2001:db8::/32', ip: '2001:db9::1', expected: false },
    { name: 'an IPv4 address against an IPv6 network', cidr: '::/0', ip: '10.0.0.1', expected: false },
    {
      name: 'an IPv4-mapped IPv6 address against its IPv4 network',
      cidr: '192.0.2.0/24',
      ip: '::ffff:192.0.2.9',
      expected: true,
    },
  ])('answers $expected for $name', ({ cidr, ip, expected }) => {
    const network = parseCidr(cidr);
    const address = parseIp(ip);
    if (network === undefined || address === undefined) throw new Error('bad test input');
    expect(cidrContains(network, address)).toBe(expected);
  });
});
