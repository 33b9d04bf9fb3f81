// Builds typed account and document records from the raw key/value lines of one section.
import { decimalToScaled, type Kopecks } from './money';
import { parseDateRu } from './format';
import type { StatementAccount, StatementDocument } from './bank-statement-types';

/**
 * The key/value lines of one section as read: `values` is an ordinary object with each key's last
 * value in first-seen order (what the document's `fields` are), `lines` the line number of each key
 * a later check may have to name (one map the parser clears for each section: only the section being
 * read needs it), `unknown` whether a key the format does not define was set.
 */
export type RawSection = { values: Record<string, string>; lines: Map<string, number>; unknown: boolean };

/** Keys whose line a refusal names (dates and amounts); no other key's line is kept. */
export const LINE_KEYS: ReadonlySet<string> = new Set([
  'Сумма', 'Дата', 'ДатаСписано', 'ДатаПоступило', 'ДатаНачала', 'ДатаКонца',
  'НачальныйОстаток', 'ВсегоПоступило', 'ВсегоСписано', 'КонечныйОстаток',
]);

/** An empty section whose key lines go to `lines` (empty). */
export function newSection(lines: Map<string, number>): RawSection {
  return { values: {}, lines, unknown: false };
}

/** What setField needs to know of a key: KEY_LINE its line is kept, KEY_KNOWN the format defines it for a document. */
export const KEY_LINE = 1;
export const KEY_KNOWN = 2;

/** A key's KEY_LINE and KEY_KNOWN bits (the parser asks once per distinct key, not once per line). */
export function keyFlags(key: string): number {
  return (LINE_KEYS.has(key) ? KEY_LINE : 0) | (KNOWN_DOCUMENT_KEYS.has(key) ? KEY_KNOWN : 0);
}

/** Sets a key's value (the last one wins, the first position stays, as a Map keeps them). */
export function setField(section: RawSection, key: string, value: string, line: number, flags = keyFlags(key)): void {
  // A key such as «__proto__» must stay an ordinary own property, never reach the prototype.
  if (key === '__proto__') Object.defineProperty(section.values, key, { value, writable: true, enumerable: true, configurable: true });
  else section.values[key] = value;
  if ((flags & KEY_LINE) !== 0) section.lines.set(key, line);
  if ((flags & KEY_KNOWN) === 0) section.unknown = true;
}

/** A key's value as read, or undefined when the section has no such line. */
function valueOf(section: RawSection, key: string): string | undefined {
  return Object.hasOwn(section.values, key) ? section.values[key] : undefined;
}

function lineOf(section: RawSection, key: string): number {
  return section.lines.get(key) ?? 0;
}

/** Thrown inside the parser to stop at a bad value; parseBankStatement turns it into a result. */
export class StatementLineError extends Error {
  /** Builds an error for a line; `text` is the Russian explanation without the line prefix. */
  constructor(
    readonly line: number,
    readonly text: string,
  ) {
    super(`Строка ${line}: ${text}`);
  }
}

const PARTY_KEYS = [
  '', 'Счет', 'ИНН', 'КПП', '1', '2', '3', '4', 'РасчСчет', 'Банк1', 'Банк2', 'БИК', 'Корсчет',
];
/** Keys the 1C format defines for a document section (1.02/1.03 and the requirement/letter-of-credit extras). */
const KNOWN_DOCUMENT_KEYS: ReadonlySet<string> = new Set([
  'Номер', 'Дата', 'Сумма', 'КвитанцияДата', 'КвитанцияВремя', 'КвитанцияСодержание',
  'ДатаСписано', 'ДатаПоступило', 'ВидПлатежа', 'ВидОплаты', 'Код', 'Очередность',
  'НазначениеПлатежа', 'НазначениеПлатежа1', 'НазначениеПлатежа2', 'НазначениеПлатежа3',
  'НазначениеПлатежа4', 'НазначениеПлатежа5', 'НазначениеПлатежа6',
  'СтатусСоставителя', 'ПоказательКБК', 'ОКАТО', 'ОКТМО', 'ПоказательОснования', 'ПоказательПериода',
  'ПоказательНомера', 'ПоказательДаты', 'ПоказательТипа',
  'СрокАкцепта', 'ВидАккредитива', 'СрокПлатежа', 'УсловиеОплаты1', 'УсловиеОплаты2', 'УсловиеОплаты3',
  'ПлатежПоПредст', 'ДополнУсловия', 'НомерСчетаПоставщика', 'ДатаОтсылкиДок',
  ...PARTY_KEYS.map((s) => `Плательщик${s}`),
  ...PARTY_KEYS.map((s) => `Получатель${s}`),
]);

