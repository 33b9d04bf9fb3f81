// Normalisation for matching clients: company names, phones, e-mails and search keys.
import { nameWords } from './name-words';

/** Public mail services: an address there says nothing about the company it belongs to. */
export const PUBLIC_EMAIL_DOMAINS: readonly string[] = [
  'mail.ru', 'bk.ru', 'list.ru', 'inbox.ru', 'internet.ru', 'mail.ua',
  'yandex.ru', 'ya.ru', 'yandex.com', 'yandex.by', 'yandex.kz', 'yandex.ua', 'narod.ru',
  'rambler.ru', 'lenta.ru', 'autorambler.ru', 'myrambler.ru', 'ro.ru', 'rambler.ua',
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'live.ru', 'msn.com',
  'icloud.com', 'me.com', 'mac.com', 'yahoo.com', 'aol.com', 'proton.me', 'protonmail.com',
  'mail.com', 'gmx.com', 'gmx.net', 'zoho.com', 'qip.ru', 'pochta.ru', 'e1.ru', 'ngs.ru', 'tut.by',
];

const PUBLIC_DOMAIN_SET: ReadonlySet<string> = new Set(PUBLIC_EMAIL_DOMAINS);

// Full spellings first, longest first, so «открытое акционерное общество» is not left as «открытое».
const LEGAL_FORM_PHRASES = [
  'общество с ограниченной ответственностью',
  'федеральное государственное унитарное предприятие',
  'государственное унитарное предприятие',
  'муниципальное унитарное предприятие',
  'непубличное акционерное общество',
  'публичное акционерное общество',
  'открытое акционерное общество',
  'закрытое акционерное общество',
  'акционерное общество',
  'индивидуальный предприниматель',
  'автономная некоммерческая организация',
  'некоммерческая организация',
];
const PHRASE_STEMS = ['обществ', 'предпри', 'организац'];
const LEGAL_FORM_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'ооо', 'оао', 'зао', 'пао', 'ао', 'нао', 'ип', 'нко', 'ано', 'гуп', 'муп', 'фгуп',
]);
// Latin letters that look like Cyrillic ones: «OOO» typed in Latin is still ООО.
const LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'а', o: 'о', e: 'е', p: 'р', c: 'с', x: 'х', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в', y: 'у',
};

/** Lower case with ё folded to е and runs of whitespace collapsed, for a normalised search column. */
export function searchKey(s: unknown): string {
  if (typeof s !== 'string') return '';
  return s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

function unLatin(token: string): string {
  return [...token].map((ch) => LOOKALIKES[ch] ?? ch).join('');
}

/** An abbreviated legal form, also typed in Latin lookalikes (none is longer than four letters). */
function isLegalFormAbbreviation(token: string): boolean {
  if (token.length > 4) return false;
  return LEGAL_FORM_ABBREVIATIONS.has(/[a-z]/.test(token) ? unLatin(token) : token);
}

// The last name normalised and its key: a client's search text and its name key ask for the same name in a row.
let lastName: unknown = null;
let lastKey = '';

/**
 * A matching key for a company name: ООО «Ромашка», «Ромашка» ООО, Общество с ограниченной
 * ответственностью "Ромашка" and ооо ромашка all give «ромашка». Legal forms (abbreviated or
 * spelled out), quotes and punctuation are dropped, ё is folded to е.
 */
export function normalizeCompanyName(s: unknown): string {
  if (typeof s === 'string' && s === lastName) return lastKey;
  const tokens = nameWords(s);
  // Every spelled-out form has one of three stems: most names have none, and their words are the key's words.
  const key = hasLegalFormStem(tokens) ? keyOfSpelledOutForm(s) : tokens.filter((token) => !isLegalFormAbbreviation(token)).join(' ');
  if (typeof s === 'string') {
    lastName = s;
    lastKey = key;
  }
  return key;
}

/** Whether one of the words holds a stem of a spelled-out legal form (the stems are letters only). */
export function hasLegalFormStem(words: readonly string[]): boolean {
  return words.some((w) => PHRASE_STEMS.some((stem) => w.includes(stem)));
}

/** The key of a name that may spell its legal form out: the phrases are cut from the text first. */
function keyOfSpelledOutForm(s: unknown): string {
  let text = searchKey(s).replace(/[^\p{L}\p{N}]+/gu, ' ');
  for (const phrase of LEGAL_FORM_PHRASES) if (text.includes(phrase)) text = text.split(phrase).join(' ');
  return text
    .split(' ')
    .filter((token) => token !== '' && !isLegalFormAbbreviation(token))
    .join(' ');
}

/**
 * A Russian phone number as «+7XXXXXXXXXX», or null: accepts «8 (495) 123-45-67»,
 * «+7 495 1234567», «84951234567», «9161234567»; an extension after «доб.» is dropped.
 */
export function normalizePhone(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const main = s.split(/доб|доп|ext|вн\./i)[0];
  if (/[^\d\s()+\-.]/.test(main.trim().replace(/[,;]$/, ''))) return null;
  const plus = main.trim().startsWith('+');
  const digits = main.replace(/\D/g, '');
  let national: string;
  if (digits.length === 11 && (digits[0] === '7' || (!plus && digits[0] === '8'))) national = digits.slice(1);
  else if (digits.length === 10 && !plus) national = digits;
  else return null;
  // Russian numbers start with 3, 4, 8 (geographic, toll-free) or 9 (mobile).
  if (!/^[3489]/.test(national)) return null;
  return `+7${national}`;
}

/** A trimmed, lower-case e-mail address (a «mailto:» prefix is dropped), or null if it is not one. */
export function normalizeEmail(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const email = s.trim().replace(/^mailto:/i, '').toLowerCase();
  if (!/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/.test(email)) return null;
  return email;
}

/** The company domain of an e-mail address, or null for invalid addresses and public mail services. */
export function emailDomain(s: unknown): string | null {
  const email = normalizeEmail(s);
  if (email === null) return null;
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return PUBLIC_DOMAIN_SET.has(domain) ? null : domain;
}
