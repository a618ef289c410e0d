/**
 * net.cidr_merge's algorithm (after netaddr/cilium, as OPA uses it): turn every network into an
 * address range in one 128-bit space, sort by (last, first), merge overlapping or adjacent ranges,
 * and write each merged range as the fewest CIDRs that cover it exactly. A network that merged with
 * nothing is written back as it was given.
 */
import type { CIDR, IP } from './net-ip.js';
import { bitsOf, formatCIDR, formatIP, lastAddress, normalizeNet, to128 } from './net-ip.js';

/** A network as given: for a bare IPv4 address OPA keeps the address itself with a classful mask. */
export interface GivenNetwork {
  readonly text: string;
  readonly range: CIDR;
}

interface Range {
  first: bigint;
  last: bigint;
  original?: string;
}

const V4_BASE = 0xffffn << 32n;

/** A bare IPv4 address gets Go's DefaultMask (class A, B or C) and is printed unmasked. */
export function classfulNetwork(ip: IP): GivenNetwork {
  const firstOctet = Number(ip.value >> 24n);
  const prefix = firstOctet < 0x80 ? 8 : firstOctet < 0xc0 ? 16 : 24;
  const bits = bitsOf(4);
  const network = ip.value & (((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n));
  return { text: `${formatIP(ip)}/${prefix}`, range: { ip: { family: 4, value: network }, prefix } };
}

export function givenCIDR(net: CIDR): GivenNetwork {
  return { text: formatCIDR(net), range: net };
}

function toRange(n: GivenNetwork): Range {
  return { first: to128(n.range.ip), last: to128(lastAddress(n.range)), original: n.text };
}

/** The address before `x`, except that neither :: nor 0.0.0.0 goes lower (as in OPA). */
function previous(x: bigint): bigint {
  return x === 0n || x === V4_BASE ? x : x - 1n;
}

export function mergeNetworks(networks: readonly GivenNetwork[]): string[] {
  const ranges = networks.map(toRange).sort((a, b) => cmp(a.last, b.last) || cmp(a.first, b.first));
  for (let i = ranges.length - 1; i > 0; i--) {
    const current = ranges[i];
    const before = ranges[i - 1];
    if (previous(current.first) <= before.last) {
      ranges[i - 1] = { first: before.first < current.first ? before.first : current.first, last: current.last };
      ranges.splice(i, 1);
    }
  }
  return ranges.flatMap((r) => (r.original !== undefined ? [r.original] : rangeToCIDRs(r.first, r.last)));
}

const cmp = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

/** The fewest aligned blocks covering [first, last] exactly. */
function rangeToCIDRs(first: bigint, last: bigint): string[] {
  const out: string[] = [];
  let start = first;
  while (start <= last) {
    let size = 0; // log2 of the block size
    while (size < 128) {
      const next = size + 1;
      const aligned = (start & ((1n << BigInt(next)) - 1n)) === 0n;
      if (!aligned || start + (1n << BigInt(next)) - 1n > last) break;
      size = next;
    }
    out.push(formatCIDR(normalizeNet({ family: 6, value: start }, 128 - size)));
    start += 1n << BigInt(size);
  }
  return out;
}
