/**
 * A port of the behaviour of Go's fmt.Sprintf for the argument types OPA's sprintf hands it:
 * `int` (int64), `*big.Int`, `float64` and `string`. Verbs, flags, width, precision, argument
 * indexes and Go's error notations (`%!d(string=x)`, `%!v(MISSING)`, `%!(EXTRA …)`) follow fmt.
 */
import { formatFloat } from './sprintf-float.js';
import type { FloatFormat } from './sprintf-float.js';
import { canBackquote, goQuote, goQuoteRune, isGoPrintable } from './sprintf-goquote.js';

export type GoArg =
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'bigint'; readonly value: bigint }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string };

const GO_TYPE_NAMES: Record<GoArg['kind'], string> = {
  int: 'int',
  bigint: '*big.Int',
  float: 'float64',
  string: 'string',
};

/** Go's parsenum refuses numbers this large (they are treated as absent). */
const MAX_NUM = 1_000_000;

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number;
  widPresent: boolean;
  prec: number;
  precPresent: boolean;
}

function clearFlags(): Flags {
  return {
    plus: false,
    minus: false,
    sharp: false,
    space: false,
    zero: false,
    plusV: false,
    sharpV: false,
    wid: 0,
    widPresent: false,
    prec: 0,
    precPresent: false,
  };
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

class Printer {
  out = '';
  f: Flags = clearFlags();

  writePadding(n: number): void {
    if (n <= 0) return;
    this.out += (this.f.zero && !this.f.minus ? '0' : ' ').repeat(n);
  }

  pad(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.out += s;
      return;
    }
    const width = this.f.wid - runeCount(s);
    if (!this.f.minus) {
      this.writePadding(width);
      this.out += s;
    } else {
      this.out += s;
      this.writePadding(width);
    }
  }

  /** Pads without zero padding (fmt turns `zero` off for these cases). */
  padSpaces(s: string): void {
    const oldZero = this.f.zero;
    this.f.zero = false;
    this.pad(s);
    this.f.zero = oldZero;
  }

  printArg(arg: GoArg, verb: string): void {
    if (verb === 'T') {
      this.fmtS(GO_TYPE_NAMES[arg.kind]);
      return;
    }
    // %w only wraps errors (in fmt.Errorf); fmt reports it as a bad verb for anything else.
    if (verb === 'w' && arg.kind === 'bigint') {
      this.badVerb(verb, arg);
      return;
    }
    switch (arg.kind) {
      case 'int':
        this.fmtInt(arg.value, verb, arg);
        return;
      case 'bigint':
        this.formatBigInt(arg.value, verb);
        return;
      case 'float':
        this.fmtFloatVerb(arg.value, verb, arg);
        return;
      case 'string':
        this.fmtStringVerb(arg.value, verb, arg);
        return;
    }
  }

  badVerb(verb: string, arg: GoArg): void {
    this.out += '%!' + verb + '(' + GO_TYPE_NAMES[arg.kind] + '=';
    this.printArg(arg, 'v');
    this.out += ')';
  }

  // ---- integers ----

  fmtInt(v: bigint, verb: string, arg: GoArg): void {
    switch (verb) {
      case 'v':
      case 'd':
        this.fmtInteger(v, 10, verb, false);
        return;
      case 'b':
        this.fmtInteger(v, 2, verb, false);
        return;
      case 'o':
      case 'O':
        this.fmtInteger(v, 8, verb, false);
        return;
      case 'x':
        this.fmtInteger(v, 16, verb, false);
        return;
      case 'X':
        this.fmtInteger(v, 16, verb, true);
        return;
      case 'c':
        this.pad(String.fromCodePoint(validRune(BigInt.asUintN(64, v))));
        return;
      case 'q':
        this.pad(goQuoteRune(validRune(BigInt.asUintN(64, v)), this.f.plus));
        return;
      case 'U':
        this.fmtUnicode(BigInt.asUintN(64, v));
        return;
      default:
        this.badVerb(verb, arg);
    }
  }

  fmtInteger(v: bigint, base: number, verb: string, upper: boolean): void {
    const negative = v < 0n;
    const magnitude = negative ? -v : v;
    let prec = 0;
    if (this.f.precPresent) {
      prec = this.f.prec;
      // Precision 0 and value 0 means "print nothing" but padding.
      if (prec === 0 && magnitude === 0n) {
        this.padSpaces('');
        return;
      }
    } else if (this.f.zero && !this.f.minus && this.f.widPresent) {
      prec = this.f.wid;
      if (negative || this.f.plus || this.f.space) prec--; // leave room for the sign
    }
    let digits = magnitude.toString(base);
    if (upper) digits = digits.toUpperCase();
    if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
    if (this.f.sharp) {
      if (base === 2) digits = '0b' + digits;
      else if (base === 8 && digits[0] !== '0') digits = '0' + digits;
      else if (base === 16) digits = (upper ? '0X' : '0x') + digits;
    }
    if (verb === 'O') digits = '0o' + digits;
    if (negative) digits = '-' + digits;
    else if (this.f.plus) digits = '+' + digits;
    else if (this.f.space) digits = ' ' + digits;
    // Zero padding was done above as precision, or is overridden by an explicit precision.
    this.padSpaces(digits);
  }

  fmtUnicode(u: bigint): void {
    let hex = u.toString(16).toUpperCase();
    const minDigits = this.f.precPresent && this.f.prec > 4 ? this.f.prec : 4;
    hex = hex.padStart(minDigits, '0');
    let s = 'U+' + hex;
    if (this.f.sharp && u <= 0x10ffffn) {
      const ch = String.fromCodePoint(validRune(u));
      if (isGoPrintable(ch)) s += " '" + ch + "'";
    }
    this.padSpaces(s);
  }

  /** math/big's Int.Format. */
  formatBigInt(v: bigint, verb: string): void {
    const bases: Record<string, number> = { b: 2, o: 8, O: 8, d: 10, s: 10, v: 10, x: 16, X: 16 };
    const base = bases[verb];
    if (base === undefined) {
      this.out += `%!${verb}(big.Int=${v.toString()})`;
      return;
    }
    const plus = this.f.plus || this.f.plusV;
    const sharp = this.f.sharp || this.f.sharpV;
    const sign = v < 0n ? '-' : plus ? '+' : this.f.space ? ' ' : '';
    let prefix = '';
    if (sharp) prefix = ({ b: '0b', o: '0', x: '0x', X: '0X' } as Record<string, string>)[verb] ?? '';
    if (verb === 'O') prefix = '0o';
    let digits = (v < 0n ? -v : v).toString(base);
    if (verb === 'X') digits = digits.toUpperCase();
    let zeros = 0;
    if (this.f.precPresent) {
      if (digits.length < this.f.prec) zeros = this.f.prec - digits.length;
      else if (digits === '0' && this.f.prec === 0) return;
    }
    let left = 0;
    let right = 0;
    const length = sign.length + prefix.length + zeros + digits.length;
    if (this.f.widPresent && length < this.f.wid) {
      const d = this.f.wid - length;
      if (this.f.minus) right = d;
      else if (this.f.zero && !this.f.precPresent) zeros = d;
      else left = d;
    }
    this.out += ' '.repeat(left) + sign + prefix + '0'.repeat(zeros) + digits + ' '.repeat(right);
  }

  // ---- floats ----

  fmtFloatVerb(v: number, verb: string, arg: GoArg): void {
    switch (verb) {
      case 'v':
        this.fmtFloat(v, 'g', -1);
        return;
      case 'g':
      case 'G':
        this.fmtFloat(v, verb, -1);
        return;
      case 'e':
      case 'E':
      case 'f':
        this.fmtFloat(v, verb, 6);
        return;
      case 'F':
        this.fmtFloat(v, 'f', 6);
        return;
      default:
        this.badVerb(verb, arg);
    }
  }

  fmtFloat(v: number, verb: FloatFormat, defaultPrec: number): void {
    const prec = this.f.precPresent ? this.f.prec : defaultPrec;
    let num = formatFloat(v, verb, prec);
    if (num[0] !== '-' && num[0] !== '+') num = '+' + num;
    if (this.f.space && num[0] === '+' && !this.f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      if (num[1] === 'N' && !this.f.space && !this.f.plus) num = num.slice(1);
      this.padSpaces(num);
      return;
    }
    if (this.f.sharp) num = sharpFloat(num, verb, prec);
    if (this.f.plus || num[0] !== '+') {
      // With zero padding the sign goes before the zeros.
      if (this.f.zero && !this.f.minus && this.f.widPresent && this.f.wid > num.length) {
        this.out += num[0];
        this.writePadding(this.f.wid - num.length);
        this.out += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  // ---- strings ----

  fmtStringVerb(s: string, verb: string, arg: GoArg): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) this.fmtQ(s);
        else this.fmtS(s);
        return;
      case 's':
        this.fmtS(s);
        return;
      case 'x':
        this.fmtSx(s, false);
        return;
      case 'X':
        this.fmtSx(s, true);
        return;
      case 'q':
        this.fmtQ(s);
        return;
      default:
        this.badVerb(verb, arg);
    }
  }

  truncate(s: string): string {
    if (!this.f.precPresent) return s;
    return Array.from(s).slice(0, this.f.prec).join('');
  }

  fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.f.sharp && canBackquote(s)) this.pad('`' + s + '`');
    else this.pad(goQuote(s, this.f.plus));
  }

  fmtSx(s: string, upper: boolean): void {
    const bytes = Buffer.from(s, 'utf8');
    let length = bytes.length;
    if (this.f.precPresent && this.f.prec < length) length = this.f.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.f.space) {
        if (this.f.sharp) width *= 2;
        width += length - 1;
      } else if (this.f.sharp) width += 2;
    } else {
      if (this.f.widPresent) this.writePadding(this.f.wid);
      return;
    }
    if (this.f.widPresent && this.f.wid > width && !this.f.minus) this.writePadding(this.f.wid - width);
    const prefix = upper ? '0X' : '0x';
    let text = this.f.sharp ? prefix : '';
    for (let i = 0; i < length; i++) {
      if (this.f.space && i > 0) text += this.f.sharp ? ' ' + prefix : ' ';
      const hex = bytes[i].toString(16).padStart(2, '0');
      text += upper ? hex.toUpperCase() : hex;
    }
    this.out += text;
    if (this.f.widPresent && this.f.wid > width && this.f.minus) this.writePadding(this.f.wid - width);
  }
}

