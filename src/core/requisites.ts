// Checksums of Russian company requisites (ИНН, КПП, ОГРН, БИК, accounts, СНИЛС).
// Every check takes `unknown`, never throws and returns false for anything but a well-formed string.

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const ACCOUNT_WEIGHTS = [7, 1, 3];
const KPP_PATTERN = /^\d{4}[0-9A-Z]{2}\d{3}$/;
const SNILS_PATTERN = /^(\d{3})-?(\d{3})-?(\d{3})[\s-]?(\d{2})$/;
// СНИЛС up to 001-001-998 were issued before the check number existed.
const SNILS_UNCHECKED_MAX = 1_001_998;

function isDigits(s: unknown, length: number): s is string {
  return typeof s === 'string' && s.length === length && /^\d+$/.test(s);
}

function digitAt(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}

function weightedSum(s: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digitAt(s, i) * weights[i];
  return sum;
}

/** Remainder of a decimal digit string modulo m, computed digit by digit (no precision loss). */
function modDigits(s: string, m: number): number {
  let r = 0;
  for (let i = 0; i < s.length; i++) r = (r * 10 + digitAt(s, i)) % m;
  return r;
}

/** ИНН of an organisation: 10 digits with a check digit. */
export function checkInn10(s: unknown): boolean {
  if (!isDigits(s, 10)) return false;
  return (weightedSum(s, INN10_WEIGHTS) % 11) % 10 === digitAt(s, 9);
}

/** ИНН of a person or ИП: 12 digits with two check digits. */
export function checkInn12(s: unknown): boolean {
  if (!isDigits(s, 12)) return false;
  const d11 = (weightedSum(s, INN12_WEIGHTS_11) % 11) % 10;
  const d12 = (weightedSum(s, INN12_WEIGHTS_12) % 11) % 10;
  return d11 === digitAt(s, 10) && d12 === digitAt(s, 11);
}

/** ИНН of either length (10 for organisations, 12 for persons and ИП). */
export function checkInn(s: unknown): boolean {
  return checkInn10(s) || checkInn12(s);
}

/** КПП: 4 digits, 2 digits or capital Latin letters, 3 digits (there is no check digit). */
export function checkKpp(s: unknown): boolean {
  return typeof s === 'string' && KPP_PATTERN.test(s);
}

/** ОГРН of an organisation only: 13 digits, d13 = (d1..12 mod 11) mod 10. */
export function checkOgrnOnly(s: unknown): boolean {
  if (!isDigits(s, 13)) return false;
  return modDigits(s.slice(0, 12), 11) % 10 === digitAt(s, 12);
}

/** ОГРНИП only: 15 digits, d15 = (d1..14 mod 13) mod 10. */
export function checkOgrnip(s: unknown): boolean {
  if (!isDigits(s, 15)) return false;
  return modDigits(s.slice(0, 14), 13) % 10 === digitAt(s, 14);
}

/** ОГРН (13 digits) or ОГРНИП (15 digits). */
export function checkOgrn(s: unknown): boolean {
  return checkOgrnOnly(s) || checkOgrnip(s);
}

/** БИК: 9 digits. Only the shape can be checked; there is no check digit. */
export function checkBik(s: unknown): boolean {
  return isDigits(s, 9);
}

/** Control key over a 3-digit prefix + 20-digit account: Σ(d·w mod 10) ≡ 0 (mod 10), w = 7,1,3… */
function accountKeyOk(prefix: string, account: string): boolean {
  const all = prefix + account;
  let sum = 0;
  for (let i = 0; i < all.length; i++) sum += (digitAt(all, i) * ACCOUNT_WEIGHTS[i % 3]) % 10;
  return sum % 10 === 0;
}

/** Расчётный счёт against its bank's БИК: the control key with БИК digits 7–9 as the prefix. */
export function checkAccount(bik: unknown, account: unknown): boolean {
  if (!isDigits(bik, 9) || !isDigits(account, 20)) return false;
  return accountKeyOk(bik.slice(6, 9), account);
}

/** Корр. счёт against its БИК: starts with 301, ends with БИК digits 7–9, key with prefix "0"+БИК 5–6. */
export function checkCorrAccount(bik: unknown, account: unknown): boolean {
  if (!isDigits(bik, 9) || !isDigits(account, 20)) return false;
  if (!account.startsWith('301')) return false;
  if (account.slice(17, 20) !== bik.slice(6, 9)) return false;
  return accountKeyOk(`0${bik.slice(4, 6)}`, account);
}

/**
 * СНИЛС written as «112-233-445 95» or «11223344595». Numbers up to 001-001-998 predate the
 * check number, so for them only the shape is checked.
 */
export function checkSnils(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  const m = SNILS_PATTERN.exec(s.trim());
  if (!m) return false;
  const body = m[1] + m[2] + m[3];
  const check = Number(m[4]);
  if (Number(body) <= SNILS_UNCHECKED_MAX) return true;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += digitAt(body, i) * (9 - i);
  let expected: number;
  if (sum < 100) expected = sum;
  else if (sum <= 101) expected = 0;
  else expected = (sum % 101) % 100;
  return expected === check;
}

/** Who the requisites belong to: an organisation, an individual entrepreneur or a private person. */
export type RequisitesKind = 'legal' | 'ip' | 'person';

/** A field `validateRequisites` can complain about. */
export type RequisiteField = 'inn' | 'kpp' | 'ogrn' | 'bik' | 'account' | 'corrAccount';

/** Requisites as typed in a form; empty strings, null and undefined all mean "not filled in". */
export type RequisitesInput = {
  kind?: RequisitesKind;
  inn?: string | null;
  kpp?: string | null;
  ogrn?: string | null;
  bik?: string | null;
  account?: string | null;
  corrAccount?: string | null;
};

