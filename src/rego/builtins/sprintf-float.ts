/**
 * Go's strconv.FormatFloat for float64, formats 'e', 'E', 'f', 'g', 'G'.
 *
 * Digits come either from the shortest round-tripping representation (precision -1, which JS
 * computes the same way Go does) or from the exact binary value rounded half-to-even, as Go rounds
 * with an explicit precision (JS's toFixed rounds ties away from zero, so it cannot be used).
 */

/** A decimal `0.d1d2d3… × 10^dp`; `digits` has no leading or trailing zeros ('' for zero). */
interface Decimal {
  digits: string;
  dp: number;
}

function shortestDecimal(v: number): Decimal {
  if (v === 0) return { digits: '', dp: 0 };
  const [mantissa, exponent] = Math.abs(v).toExponential().split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '');
  return { digits, dp: Number(exponent) + 1 };
}

/** The exact decimal expansion of a finite double. */
function exactDecimal(v: number): Decimal {
  if (v === 0) return { digits: '', dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(v));
  const bits = view.getBigUint64(0);
  const biasedExp = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biasedExp === 0 ? fraction : fraction | (1n << 52n);
  const exp2 = (biasedExp === 0 ? 1 : biasedExp) - 1075;
  let text: string;
  let dp: number;
  if (exp2 >= 0) {
    text = (mantissa << BigInt(exp2)).toString();
    dp = text.length;
  } else {
    // m / 2^k = m * 5^k / 10^k
    text = (mantissa * 5n ** BigInt(-exp2)).toString();
    dp = text.length + exp2;
  }
  return { digits: text.replace(/0+$/, ''), dp };
}

/** Rounds to `nd` significant digits, ties to even (Go's decimal.Round). */
function roundDecimal(d: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= d.digits.length) return d;
  const next = d.digits.charCodeAt(nd) - 48;
  let up: boolean;
  if (next === 5 && nd + 1 === d.digits.length) up = nd > 0 && (d.digits.charCodeAt(nd - 1) - 48) % 2 === 1;
  else up = next >= 5;
  if (!up) {
    const digits = d.digits.slice(0, nd).replace(/0+$/, '');
    return { digits, dp: digits ? d.dp : 0 };
  }
  let i = nd - 1;
  while (i >= 0 && d.digits[i] === '9') i--;
  if (i < 0) return { digits: '1', dp: d.dp + 1 };
  return { digits: d.digits.slice(0, i) + String.fromCharCode(d.digits.charCodeAt(i) + 1), dp: d.dp };
}

function formatE(neg: boolean, d: Decimal, prec: number, upper: boolean): string {
  let out = neg ? '-' : '';
  out += d.digits.length ? d.digits[0] : '0';
  if (prec > 0) out += '.' + d.digits.slice(1, prec + 1).padEnd(prec, '0');
  out += upper ? 'E' : 'e';
  const exp = d.digits.length === 0 ? 0 : d.dp - 1;
  out += exp < 0 ? '-' : '+';
  const absExp = Math.abs(exp);
  return out + (absExp < 10 ? '0' + absExp : String(absExp));
}

function formatF(neg: boolean, d: Decimal, prec: number): string {
  let out = neg ? '-' : '';
  if (d.dp > 0) {
    const m = Math.min(d.digits.length, d.dp);
    out += d.digits.slice(0, m) + '0'.repeat(d.dp - m);
  } else out += '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = d.dp + i - 1;
      out += j >= 0 && j < d.digits.length ? d.digits[j] : '0';
    }
  }
  return out;
}

export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G';

/** strconv.FormatFloat(v, format, prec, 64); `prec` -1 means the shortest representation. */
export function formatFloat(v: number, format: FloatFormat, prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  const neg = v < 0 || Object.is(v, -0);
  const shortest = prec < 0;
  let d: Decimal;
  if (shortest) {
    d = shortestDecimal(v);
    if (format === 'e' || format === 'E') prec = Math.max(d.digits.length - 1, 0);
    else if (format === 'f') prec = Math.max(d.digits.length - d.dp, 0);
    else prec = d.digits.length;
  } else {
    d = exactDecimal(v);
    if (format === 'e' || format === 'E') d = roundDecimal(d, prec + 1);
    else if (format === 'f') d = roundDecimal(d, d.dp + prec);
    else {
      if (prec === 0) prec = 1;
      d = roundDecimal(d, prec);
    }
  }
  if (format === 'e' || format === 'E') return formatE(neg, d, prec, format === 'E');
  if (format === 'f') return formatF(neg, d, prec);
  return formatG(neg, d, prec, shortest, format === 'G');
}

function formatG(neg: boolean, d: Decimal, prec: number, shortest: boolean, upper: boolean): string {
  const nd = d.digits.length;
  let eprec = prec;
  if (eprec > nd && nd >= d.dp) eprec = nd;
  // Go decides on %e with precision 6 when the precision was the shortest possible.
  if (shortest) eprec = 6;
  const exp = d.dp - 1;
  if (exp < -4 || exp >= eprec) return formatE(neg, d, Math.min(prec, nd) - 1, upper);
  if (prec > d.dp) prec = nd;
  return formatF(neg, d, Math.max(prec - d.dp, 0));
}
