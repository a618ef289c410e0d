/** Hashes and HMACs over a string's UTF-8 bytes, answered as lowercase hex (as OPA does). */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Value } from '../value.js';
import type { BuiltinDef } from './builtin.js';
import { operandError } from './builtin.js';

function stringArg(args: readonly Value[], i: number): string {
  const v = args[i];
  if (typeof v !== 'string') throw operandError(i, 'string', v);
  return v;
}

function digest(algorithm: string): BuiltinDef['fn'] {
  return (args) => createHash(algorithm).update(stringArg(args, 0), 'utf8').digest('hex');
}

/** crypto.hmac.<alg>(message, key). */
function hmac(algorithm: string): BuiltinDef['fn'] {
  return (args) => {
    const message = stringArg(args, 0);
    const key = stringArg(args, 1);
    return createHmac(algorithm, Buffer.from(key, 'utf8')).update(message, 'utf8').digest('hex');
  };
}

/** Constant-time comparison of two MACs, so callers cannot learn a secret from timing. */
function hmacEqual(args: readonly Value[]): Value {
  const a = Buffer.from(stringArg(args, 0), 'utf8');
  const b = Buffer.from(stringArg(args, 1), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export const builtins: BuiltinDef[] = [
  { name: 'crypto.md5', arity: 1, fn: digest('md5') },
  { name: 'crypto.sha1', arity: 1, fn: digest('sha1') },
  { name: 'crypto.sha256', arity: 1, fn: digest('sha256') },
  { name: 'crypto.hmac.md5', arity: 2, fn: hmac('md5') },
  { name: 'crypto.hmac.sha1', arity: 2, fn: hmac('sha1') },
  { name: 'crypto.hmac.sha256', arity: 2, fn: hmac('sha256') },
  { name: 'crypto.hmac.sha512', arity: 2, fn: hmac('sha512') },
  { name: 'crypto.hmac.equal', arity: 2, fn: hmacEqual },
];