const SIGNED_AMOUNT = /^-?\d+(?:[.,]\d{1,2})?$/;
const DATE = /^\d{1,2}\.\d{1,2}\.\d{4}$/;

function text(section: RawSection, key: string): string {
  return Object.hasOwn(section.values, key) ? section.values[key] : '';
}

// Up to 13 integer digits and at most two fraction digits: kopecks are exact in a double (< 2^53).
const SMALL_AMOUNT = /^(-?)(\d{1,13})(?:[.,](\d{1,2}))?$/;

function toKopecks(raw: string): Kopecks | null {
  // The common case without BigInt; the same value decimalToScaled gives (no rounding is involved).
  const small = SMALL_AMOUNT.exec(raw);
  if (small) {
    const kopecks = Number(small[2]) * 100 + Number((small[3] ?? '').padEnd(2, '0'));
    return small[1] === '-' && kopecks !== 0 ? -kopecks : kopecks;
  }
  const scaled = decimalToScaled(raw.replace(',', '.'), 2);
  if (scaled === null || scaled > BigInt(Number.MAX_SAFE_INTEGER) || scaled < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return null;
  }
  return Number(scaled);
}

// A statement repeats a few hundred dates thousands of times: each distinct text is read once.
const dateCache = new Map<string, string | null>();

function isoDate(value: string): string | null {
  let iso = dateCache.get(value);
  if (iso === undefined) {
    iso = DATE.test(value) ? parseDateRu(value) : null;
    if (dateCache.size >= 4096) dateCache.clear();
    dateCache.set(value, iso);
  }
  return iso;
}

function optionalDate(fields: RawSection, key: string): string | null {
  const value = valueOf(fields, key);
  if (value === undefined || value === '') return null;
  const iso = isoDate(value);
  if (iso === null) throw new StatementLineError(lineOf(fields, key), `${key} «${value}» — ожидается дата вида ДД.ММ.ГГГГ`);
  return iso;
}

function optionalBalance(fields: RawSection, key: string): Kopecks | null {
  const value = valueOf(fields, key);
  if (value === undefined || value === '') return null;
  const k = SIGNED_AMOUNT.test(value) ? toKopecks(value) : null;
  if (k === null) throw new StatementLineError(lineOf(fields, key), `${key} «${value}» — ожидается число вида 1500.00`);
  return k;
}

/**
 * A document's amount «1500», «1500.5», «1500,50» (digits, then a dot or comma and one or two digits) in
 * kopecks, or null: what `AMOUNT.test(raw) ? toKopecks(raw) : null` gives, read digit by digit (no regex
 * match, no BigInt) while there are at most 13 integer digits.
 */
function documentAmount(raw: string): Kopecks | null {
  const n = raw.length;
  let i = 0;
  let whole = 0;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) break;
    whole = whole * 10 + (c - 48);
  }
  if (i === 0) return null;
  let fraction = 0;
  if (i < n) {
    const sep = raw.charCodeAt(i);
    const digits = n - i - 1;
    if ((sep !== 46 && sep !== 44) || digits < 1 || digits > 2) return null;
    for (let k = i + 1; k < n; k++) {
      const c = raw.charCodeAt(k);
      if (c < 48 || c > 57) return null;
      fraction = fraction * 10 + (c - 48);
    }
    if (digits === 1) fraction *= 10;
  }
  return i <= 13 ? whole * 100 + fraction : toKopecks(raw);
}

