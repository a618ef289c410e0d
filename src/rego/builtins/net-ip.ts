/**
 * IP addresses and CIDR networks with Go's net/netip parsing and printing rules.
 *
 * Addresses are bigints plus a family. Like Go's net package, an IPv4-mapped IPv6 address
 * (::ffff:a.b.c.d) behaves as the IPv4 address it wraps, for containment and when printed.
 */

export type Family = 4 | 6;

export interface IP {
  readonly family: Family;
  readonly value: bigint;
}

export interface CIDR {
  /** The network address (host bits cleared), normalised as described above. */
  readonly ip: IP;
  readonly prefix: number;
}

export const bitsOf = (f: Family): number => (f === 4 ? 32 : 128);

const V4_MAPPED_PREFIX = 0xffffn << 32n;

/** Go's To4(): an IPv4-mapped IPv6 address becomes the IPv4 address it carries. */
export function normalize(ip: IP): IP {
  if (ip.family === 6 && ip.value >> 32n === 0xffffn) return { family: 4, value: ip.value & 0xffffffffn };
  return ip;
}

/** The address as a point in one 128-bit space (IPv4 placed in ::ffff:0:0/96), for ordering. */
export function to128(ip: IP): bigint {
  return ip.family === 4 ? V4_MAPPED_PREFIX | ip.value : ip.value;
}

function parseIPv4(s: string): bigint | undefined {
  const fields = s.split('.');
  if (fields.length !== 4) return undefined;
  let value = 0n;
  for (const f of fields) {
    // netip rejects empty fields, more than 3 digits, values over 255 and leading zeros.
    if (!/^\d{1,3}$/.test(f) || (f.length > 1 && f.startsWith('0'))) return undefined;
    const n = Number(f);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseIPv6(s: string): bigint | undefined {
  const groups: bigint[] = [];
  let ellipsisAt = -1;
  let rest = s;
  if (rest.startsWith('::')) {
    ellipsisAt = 0;
    rest = rest.slice(2);
  }
  while (rest !== '') {
    const m = /^[0-9a-fA-F]{1,4}/.exec(rest);
    if (!m) return undefined;
    // An embedded IPv4 address fills the last two groups.
    if (rest[m[0].length] === '.') {
      if (groups.length > 6) return undefined;
      const v4 = parseIPv4(rest);
      if (v4 === undefined) return undefined;
      groups.push(v4 >> 16n, v4 & 0xffffn);
      break;
    }
    groups.push(BigInt(parseInt(m[0], 16)));
    rest = rest.slice(m[0].length);
    if (groups.length > 8) return undefined;
    if (rest === '') break;
    if (!rest.startsWith(':')) return undefined;
    if (rest.startsWith('::')) {
      if (ellipsisAt >= 0) return undefined;
      ellipsisAt = groups.length;
      rest = rest.slice(2);
    } else {
      rest = rest.slice(1);
      if (rest === '') return undefined; // a trailing single colon
    }
  }
  if (ellipsisAt < 0 ? groups.length !== 8 : groups.length > 7) return undefined;
  const missing = 8 - groups.length;
  const full = ellipsisAt < 0 ? groups : [...groups.slice(0, ellipsisAt), ...Array<bigint>(missing).fill(0n), ...groups.slice(ellipsisAt)];
  return full.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/** Go's net.ParseIP (no zones): undefined when the text is not an IP address. */
export function parseIP(s: string): IP | undefined {
  for (const c of s) {
    if (c === '.') {
      const v = parseIPv4(s);
      return v === undefined ? undefined : { family: 4, value: v };
    }
    if (c === ':') {
      const v = parseIPv6(s);
      return v === undefined ? undefined : { family: 6, value: v };
    }
    if (c === '%') return undefined;
  }
  return undefined;
}

export function maskOf(bits: number, prefix: number): bigint {
  return ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);
}

/** Go's net.ParseCIDR; undefined when invalid (callers report "invalid CIDR address: <s>"). */
export function parseCIDR(s: string): { ip: IP; net: CIDR } | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIP(s.slice(0, slash));
  const prefixText = s.slice(slash + 1);
  if (!ip || !/^\d+$/.test(prefixText) || prefixText.length > 7) return undefined;
  const prefix = Number(prefixText);
  const bits = bitsOf(ip.family);
  if (prefix > bits) return undefined;
  const network: IP = { family: ip.family, value: ip.value & maskOf(bits, prefix) };
  return { ip, net: normalizeNet(network, prefix) };
}

/** A network over IPv4-mapped space (prefix >= 96) is the matching IPv4 network. */
export function normalizeNet(ip: IP, prefix: number): CIDR {
  const n = normalize(ip);
  return n.family === ip.family ? { ip, prefix } : { ip: n, prefix: Math.max(0, prefix - 96) };
}

/** Go's IPNet.Contains: families must match (after unwrapping IPv4-mapped addresses). */
export function contains(net: CIDR, ip: IP): boolean {
  const addr = normalize(ip);
  if (addr.family !== net.ip.family) return false;
  const mask = maskOf(bitsOf(addr.family), net.prefix);
  return (addr.value & mask) === net.ip.value;
}

export function lastAddress(net: CIDR): IP {
  const bits = bitsOf(net.ip.family);
  return { family: net.ip.family, value: net.ip.value | ((1n << BigInt(bits - net.prefix)) - 1n) };
}

/** Go's IP.String(): dotted IPv4 (also for IPv4-mapped addresses), RFC 5952 IPv6. */
export function formatIP(ip: IP): string {
  const n = normalize(ip);
  if (n.family === 4) return [24n, 16n, 8n, 0n].map((s) => String((n.value >> s) & 0xffn)).join('.');
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((s) => Number((n.value >> s) & 0xffffn));
  // Compress the first longest run of two or more zero groups.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = Math.max(i, j);
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return hex.slice(0, bestStart).join(':') + '::' + hex.slice(bestStart + bestLength).join(':');
}

export function formatCIDR(net: CIDR): string {
  return `${formatIP(net.ip)}/${net.prefix}`;
}