function validRune(u: bigint): number {
  if (u > 0x10ffffn || (u >= 0xd800n && u <= 0xdfffn)) return 0xfffd;
  return Number(u);
}

/** The '#' flag keeps the decimal point, and for %g keeps trailing zeros up to the precision. */
function sharpFloat(num: string, verb: FloatFormat, prec: number): string {
  let digits = verb === 'g' || verb === 'G' ? (prec === -1 ? 6 : prec) : 0;
  let body = num;
  let tail = '';
  const e = body.search(/[eE]/);
  if (e >= 0) {
    tail = body.slice(e);
    body = body.slice(0, e);
  }
  let hasPoint = false;
  let sawNonzero = false;
  // body[0] is the sign.
  for (let i = 1; i < body.length; i++) {
    if (body[i] === '.') {
      hasPoint = true;
      continue;
    }
    if (body[i] !== '0') sawNonzero = true;
    // Significant digits are counted from the first non-zero one.
    if (sawNonzero) digits--;
  }
  if (!hasPoint) {
    if (body.length === 2 && body[1] === '0') digits--;
    body += '.';
  }
  if (digits > 0) body += '0'.repeat(digits);
  return body + tail;
}

/** Parses a decimal number at `i`; Go treats numbers over a million as absent. */
function parseNum(format: string, i: number, end: number): { num: number; present: boolean; next: number } {
  if (i >= end) return { num: 0, present: false, next: i };
  let num = 0;
  let present = false;
  while (i < end && format[i] >= '0' && format[i] <= '9') {
    if (num > MAX_NUM) return { num: 0, present: false, next: end };
    num = num * 10 + (format.charCodeAt(i) - 48);
    present = true;
    i++;
  }
  return { num, present, next: i };
}