/** Builds one account section; a bad date or balance throws StatementLineError at its line. */
export function buildAccount(fields: RawSection): StatementAccount {
  return {
    account: text(fields, 'РасчСчет'),
    dateStart: optionalDate(fields, 'ДатаНачала'),
    dateEnd: optionalDate(fields, 'ДатаКонца'),
    openingBalance: optionalBalance(fields, 'НачальныйОстаток'),
    totalIn: optionalBalance(fields, 'ВсегоПоступило'),
    totalOut: optionalBalance(fields, 'ВсегоСписано'),
    closingBalance: optionalBalance(fields, 'КонечныйОстаток'),
  };
}

/** «Плательщик1» (or «Получатель1»), else the long name without its leading «ИНН 1234567890 ». */
function partyName(short: string | undefined, long: string | undefined): string {
  if (short !== undefined && short !== '') return short;
  return (long ?? '').replace(/^ИНН\s*\d*\s+/, '');
}

function purposeOf(fields: RawSection, whole: string): string {
  if (whole !== '') return whole;
  const parts: string[] = [];
  for (let i = 1; i <= 6; i++) {
    const part = text(fields, `НазначениеПлатежа${i}`);
    if (part !== '') parts.push(part);
  }
  return parts.join(' ');
}

/** Builds one document section; a missing or bad Дата/Сумма throws StatementLineError. */
export function buildDocument(docType: string, line: number, fields: RawSection): StatementDocument {
  const amountText = valueOf(fields, 'Сумма');
  if (amountText === undefined || amountText === '') {
    throw new StatementLineError(line, `в документе нет суммы (строки «Сумма=»)`);
  }
  const amount = documentAmount(amountText);
  if (amount === null) {
    throw new StatementLineError(lineOf(fields, 'Сумма'), `Сумма «${amountText}» — ожидается неотрицательное число вида 1500.00`);
  }
  const date = optionalDate(fields, 'Дата');
  if (date === null) throw new StatementLineError(line, 'в документе нет даты (строки «Дата=»)');

  const all = fields.values;
  const extraEntries: [string, string][] = [];
  if (fields.unknown) for (const key of Object.keys(all)) if (!KNOWN_DOCUMENT_KEYS.has(key)) extraEntries.push([key, all[key]]);
  // fromEntries defines own properties, so even a key like «__proto__» is kept as data.
  const extra = extraEntries.length === 0 ? {} : Object.fromEntries(extraEntries);
  // The format's own keys, read as named properties: none of them is a name Object.prototype has, so
  // an absent one reads undefined (what `text` checks with hasOwn for any key).
  const doc: StatementDocument = {
    docType,
    number: all.Номер ?? '',
    date,
    amount,
    payerInn: all.ПлательщикИНН ?? '',
    payerKpp: all.ПлательщикКПП ?? '',
    payerName: partyName(all.Плательщик1, all.Плательщик),
    payerAccount: all.ПлательщикСчет || (all.ПлательщикРасчСчет ?? ''),
    payerBik: all.ПлательщикБИК ?? '',
    payerCorrAccount: all.ПлательщикКорсчет ?? '',
    payerBank: all.ПлательщикБанк1 ?? '',
    payeeInn: all.ПолучательИНН ?? '',
    payeeKpp: all.ПолучательКПП ?? '',
    payeeName: partyName(all.Получатель1, all.Получатель),
    payeeAccount: all.ПолучательСчет || (all.ПолучательРасчСчет ?? ''),
    payeeBik: all.ПолучательБИК ?? '',
    payeeCorrAccount: all.ПолучательКорсчет ?? '',
    payeeBank: all.ПолучательБанк1 ?? '',
    purpose: purposeOf(fields, all.НазначениеПлатежа ?? ''),
    operationType: all.ВидОплаты ?? '',
    fields: all,
    extra,
    line,
  };
  const debited = optionalDate(fields, 'ДатаСписано');
  const credited = optionalDate(fields, 'ДатаПоступило');
  if (debited !== null) doc.dateDebited = debited;
  if (credited !== null) doc.dateCredited = credited;
  return doc;
}
