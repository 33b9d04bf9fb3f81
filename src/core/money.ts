// Money is an integer number of kopecks (a safe integer). Nothing here goes through floating
// point: decimal text is split into digit strings and combined with BigInt.

/** An amount of money in kopecks (integer, within Number.MAX_SAFE_INTEGER). */
export type Kopecks = number;

const PLAIN_DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const USER_AMOUNT = /^([-\u2212])?\s*(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?$/;
const CURRENCY_SUFFIX = /\s*(?:₽|руб\.?|р\.)$/i;

/** Integer division rounded half-up (ties away from zero, like Decimal ROUND_HALF_UP). */
export function divHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Деление на ноль');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** Converts a BigInt to a number, throwing a RangeError if it is not a safe integer. */
export function toSafeNumber(value: bigint, what = 'Сумма'): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${what}: число слишком велико`);
  }
  return Number(value);
}

/** Throws a RangeError unless `value` is a safe integer (a programmer error at the core's edge). */
export function assertSafeInteger(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new RangeError(`${what}: ожидается целое число, получено «${String(value)}»`);
  }
}

/** Exact a·b/c rounded half-up (ties away from zero); all three are safe integers, c ≠ 0. */
export function mulDivHalfUp(a: number, b: number, c: number): number {
  assertSafeInteger(a, 'Множитель');
  assertSafeInteger(b, 'Множитель');
  assertSafeInteger(c, 'Делитель');
  // Without BigInt while every step is an exact integer in a double (a VAT share of a payment: always):
  // q = ⌊(2|ab| + |c|) / 2|c|⌋, the quotient corrected by its remainder.
  const n = Math.abs(a) * Math.abs(b);
  const d = Math.abs(c);
  if (d !== 0 && 2 * n + 3 * d < Number.MAX_SAFE_INTEGER) {
    const x = 2 * n + d;
    const y = 2 * d;
    let q = Math.floor(x / y);
    const r = x - q * y;
    if (r < 0) q -= 1;
    else if (r >= y) q += 1;
    const negative = a < 0 !== b < 0 !== c < 0;
    return q === 0 ? 0 : negative ? -q : q;
  }
  return toSafeNumber(divHalfUp(BigInt(a) * BigInt(b), BigInt(c)));
}

/** `basisPoints` hundredths of a percent of an amount, half-up (1250 bp = 12.5 %). */
export function percentOf(amountKopecks: Kopecks, basisPoints: number): Kopecks {
  return mulDivHalfUp(amountKopecks, basisPoints, 10_000);
}

/** Sum of kopeck amounts, checked to stay a safe integer. */
export function sumKopecks(amounts: readonly Kopecks[]): Kopecks {
  let total = 0n;
  for (const a of amounts) {
    assertSafeInteger(a, 'Сумма');
    total += BigInt(a);
  }
  return toSafeNumber(total);
}

/**
 * Parses a plain decimal ("-12.345", "5", "1e-7") into an integer scaled by 10^scale, rounding
 * half-up; null if the text is not a plain decimal.
 */
export function decimalToScaled(text: string, scale: number): bigint | null {
  const m = PLAIN_DECIMAL.exec(text.trim());
  if (!m) return null;
  const [, sign, intDigits, fracDigits = '', expText = '0'] = m;
  const exponent = Number(expText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return null;
  // Value = digits × 10^(shift); shift is negative for fraction digits.
  const digits = BigInt(intDigits + fracDigits);
  const shift = exponent - fracDigits.length + scale;
  let scaled: bigint;
  if (shift >= 0) scaled = digits * 10n ** BigInt(shift);
  else scaled = divHalfUp(digits, 10n ** BigInt(-shift));
  return sign === '-' ? -scaled : scaled;
}

/** Writes an integer scaled by 10^scale as a plain decimal with exactly `scale` fraction digits. */
export function scaledToDecimalString(value: bigint | number, scale: number): string {
  const v = BigInt(value);
  const negative = v < 0n;
  const digits = (negative ? -v : v).toString().padStart(scale + 1, '0');
  const intPart = digits.slice(0, digits.length - scale);
  const fracPart = digits.slice(digits.length - scale);
  return (negative ? '-' : '') + intPart + (scale > 0 ? `.${fracPart}` : '');
}

/**
 * Parses rubles typed by a person or read from a file into kopecks: «1 234,56», «1234.56»,
 * «1234», «-5,5», «100 ₽». A JS number is read through its shortest decimal form, so 0.1+0.2
 * gives 30 kopecks. More than two fraction digits round half-up. Junk gives null.
 */
export function rublesToKopecks(input: unknown): Kopecks | null {
  let scaled: bigint | null = null;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    scaled = decimalToScaled(String(input), 2);
  } else if (typeof input === 'string') {
    const m = USER_AMOUNT.exec(input.trim().replace(CURRENCY_SUFFIX, ''));
    if (!m) return null;
    const [, sign, intGroups, frac] = m;
    const plain = `${sign ? '-' : ''}${intGroups.replace(/[^\d]/g, '')}${frac ? `.${frac}` : ''}`;
    scaled = decimalToScaled(plain, 2);
  }
  if (scaled === null) return null;
  if (scaled > BigInt(Number.MAX_SAFE_INTEGER) || scaled < -BigInt(Number.MAX_SAFE_INTEGER)) return null;
  // Avoid returning -0 for «-0,00».
  return scaled === 0n ? 0 : Number(scaled);
}

/** Kopecks as a plain decimal string with a dot: 123456 → "1234.56", -5 → "-0.05". */
export function kopecksToDecimalString(kopecks: Kopecks): string {
  assertSafeInteger(kopecks, 'Сумма в копейках');
  return scaledToDecimalString(kopecks, 2);
}