/** fmt.Sprintf(format, ...args). */
export function goSprintf(format: string, args: readonly GoArg[]): string {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex: boolean;
  let reordered = false;
  let goodArgNum: boolean;

  const argNumber = (i: number): { argNum: number; i: number; found: boolean } => {
    if (i >= end || format[i] !== '[') return { argNum, i, found: false };
    reordered = true;
    const close = format.indexOf(']', i + 1);
    if (end - i < 3 || close < 0) {
      goodArgNum = false;
      return { argNum, i: i + 1, found: false };
    }
    const parsed = parseNum(format, i + 1, close);
    if (!parsed.present || parsed.next !== close) {
      goodArgNum = false;
      return { argNum, i: close + 1, found: false };
    }
    const index = parsed.num - 1;
    if (index >= 0 && index < args.length) return { argNum: index, i: close + 1, found: true };
    goodArgNum = false;
    return { argNum, i: close + 1, found: true };
  };

  const intFromArg = (): { num: number; ok: boolean } => {
    if (argNum >= args.length) return { num: 0, ok: false };
    const arg = args[argNum++];
    if (arg.kind !== 'int') return { num: 0, ok: false };
    const n = Number(arg.value);
    if (n > MAX_NUM || n < -MAX_NUM) return { num: 0, ok: false };
    return { num: n, ok: true };
  };

  let i = 0;
  formatLoop: while (i < end) {
    goodArgNum = true;
    const start = i;
    while (i < end && format[i] !== '%') i++;
    if (i > start) p.out += format.slice(start, i);
    if (i >= end) break;
    i++;
    p.f = clearFlags();
    const f = p.f;
    simpleFormat: for (; i < end; i++) {
      const c = format[i];
      switch (c) {
        case '#':
          f.sharp = true;
          break;
        case '0':
          f.zero = true;
          break;
        case '+':
          f.plus = true;
          break;
        case '-':
          f.minus = true;
          break;
        case ' ':
          f.space = true;
          break;
        default:
          // Fast path: flags followed directly by a lower-case verb.
          if (c >= 'a' && c <= 'z' && argNum < args.length) {
            if (c === 'v') moveVFlags(f);
            p.printArg(args[argNum], c);
            argNum++;
            i++;
            continue formatLoop;
          }
          break simpleFormat;
      }
    }

    ({ argNum, i, found: afterIndex } = argNumber(i));

    if (i < end && format[i] === '*') {
      i++;
      const width = intFromArg();
      f.wid = width.num;
      f.widPresent = width.ok;
      if (!width.ok) p.out += '%!(BADWIDTH)';
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      afterIndex = false;
    } else {
      const width = parseNum(format, i, end);
      f.wid = width.num;
      f.widPresent = width.present;
      i = width.next;
      if (afterIndex && f.widPresent) goodArgNum = false;
    }

    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      ({ argNum, i, found: afterIndex } = argNumber(i));
      if (i < end && format[i] === '*') {
        i++;
        const precision = intFromArg();
        f.prec = precision.num;
        f.precPresent = precision.ok;
        if (f.prec < 0) {
          f.prec = 0;
          f.precPresent = false;
        }
        if (!precision.ok) p.out += '%!(BADPREC)';
        afterIndex = false;
      } else {
        const precision = parseNum(format, i, end);
        f.prec = precision.present ? precision.num : 0;
        f.precPresent = true;
        i = precision.next;
      }
    }

    if (!afterIndex) ({ argNum, i } = argNumber(i));

    if (i >= end) {
      p.out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;

    if (verb === '%') p.out += '%';
    else if (!goodArgNum) p.out += `%!${verb}(BADINDEX)`;
    else if (argNum >= args.length) p.out += `%!${verb}(MISSING)`;
    else {
      if (verb === 'v') moveVFlags(f);
      p.printArg(args[argNum], verb);
      argNum++;
    }
  }

  if (!reordered && argNum < args.length) {
    p.f = clearFlags();
    p.out += '%!(EXTRA ';
    args.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.out += ', ';
      p.out += GO_TYPE_NAMES[arg.kind] + '=';
      p.printArg(arg, 'v');
    });
    p.out += ')';
  }
  return p.out;
}

/** For %v, '#' means Go syntax and '+' means field names: both leave their usual meaning. */
function moveVFlags(f: Flags): void {
  f.sharpV = f.sharp;
  f.sharp = false;
  f.plusV = f.plus;
  f.plus = false;
}
