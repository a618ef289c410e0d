/**
 * Rego values.
 *
 * Scalars are JavaScript primitives (null, boolean, string); numbers are `number`, or `bigint` for
 * integers outside the safe range (OPA's numbers are arbitrary precision). Arrays are plain frozen-by-
 * convention JS arrays. Objects and sets are classes because their keys/elements may be any value.
 * Values are immutable once built: builders create them, nothing mutates them afterwards.
 */

export type Num = number | bigint;
export type Value = null | boolean | number | bigint | string | readonly Value[] | ObjectValue | SetValue;

export type TypeName = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' | 'set';

const NON_STRING_KEY_PREFIX = '\u0001';

/** A string that identifies a value up to Rego equality: equal values have equal keys. */
export function hashKey(v: Value): string {
  if (typeof v === 'string') return v.startsWith(NON_STRING_KEY_PREFIX) ? NON_STRING_KEY_PREFIX + 's' + v : v;
  return NON_STRING_KEY_PREFIX + canonical(v);
}

const canonicalCache = new WeakMap<object, string>();

function canonical(v: Value): string {
  if (v === null) return 'n';
  switch (typeof v) {
    case 'boolean':
      return v ? 't' : 'f';
    case 'number':
    case 'bigint':
      return 'd' + numberToString(v);
    case 'string':
      return JSON.stringify(v);
    default: {
      const cached = canonicalCache.get(v);
      if (cached !== undefined) return cached;
      let out: string;
      if (Array.isArray(v)) out = '[' + (v as readonly Value[]).map(canonical).join(',') + ']';
      else if (v instanceof ObjectValue) out = '{' + v.entries().map(([k, x]) => canonical(k) + ':' + canonical(x)).join(',') + '}';
      else out = '<' + (v as SetValue).values().map(canonical).join(',') + '>';
      canonicalCache.set(v, out);
      return out;
    }
  }
}

export class ObjectValue {
  private readonly map = new Map<string, readonly [Value, Value]>();
  private sorted: (readonly [Value, Value])[] | undefined;

  static fromEntries(entries: Iterable<readonly [Value, Value]>): ObjectValue {
    const o = new ObjectValue();
    for (const [k, v] of entries) o.map.set(hashKey(k), [k, v]);
    return o;
  }

  /** Builder use only: adds or replaces a key while the object is being constructed. */
  put(key: Value, value: Value): void {
    this.map.set(hashKey(key), [key, value]);
    this.sorted = undefined;
  }

  get(key: Value): Value | undefined {
    return this.map.get(hashKey(key))?.[1];
  }

  has(key: Value): boolean {
    return this.map.has(hashKey(key));
  }

  get size(): number {
    return this.map.size;
  }

  /** Entries in Rego order of their keys (OPA iterates objects in sorted key order). */
  entries(): readonly (readonly [Value, Value])[] {
    if (this.sorted === undefined) this.sorted = [...this.map.values()].sort((a, b) => compare(a[0], b[0]));
    return this.sorted;
  }

  keys(): Value[] {
    return this.entries().map((e) => e[0]);
  }
}

export class SetValue {
  private readonly map = new Map<string, Value>();
  private sorted: Value[] | undefined;

  static of(values: Iterable<Value>): SetValue {
    const s = new SetValue();
    for (const v of values) s.map.set(hashKey(v), v);
    return s;
  }

  /** Builder use only. */
  add(v: Value): void {
    const k = hashKey(v);
    if (!this.map.has(k)) {
      this.map.set(k, v);
      this.sorted = undefined;
    }
  }

  has(v: Value): boolean {
    return this.map.has(hashKey(v));
  }

  get size(): number {
    return this.map.size;
  }

  /** Elements in Rego order. */
  values(): readonly Value[] {
    if (this.sorted === undefined) this.sorted = [...this.map.values()].sort(compare);
    return this.sorted;
  }
}

