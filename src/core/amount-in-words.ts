// Сумма прописью (ru-documents §2): rubles in words, kopecks as two digits, first letter capital.
import { pluralRu } from './plural';

/** Grammatical gender of the counted noun: один рубль, одна тысяча, одно место. */
export type WordGender = 'masculine' | 'feminine' | 'neuter';

/** The largest amount amountInWords accepts: 999 999 999 999,99 ₽. */
export const MAX_AMOUNT_IN_WORDS_KOPECKS = 99_999_999_999_999;

const MAX_NUMBER_IN_WORDS = 999_999_999_999;

const ONES: Readonly<Record<WordGender, readonly string[]>> = {
  masculine: ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
  feminine: ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
  neuter: ['', 'одно', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
};
const TEENS = [
  'десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать',
  'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать',
];
const TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];

/** Scales above units: word forms (one/few/many) and gender of the scale word itself. */
const SCALES: readonly { forms: readonly [string, string, string]; gender: WordGender }[] = [
  { forms: ['тысяча', 'тысячи', 'тысяч'], gender: 'feminine' },
  { forms: ['миллион', 'миллиона', 'миллионов'], gender: 'masculine' },
  { forms: ['миллиард', 'миллиарда', 'миллиардов'], gender: 'masculine' },
];

function triadWords(n: number, gender: WordGender): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h > 0) words.push(HUNDREDS[h]);
  if (rest >= 10 && rest < 20) {
    words.push(TEENS[rest - 10]);
  } else {
    const t = Math.floor(rest / 10);
    const u = rest % 10;
    if (t > 0) words.push(TENS[t]);
    if (u > 0) words.push(ONES[gender][u]);
  }
  return words;
}

/**
 * A whole number 0…999 999 999 999 in lower-case words, agreeing with the gender of the noun
 * that follows (numberInWords(2, 'feminine') → «две»). Throws a RangeError outside that range.
 */
export function numberInWords(n: number, gender: WordGender = 'masculine'): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_NUMBER_IN_WORDS) {
    throw new RangeError(`Число прописью: ожидается целое число от 0 до 999 999 999 999, получено «${String(n)}»`);
  }
  if (n === 0) return 'ноль';
  const words: string[] = [];
  const triads = [n % 1000, Math.floor(n / 1000) % 1000, Math.floor(n / 1e6) % 1000, Math.floor(n / 1e9)];
  for (let i = triads.length - 1; i >= 1; i--) {
    const t = triads[i];
    if (t === 0) continue; // a zero triad is omitted entirely
    const scale = SCALES[i - 1];
    words.push(...triadWords(t, scale.gender), pluralRu(t, ...scale.forms));
  }
  words.push(...triadWords(triads[0], gender));
  return words.join(' ');
}

/**
 * An amount in kopecks written out for documents: «Один миллион двести тридцать четыре тысячи
 * пятьсот шестьдесят семь рублей 89 копеек». Accepts 0…99 999 999 999 999 kopecks; anything
 * else (negative, fractional, NaN, larger) throws a RangeError.
 */
export function amountInWords(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks) || kopecks < 0 || kopecks > MAX_AMOUNT_IN_WORDS_KOPECKS) {
    throw new RangeError(
      `Сумма прописью: ожидается целое число копеек от 0 до 99 999 999 999 999, получено «${String(kopecks)}»`,
    );
  }
  const rubles = Math.floor(kopecks / 100);
  const kop = kopecks % 100;
  const rubleWords = numberInWords(rubles, 'masculine');
  const capitalised = rubleWords.charAt(0).toUpperCase() + rubleWords.slice(1);
  const rubleNoun = pluralRu(rubles, 'рубль', 'рубля', 'рублей');
  const kopNoun = pluralRu(kop, 'копейка', 'копейки', 'копеек');
  return `${capitalised} ${rubleNoun} ${String(kop).padStart(2, '0')} ${kopNoun}`;
}
