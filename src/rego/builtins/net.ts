/** net.cidr_* builtins (IPv4 and IPv6), following OPA's Go implementation and its messages. */
import type { Value } from '../value.js';
import { SetValue, isArray, isObject, isSet } from '../value.js';
import type { BuiltinDef } from './builtin.js';
import { BuiltinError, operandError } from './builtin.js';
import type { CIDR } from './net-ip.js';
import { bitsOf, contains, formatIP, lastAddress, parseCIDR, parseIP } from './net-ip.js';
import type { GivenNetwork } from './net-merge.js';
import { classfulNetwork, givenCIDR, mergeNetworks } from './net-merge.js';

/** The most addresses net.cidr_expand will list; OPA has no limit but would time out instead. */
const MAX_EXPANDED = 1 << 20;

/** OPA reads every CIDR operand as "operand 1", whichever position it is in. */
function networkOperand(v: Value): CIDR {
  if (typeof v !== 'string') throw operandError(0, 'string', v);
  const parsed = parseCIDR(v);
  if (!parsed) throw new BuiltinError(`invalid CIDR address: ${v}`);
  return parsed.net;
}

function cidrContains(a: Value, b: Value): boolean {
  const net = networkOperand(a);
  if (typeof b !== 'string') throw operandError(0, 'string', b);
  const ip = parseIP(b);
  if (ip) return contains(net, ip);
  const parsed = parseCIDR(b);
  if (!parsed) throw new BuiltinError(`not a valid textual representation of an IP address or CIDR: ${b}`);
  // A contains B when it contains both B's first and last addresses.
  return contains(net, parsed.net.ip) && contains(net, lastAddress(parsed.net));
}

function cidrIntersects(args: readonly Value[]): Value {
  const a = networkOperand(args[0]);
  const b = networkOperand(args[1]);
  return contains(a, b.ip) || contains(b, a.ip);
}

function cidrExpand(args: readonly Value[]): Value {
  const s = args[0];
  if (typeof s !== 'string') throw operandError(0, 'string', s);
  const parsed = parseCIDR(s);
  if (!parsed) throw new BuiltinError(`invalid CIDR address: ${s}`);
  const { net } = parsed;
  const hostBits = bitsOf(net.ip.family) - net.prefix;
  if (hostBits > 20 || 1 << hostBits > MAX_EXPANDED) throw new BuiltinError(`CIDR too large to expand: ${s}`);
  const out = new SetValue();
  const last = lastAddress(net).value;
  for (let v = net.ip.value; v <= last; v++) out.add(formatIP({ family: net.ip.family, value: v }));
  return out;
}

const ELEMENT_ERROR = 'element must be string or non-empty array';

/** Pairs (cidr, index) of one net.cidr_contains_matches operand, in OPA's iteration order. */
function matchCandidates(operand: Value, position: number): [Value, Value][] {
  const cidrOf = (x: Value): Value => {
    if (typeof x === 'string') return x;
    if (isArray(x) && x.length > 0) return x[0];
    throw new BuiltinError(`operand ${position}: ${ELEMENT_ERROR}`);
  };
  if (typeof operand === 'string') return [[operand, operand]];
  if (isArray(operand)) return operand.map((x, i) => [cidrOf(x), i]);
  if (isSet(operand)) return operand.values().map((x) => [cidrOf(x), x]);
  if (isObject(operand)) return operand.entries().map(([k, x]) => [cidrOf(x), k]);
  return [];
}

function cidrContainsMatches(args: readonly Value[]): Value {
  const out = new SetValue();
  for (const [cidr1, index1] of matchCandidates(args[0], 1)) {
    for (const [cidr2, index2] of matchCandidates(args[1], 2)) {
      if (cidrContains(cidr1, cidr2)) out.add([index1, index2]);
    }
  }
  return out;
}

function mergeElement(x: Value): GivenNetwork {
  if (typeof x !== 'string') throw new BuiltinError('element must be string');
  const ip = parseIP(x);
  if (ip) {
    if (ip.family === 6 && ip.value >> 32n !== 0xffffn) throw new BuiltinError('IPv6 invalid: needs prefix length');
    return classfulNetwork({ family: 4, value: ip.value & 0xffffffffn });
  }
  const parsed = parseCIDR(x);
  if (!parsed) throw new BuiltinError(`invalid CIDR address: ${x}`);
  return givenCIDR(parsed.net);
}

function cidrMerge(args: readonly Value[]): Value {
  const operand = args[0];
  let elements: readonly Value[];
  if (isArray(operand)) elements = operand;
  else if (isSet(operand)) elements = operand.values();
  else throw new BuiltinError('operand must be an array');
  return SetValue.of(mergeNetworks(elements.map(mergeElement)));
}

export const builtins: BuiltinDef[] = [
  { name: 'net.cidr_contains', arity: 2, fn: ([a, b]) => cidrContains(a, b) },
  { name: 'net.cidr_intersects', arity: 2, fn: cidrIntersects },
  { name: 'net.cidr_expand', arity: 1, fn: cidrExpand },
  { name: 'net.cidr_contains_matches', arity: 2, fn: cidrContainsMatches },
  { name: 'net.cidr_merge', arity: 1, fn: cidrMerge },
  { name: 'net.cidr_is_valid', arity: 1, fn: ([s]) => typeof s === 'string' && parseCIDR(s) !== undefined },
];