/** One problem found in requisites, with a Russian message for the user. */
export type RequisiteIssue = { field: RequisiteField; message: string };

/**
 * Fields that must be filled in for each kind, unless the caller passes its own list:
 * an organisation needs ИНН and КПП, an ИП needs ИНН, a private person needs nothing.
 * Bank fields are never required by default, but an account needs a БИК to be checked.
 */
export const DEFAULT_REQUIRED_FIELDS: Readonly<Record<RequisitesKind, readonly RequisiteField[]>> = {
  legal: ['inn', 'kpp'],
  ip: ['inn'],
  person: [],
};

const FIELD_NAMES: Readonly<Record<RequisiteField, string>> = {
  inn: 'ИНН',
  kpp: 'КПП',
  ogrn: 'ОГРН',
  bik: 'БИК',
  account: 'Расчётный счёт',
  corrAccount: 'Корреспондентский счёт',
};

const KPP_SHAPE = 'КПП: 9 символов: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры';

function filled(v: string | null | undefined): string {
  return typeof v === 'string' ? v.trim() : '';
}

function innIssue(inn: string, kind: RequisitesKind | undefined): string | null {
  const length = kind === 'legal' ? 10 : kind === undefined ? null : 12;
  if (length === null) {
    if (!isDigits(inn, 10) && !isDigits(inn, 12)) return 'ИНН — 10 или 12 цифр';
  } else if (!isDigits(inn, length)) {
    return kind === 'legal' ? 'ИНН организации — 10 цифр' : kind === 'ip' ? 'ИНН ИП — 12 цифр' : 'ИНН физического лица — 12 цифр';
  }
  return checkInn(inn) ? null : 'ИНН: неверная контрольная сумма';
}

function ogrnIssue(ogrn: string, kind: RequisitesKind | undefined): string | null {
  if (kind === 'person') return 'ОГРН: у физического лица нет ОГРН';
  if (kind === 'legal') {
    if (!isDigits(ogrn, 13)) return 'ОГРН — 13 цифр';
    return checkOgrnOnly(ogrn) ? null : 'ОГРН: неверная контрольная сумма';
  }
  if (kind === 'ip') {
    if (!isDigits(ogrn, 15)) return 'ОГРНИП — 15 цифр';
    return checkOgrnip(ogrn) ? null : 'ОГРНИП: неверная контрольная сумма';
  }
  if (!isDigits(ogrn, 13) && !isDigits(ogrn, 15)) return 'ОГРН — 13 цифр, ОГРНИП — 15 цифр';
  return checkOgrn(ogrn) ? null : 'ОГРН: неверная контрольная сумма';
}

function corrAccountIssue(bik: string, ks: string): string | null {
  if (!isDigits(ks, 20)) return 'Корреспондентский счёт — 20 цифр';
  if (!ks.startsWith('301')) return 'Корреспондентский счёт должен начинаться с 301';
  if (bik === '') return 'Корреспондентский счёт: укажите БИК, без него счёт не проверить';
  if (!checkBik(bik)) return null; // reported on the БИК field
  if (ks.slice(17, 20) !== bik.slice(6, 9)) return 'Корреспондентский счёт не соответствует БИК (последние 3 цифры)';
  return checkCorrAccount(bik, ks) ? null : 'Корреспондентский счёт не соответствует БИК (контрольный ключ)';
}

/**
 * Checks a set of requisites and lists what is wrong, in Russian. Values are trimmed first.
 * `required` overrides DEFAULT_REQUIRED_FIELDS[kind]; without a kind nothing is required and
 * ИНН/ОГРН of either length are accepted.
 */
export function validateRequisites(
  input: RequisitesInput,
  options: { required?: readonly RequisiteField[] } = {},
): RequisiteIssue[] {
  const issues: RequisiteIssue[] = [];
  const add = (field: RequisiteField, message: string | null): void => {
    if (message !== null) issues.push({ field, message });
  };
  const kind = input.kind;
  const v: Record<RequisiteField, string> = {
    inn: filled(input.inn),
    kpp: filled(input.kpp),
    ogrn: filled(input.ogrn),
    bik: filled(input.bik),
    account: filled(input.account),
    corrAccount: filled(input.corrAccount),
  };
  const required = options.required ?? (kind ? DEFAULT_REQUIRED_FIELDS[kind] : []);
  for (const field of required) {
    if (v[field] === '') add(field, `${FIELD_NAMES[field]}: обязательное поле`);
  }
  if (v.inn) add('inn', innIssue(v.inn, kind));
  if (v.kpp) {
    if (kind === 'ip' || kind === 'person') add('kpp', 'КПП: у ИП и физического лица КПП нет');
    else add('kpp', checkKpp(v.kpp) ? null : KPP_SHAPE);
  }
  if (v.ogrn) add('ogrn', ogrnIssue(v.ogrn, kind));
  if (v.bik && !checkBik(v.bik)) add('bik', 'БИК — 9 цифр');
  if (v.account) {
    if (!isDigits(v.account, 20)) add('account', 'Расчётный счёт — 20 цифр');
    else if (v.bik === '') add('account', 'Расчётный счёт: укажите БИК, без него счёт не проверить');
    else if (checkBik(v.bik) && !checkAccount(v.bik, v.account)) {
      add('account', 'Расчётный счёт не соответствует БИК (контрольный ключ)');
    }
  }
  if (v.corrAccount) add('corrAccount', corrAccountIssue(v.bik, v.corrAccount));
  return issues;
}
