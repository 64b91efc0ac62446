/**
 * A tiny IPv4/IPv6 CIDR matcher for the IpAddress and NotIpAddress condition operators (RFC 4632, RFC 4291).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 */

/** An IP address as a number of `bits` (32 or 128). */
export type IpAddress = { bits: 32 | 128; value: bigint };

/** A network: the address and how many leading bits are fixed. */
export type Cidr = IpAddress & { prefix: number };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;
/** ::ffff:0:0/96, IPv4-mapped IPv6 addresses (RFC 4291 section 2.5.5.2). */
const MAPPED_IPV4_HIGH_BITS = 0xffffn;

function parseIpv4(text: string): bigint | undefined {
  const match = IPV4.exec(text);
  if (match === null) return undefined;
  let value = 0n;
  for (const octet of match.slice(1).map(Number)) {
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseGroups(text: string): bigint[] | undefined {
  if (text === '') return [];
  const groups: bigint[] = [];
  const pieces = text.split(':');
  for (const [index, piece] of pieces.entries()) {
    const ipv4 = index === pieces.length - 1 && piece.includes('.') ? parseIpv4(piece) : undefined;
    if (ipv4 !== undefined) groups.push(ipv4 >> 16n, ipv4 & 0xffffn);
    else if (HEX_GROUP.test(piece)) groups.push(BigInt(`0x${piece}`));
    else return undefined;
  }
  return groups;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return undefined;
  const zeros = 8 - head.length - tail.length;
  if ((halves.length === 2 && zeros < 1) || (halves.length === 1 && zeros !== 0)) return undefined;
  return [...head, ...Array<bigint>(zeros).fill(0n), ...tail].reduce((value, group) => (value << 16n) | group, 0n);
}

/** Parses a dotted IPv4 or a (compressed, possibly IPv4-suffixed) IPv6 address. */
export function parseIp(text: string): IpAddress | undefined {
  const ipv4 = parseIpv4(text.trim());
  if (ipv4 !== undefined) return { bits: 32, value: ipv4 };
  const ipv6 = text.includes(':') ? parseIpv6(text.trim()) : undefined;
  return ipv6 === undefined ? undefined : { bits: 128, value: ipv6 };
}

/** Parses `address/prefix`; a bare address is a single-host network. */
export function parseCidr(text: string): Cidr | undefined {
  const [address = '', prefixText, extra] = text.split('/');
  const ip = parseIp(address);
  if (ip === undefined || extra !== undefined) return undefined;
  const prefix = prefixText === undefined ? ip.bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : Number.NaN;
  return Number.isInteger(prefix) && prefix >= 0 && prefix <= ip.bits ? { ...ip, prefix } : undefined;
}

/** True when the address lies in the network (an IPv4-mapped IPv6 address counts as its IPv4 address). */
export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  let { value, bits } = ip;
  if (bits === 128 && cidr.bits === 32 && value >> 32n === MAPPED_IPV4_HIGH_BITS) {
    value &= 0xffffffffn;
    bits = 32;
  }
  if (bits !== cidr.bits) return false;
  const shift = BigInt(bits - cidr.prefix);
  return value >> shift === cidr.value >> shift;
}