export const isArray = (v: Value): v is readonly Value[] => Array.isArray(v);
export const isObject = (v: Value): v is ObjectValue => v instanceof ObjectValue;
export const isSet = (v: Value): v is SetValue => v instanceof SetValue;
export const isNumber = (v: Value): v is Num => typeof v === 'number' || typeof v === 'bigint';

export function typeName(v: Value): TypeName {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'number':
    case 'bigint':
      return 'number';
    case 'string':
      return 'string';
    default:
      if (Array.isArray(v)) return 'array';
      return v instanceof ObjectValue ? 'object' : 'set';
  }
}

const TYPE_ORDER: Record<TypeName, number> = { null: 0, boolean: 1, number: 2, string: 3, array: 6, object: 7, set: 8 };

/** Total order of Rego values, as OPA sorts them: null < booleans < numbers < strings < arrays < objects < sets. */
export function compare(a: Value, b: Value): number {
  if (a === b) return 0;
  const ta = typeName(a);
  const tb = typeName(b);
  if (ta !== tb) return TYPE_ORDER[ta] - TYPE_ORDER[tb];
  switch (ta) {
    case 'null':
      return 0;
    case 'boolean':
      return a === b ? 0 : a ? 1 : -1;
    case 'number':
      return compareNumbers(a as Num, b as Num);
    case 'string':
      return compareStrings(a as string, b as string);
    case 'array':
      return compareSequences(a as readonly Value[], b as readonly Value[]);
    case 'set':
      return compareSequences((a as SetValue).values(), (b as SetValue).values());
    case 'object': {
      const ea = (a as ObjectValue).entries();
      const eb = (b as ObjectValue).entries();
      const n = Math.min(ea.length, eb.length);
      for (let i = 0; i < n; i++) {
        const c = compare(ea[i][0], eb[i][0]) || compare(ea[i][1], eb[i][1]);
        if (c !== 0) return c;
      }
      return ea.length - eb.length;
    }
  }
}

function compareSequences(a: readonly Value[], b: readonly Value[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compare(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Go compares strings by bytes; for UTF-16 JS strings, comparing code points gives the same order. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}

export function compareNumbers(a: Num, b: Num): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  // Mixed: a bigint is always an integer outside the safe range, so compare via the integer part.
  const big = typeof a === 'bigint' ? a : (b as bigint);
  const small = typeof a === 'bigint' ? (b as number) : a;
  const floor = BigInt(Math.floor(small));
  let c: number;
  if (big !== floor) c = big < floor ? -1 : 1;
  else c = Number.isInteger(small) ? 0 : -1; // big == floor(small) < small
  return typeof a === 'bigint' ? c : -c;
}

export function equal(a: Value, b: Value): boolean {
  if (a === b) return true;
  return compare(a, b) === 0;
}

/** Normalises an integer-valued bigint back to `number` when it fits safely. */
export function normalizeInt(n: bigint): Num {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

/** Formats a number the way OPA prints it in JSON. */
export function numberToString(n: Num): string {
  if (typeof n === 'bigint') return n.toString();
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

/** Parses a JSON/Rego number literal into a Num, keeping integers exact (e.g. 1e30 + 1 stays exact). */
export function parseNumber(text: string): Num | undefined {
  if (!/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text)) return undefined;
  const f = Number(text);
  if (Number.isSafeInteger(f)) return f;
  const exact = exactInteger(text);
  if (exact !== undefined) return normalizeInt(exact);
  return f;
}

/** The literal's value as a bigint when it is mathematically an integer, else undefined. */
function exactInteger(text: string): bigint | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return undefined;
  const [, sign, intPart, frac = '', expText = '0'] = m;
  const exp = Number(expText);
  if (exp > 400) return undefined;
  let digits = intPart + frac;
  const shift = exp - frac.length;
  if (shift >= 0) digits += '0'.repeat(shift);
  else {
    const cut = digits.length + shift;
    if (cut < 0) return /^0*$/.test(digits) ? 0n : undefined;
    if (!/^0*$/.test(digits.slice(cut))) return undefined;
    digits = digits.slice(0, cut) || '0';
  }
  const v = BigInt(digits);
  return sign ? -v : v;
}

/**
 * Converts parsed JSON (or YAML) data into a Rego value. With `memo`, an object or array converted
 * before is reused (documents that share subtrees, like the two sides of a plan, convert them once).
 */
export function fromJSON(x: unknown, memo?: WeakMap<object, Value>): Value {
  if (x === null || x === undefined) return null;
  switch (typeof x) {
    case 'boolean':
    case 'string':
      return x;
    case 'number':
      return x;
    case 'bigint':
      return normalizeInt(x);
    case 'object': {
      if (x instanceof ObjectValue || x instanceof SetValue) return x;
      const known = memo?.get(x);
      if (known !== undefined) return known;
      let v: Value;
      if (Array.isArray(x)) v = x.map((item) => fromJSON(item, memo));
      else {
        const o = new ObjectValue();
        for (const k of Object.keys(x)) o.put(k, fromJSON((x as Record<string, unknown>)[k], memo));
        v = o;
      }
      memo?.set(x, v);
      return v;
    }
    default:
      throw new Error(`cannot convert ${typeof x} to a Rego value`);
  }
}

/**
 * Converts a Rego value to plain JSON data: sets become sorted arrays, non-string object keys are
 * written as compact JSON (as OPA does), big integers stay `bigint`. Objects have no prototype, so a
 * `__proto__` key is an ordinary key.
 */
export function toJSON(v: Value): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return (v as readonly Value[]).map(toJSON);
  if (v instanceof SetValue) return v.values().map(toJSON);
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, x] of (v as ObjectValue).entries()) out[objectKeyText(k)] = toJSON(x);
  return out;
}

