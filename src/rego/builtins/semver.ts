/**
 * semver.* builtins, held to SemVer 2.0.0 exactly (https://semver.org): no leading zeros in numeric
 * parts, non-empty pre-release and build sections, build metadata ignored for precedence.
 */
import type { BuiltinDef } from './builtin.js';
import { BuiltinError, operandError } from './builtin.js';
import type { Value } from '../value.js';

interface SemVer {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  /** Dot-separated pre-release identifiers; empty for a release. */
  readonly preRelease: readonly string[];
}

const NUMERIC = '0|[1-9]\\d*';
const PRE_RELEASE_ID = `(?:${NUMERIC}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const SEMVER = new RegExp(
  `^(${NUMERIC})\\.(${NUMERIC})\\.(${NUMERIC})` +
    `(?:-(${PRE_RELEASE_ID}(?:\\.${PRE_RELEASE_ID})*))?` +
    `(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`,
);

export function parseSemVer(text: string): SemVer | undefined {
  const m = SEMVER.exec(text);
  if (!m) return undefined;
  return {
    major: BigInt(m[1]),
    minor: BigInt(m[2]),
    patch: BigInt(m[3]),
    preRelease: m[4] === undefined ? [] : m[4].split('.'),
  };
}

const sign = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);
const isNumeric = (id: string): boolean => /^\d+$/.test(id);

/** SemVer precedence: -1, 0 or 1. */
export function compareSemVer(a: SemVer, b: SemVer): number {
  const core = sign(a.major, b.major) || sign(a.minor, b.minor) || sign(a.patch, b.patch);
  if (core !== 0) return core;
  // A release outranks any of its pre-releases.
  if (a.preRelease.length === 0) return b.preRelease.length === 0 ? 0 : 1;
  if (b.preRelease.length === 0) return -1;
  const n = Math.min(a.preRelease.length, b.preRelease.length);
  for (let i = 0; i < n; i++) {
    const c = compareIdentifiers(a.preRelease[i], b.preRelease[i]);
    if (c !== 0) return c;
  }
  return Math.sign(a.preRelease.length - b.preRelease.length);
}

function compareIdentifiers(x: string, y: string): number {
  const xNumeric = isNumeric(x);
  const yNumeric = isNumeric(y);
  if (xNumeric && yNumeric) return sign(BigInt(x), BigInt(y));
  if (xNumeric !== yNumeric) return xNumeric ? -1 : 1; // numeric identifiers rank lower
  return x < y ? -1 : x > y ? 1 : 0; // identifiers are ASCII, so UTF-16 order is byte order
}

/** Go's strconv.Quote for the strings OPA prints in messages. */
function goQuote(s: string): string {
  const escapes: Record<string, string> = { '\u0007': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\' };
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (escapes[ch] !== undefined) out += escapes[ch];
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

function versionOperand(args: readonly Value[], index: number): SemVer {
  const text = args[index];
  if (typeof text !== 'string') throw operandError(index, 'string', text);
  return parseSemVer(text) ?? invalid(index, text);
}

function invalid(index: number, text: string): never {
  throw new BuiltinError(`operand ${index + 1}: string ${goQuote(text)} is not a valid SemVer`);
}

export const builtins: BuiltinDef[] = [
  {
    name: 'semver.is_valid',
    arity: 1,
    fn: (args) => typeof args[0] === 'string' && parseSemVer(args[0]) !== undefined,
  },
  {
    name: 'semver.compare',
    arity: 2,
    fn: (args) => {
      // Both operands are type-checked before either is parsed, as in OPA.
      if (typeof args[0] !== 'string') throw operandError(0, 'string', args[0]);
      if (typeof args[1] !== 'string') throw operandError(1, 'string', args[1]);
      return compareSemVer(versionOperand(args, 0), versionOperand(args, 1));
    },
  },
];
