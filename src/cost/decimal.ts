/**
 * Exact decimal arithmetic for money: a value is an integer count of units at a
 * given decimal scale (units × 10^-scale). Prices like 0.0000166667 and
 * quantities like 730 multiply without any binary floating-point drift.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d+))?$/;

export const ZERO: Decimal = { units: 0n, scale: 0 };

/** Parses a plain decimal string ("0.096", "-12", "730.5"); exponents are rejected. */
export function parseDecimal(text: string): Decimal {
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match) throw new Error(`not a decimal number: ${JSON.stringify(text)}`);
  const [, sign, whole, fraction = ''] = match;
  const magnitude = BigInt(whole + fraction);
  return normalize({ units: sign === '-' ? -magnitude : magnitude, scale: fraction.length });
}

/**
 * Converts a plan/usage number to a decimal. Integers are exact; other numbers go
 * through their shortest round-trip string, which is how the JSON source wrote them.
 */
export function decimalFromNumber(value: number | bigint): Decimal {
  if (typeof value === 'bigint') return { units: value, scale: 0 };
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  if (Number.isInteger(value) && Number.isSafeInteger(value)) return { units: BigInt(value), scale: 0 };
  const text = String(value);
  if (!/e/i.test(text)) return parseDecimal(text);
  return parseDecimal(value.toFixed(20));
}

export function toDecimal(value: Decimal | string | number): Decimal {
  if (typeof value === 'string') return parseDecimal(value);
  if (typeof value === 'number') return decimalFromNumber(value);
  return value;
}

function rescale(value: Decimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

/** Drops trailing zero digits so equal values share one representation. */
function normalize(value: Decimal): Decimal {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

export function add(left: Decimal, right: Decimal): Decimal {
  const scale = Math.max(left.scale, right.scale);
  return normalize({ units: rescale(left, scale) + rescale(right, scale), scale });
}

export function subtract(left: Decimal, right: Decimal): Decimal {
  return add(left, negate(right));
}

export function negate(value: Decimal): Decimal {
  return { units: -value.units, scale: value.scale };
}

export function multiply(left: Decimal, right: Decimal): Decimal {
  return normalize({ units: left.units * right.units, scale: left.scale + right.scale });
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce(add, ZERO);
}

export function compareDecimal(left: Decimal, right: Decimal): number {
  const scale = Math.max(left.scale, right.scale);
  const difference = rescale(left, scale) - rescale(right, scale);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

export function isZero(value: Decimal): boolean {
  return value.units === 0n;
}

export function maxDecimal(left: Decimal, right: Decimal): Decimal {
  return compareDecimal(left, right) >= 0 ? left : right;
}

/** Rounds half away from zero to `scale` fraction digits. */
export function roundTo(value: Decimal, scale: number): Decimal {
  if (value.scale <= scale) return value;
  const divisor = 10n ** BigInt(value.scale - scale);
  const magnitude = value.units < 0n ? -value.units : value.units;
  let quotient = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
  return normalize({ units: value.units < 0n ? -quotient : quotient, scale });
}

/** Divides and rounds half away from zero to `scale` digits (used only for percentages). */
export function divideRounded(dividend: Decimal, divisor: Decimal, scale: number): Decimal {
  if (divisor.units === 0n) throw new Error('division by zero');
  // dividend / divisor = (d.units / 10^d.scale) / (v.units / 10^v.scale); keep one guard digit.
  const guardScale = scale + 1;
  const numerator = dividend.units * 10n ** BigInt(guardScale + divisor.scale);
  const denominator = divisor.units * 10n ** BigInt(dividend.scale);
  const guarded: Decimal = { units: numerator / denominator, scale: guardScale };
  const remainderIsExact = numerator % denominator === 0n;
  // Truncation toward zero can only lose value; the guard digit decides rounding,
  // and a non-zero remainder at exactly ...5 still rounds away from zero.
  return remainderIsExact ? roundTo(guarded, scale) : roundTo(nudgeAwayFromZero(guarded), scale);
}

function nudgeAwayFromZero(value: Decimal): Decimal {
  const extra = value.units < 0n ? -1n : 1n;
  return { units: value.units * 10n + extra, scale: value.scale + 1 };
}

/** Canonical string without exponent; keeps at least `minFractionDigits` digits. */
export function formatDecimal(value: Decimal, minFractionDigits = 0): string {
  const scale = Math.max(value.scale, minFractionDigits);
  const units = rescale(value, scale);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/** Money for display: rounded to cents, thousands separated, "-$1,234.50". */
export function formatMoney(value: Decimal | string | number): string {
  const cents = roundTo(toDecimal(value), 2);
  const text = formatDecimal(cents, 2);
  const negative = text.startsWith('-');
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}$${grouped}.${fraction}`;
}