const objectKeyText = (k: Value): string => (typeof k === 'string' ? k : stringify(k));

/** Serialises a value as JSON text, exactly (big integers included), with object keys in Rego order. */
export function stringify(v: Value, indent?: number): string {
  const pad = indent ? ' '.repeat(indent) : '';
  const write = (x: Value, depth: number): string => {
    if (x === null) return 'null';
    switch (typeof x) {
      case 'boolean':
        return String(x);
      case 'number':
      case 'bigint':
        return numberToString(x);
      case 'string':
        return JSON.stringify(x);
    }
    const items: string[] = [];
    let open: string;
    let close: string;
    if (x instanceof ObjectValue) {
      [open, close] = ['{', '}'];
      for (const [k, val] of x.entries()) items.push(JSON.stringify(objectKeyText(k)) + (pad ? ': ' : ':') + write(val, depth + 1));
    } else {
      [open, close] = ['[', ']'];
      const list = x instanceof SetValue ? x.values() : (x);
      for (const val of list) items.push(write(val, depth + 1));
    }
    if (items.length === 0) return open + close;
    if (!pad) return open + items.join(',') + close;
    const inner = '\n' + pad.repeat(depth + 1);
    return open + inner + items.join(',' + inner) + '\n' + pad.repeat(depth) + close;
  };
  return write(v, 0);
}

/** Renders a value in Rego term syntax (sets as {…}, `set()` for the empty set), as OPA prints values. */
export function toRegoString(v: Value): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return String(v);
    case 'number':
    case 'bigint':
      return numberToString(v);
    case 'string':
      return JSON.stringify(v);
    default:
      if (Array.isArray(v)) return '[' + (v as readonly Value[]).map(toRegoString).join(', ') + ']';
      if (v instanceof SetValue) return v.size === 0 ? 'set()' : '{' + v.values().map(toRegoString).join(', ') + '}';
      return '{' + (v as ObjectValue).entries().map(([k, x]) => `${toRegoString(k)}: ${toRegoString(x)}`).join(', ') + '}';
  }
}
