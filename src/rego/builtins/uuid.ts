/** uuid.rfc4122 (random, stable within a query) and uuid.parse (as Go's google/uuid decodes). */
import { randomUUID } from 'node:crypto';
import type { Value } from '../value.js';
import { ObjectValue, hashKey, normalizeInt } from '../value.js';
import type { BuiltinContext, BuiltinDef } from './builtin.js';
import { operandError } from './builtin.js';

/** The same key gives the same UUID for the whole query, as OPA caches it per query. */
function rfc4122(args: readonly Value[], ctx: BuiltinContext): Value {
  const cacheKey = 'uuid.rfc4122:' + hashKey(args[0]);
  const cached = ctx.cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const fresh = randomUUID();
  ctx.cache.set(cacheKey, fresh);
  return fresh;
}

/** The 16 bytes of a UUID in any form google/uuid accepts, or undefined. */
export function uuidBytes(s: string): Uint8Array | undefined {
  let hex: string;
  if (s.length === 32) hex = s;
  else {
    let body: string;
    if (s.length === 36) body = s;
    else if (s.length === 45 && s.slice(0, 9).toLowerCase() === 'urn:uuid:') body = s.slice(9);
    else if (s.length === 38 && s[0] === '{' && s[37] === '}') body = s.slice(1, 37);
    else return undefined;
    if (body[8] !== '-' || body[13] !== '-' || body[18] !== '-' || body[23] !== '-') return undefined;
    hex = body.slice(0, 8) + body.slice(9, 13) + body.slice(14, 18) + body.slice(19, 23) + body.slice(24);
  }
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return undefined;
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

function variantName(b: number): string {
  if ((b & 0xc0) === 0x80) return 'RFC4122';
  if ((b & 0xe0) === 0xc0) return 'Microsoft';
  if ((b & 0xe0) === 0xe0) return 'Future';
  return 'Reserved';
}

/** Whether the node id's MAC is locally administered and/or multicast. */
function macVariables(first: number): string {
  if ((first & 0b11) === 0b11) return 'local:multicast';
  if ((first & 0b01) === 0b01) return 'global:multicast';
  if ((first & 0b10) === 0b10) return 'local:unicast';
  return 'global:unicast';
}

/** 100-ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch. */
const GREGORIAN_TO_UNIX = 122192928000000000n;

/** Time of a version 1/2 UUID, in Unix nanoseconds. */
function timeOf(u: Uint8Array): bigint {
  const view = Buffer.from(u);
  const low = BigInt(view.readUInt32BE(0));
  const mid = BigInt(view.readUInt16BE(4));
  const high = BigInt(view.readUInt16BE(6) & 0x0fff);
  const t = low | (mid << 32n) | (high << 48n);
  return (t - GREGORIAN_TO_UNIX) * 100n;
}

function domainName(d: number): string {
  return ['Person', 'Group', 'Org'][d] ?? `Domain${d}`;
}

function parse(args: readonly Value[]): Value | undefined {
  const s = args[0];
  if (typeof s !== 'string') throw operandError(0, 'string', s);
  const u = uuidBytes(s);
  if (!u) return undefined;
  const version = u[6] >> 4;
  const out = new ObjectValue();
  out.put('version', version);
  out.put('variant', variantName(u[8]));
  if (version === 1 || version === 2) {
    const node = Buffer.from(u.subarray(10));
    out.put('time', normalizeInt(timeOf(u)));
    out.put('nodeid', [...node].map((b) => b.toString(16).padStart(2, '0')).join('-'));
    out.put('macvariables', macVariables(node[0]));
    out.put('clocksequence', ((u[8] << 8) | u[9]) & 0x3fff);
    if (version === 2) {
      out.put('id', Buffer.from(u).readUInt32BE(0));
      out.put('domain', domainName(u[9]));
    }
  }
  return out;
}

export const builtins: BuiltinDef[] = [
  { name: 'uuid.rfc4122', arity: 1, nondeterministic: true, fn: rfc4122 },
  { name: 'uuid.parse', arity: 1, fn: parse },
];
