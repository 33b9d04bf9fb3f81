// Builds typed account and document records from the raw key/value lines of one section.
import { decimalToScaled, type Kopecks } from './money';
import { parseDateRu } from './format';
import type { StatementAccount, StatementDocument } from './bank-statement-types';

/**
 * The key/value lines of one section as read. Every key the parser reads by name has a slot (its
 * place in SLOT_KEYS): `slots` holds the key's last value, `lines` the line of a key a later check may
 * have to name (dates and amounts). A key the format does not define for a document goes to `others`
 * (last value wins, first place kept). One section object serves the whole file: clearSection empties
 * it when the next section opens (`set` lists the slots to empty).
 */
export type RawSection = { slots: (string | undefined)[]; lines: number[]; set: number[]; others: Map<string, string> };

/** Keys whose line a refusal names (dates and amounts); no other key's line is kept. */
const LINE_KEYS: ReadonlySet<string> = new Set([
  'Сумма', 'Дата', 'ДатаСписано', 'ДатаПоступило', 'ДатаНачала', 'ДатаКонца',
  'НачальныйОстаток', 'ВсегоПоступило', 'ВсегоСписано', 'КонечныйОстаток',
]);
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

/** Keys an account section («СекцияРасчСчет») is read by; in a document section they are unknown keys. */
const ACCOUNT_KEYS = ['РасчСчет', 'ДатаНачала', 'ДатаКонца', 'НачальныйОстаток', 'ВсегоПоступило', 'ВсегоСписано', 'КонечныйОстаток'];
/** Every key read by name, each with its slot (its index here). */
const SLOT_KEYS: readonly string[] = [...KNOWN_DOCUMENT_KEYS, ...ACCOUNT_KEYS];
const SLOT_OF: ReadonlyMap<string, number> = new Map(SLOT_KEYS.map((key, i) => [key, i]));

function slot(key: string): number {
  const i = SLOT_OF.get(key);
  if (i === undefined) throw new Error(`unreachable: «${key}» has no slot`);
  return i;
}

/** The slots a document is built from. */
const AT = {
  number: slot('Номер'),
  date: slot('Дата'),
  amount: slot('Сумма'),
  debited: slot('ДатаСписано'),
  credited: slot('ДатаПоступило'),
  payerInn: slot('ПлательщикИНН'),
  payerKpp: slot('ПлательщикКПП'),
  payerShort: slot('Плательщик1'),
  payer: slot('Плательщик'),
  payerAccount: slot('ПлательщикСчет'),
  payerOldAccount: slot('ПлательщикРасчСчет'),
  payerBik: slot('ПлательщикБИК'),
  payerCorr: slot('ПлательщикКорсчет'),
  payerBank: slot('ПлательщикБанк1'),
  payeeInn: slot('ПолучательИНН'),
  payeeKpp: slot('ПолучательКПП'),
  payeeShort: slot('Получатель1'),
  payee: slot('Получатель'),
  payeeAccount: slot('ПолучательСчет'),
  payeeOldAccount: slot('ПолучательРасчСчет'),
  payeeBik: slot('ПолучательБИК'),
  payeeCorr: slot('ПолучательКорсчет'),
  payeeBank: slot('ПолучательБанк1'),
  purpose: slot('НазначениеПлатежа'),
  operationType: slot('ВидОплаты'),
} as const;

/** An empty section (one per file: see clearSection). */
export function newSection(): RawSection {
  return { slots: new Array<string | undefined>(SLOT_KEYS.length).fill(undefined), lines: new Array<number>(SLOT_KEYS.length).fill(0), set: [], others: new Map() };
}

/** Empties a section for the next one (the line numbers are only read for keys whose value is set). */
export function clearSection(section: RawSection): void {
  const { slots, set } = section;
  for (let i = 0; i < set.length; i++) slots[set[i]] = undefined;
  set.length = 0;
  if (section.others.size > 0) section.others.clear();
}

/**
 * What setField needs to know of a key, worked out once per distinct key (not once per line): its slot
 * plus one, shifted left by two; KEY_LINE its line is kept; KEY_KNOWN the format defines it for a document.
 */
export const KEY_LINE = 1;
export const KEY_KNOWN = 2;

/** A key's code for setField. */
export function keyFlags(key: string): number {
  const i = SLOT_OF.get(key);
  return ((i === undefined ? 0 : i + 1) << 2) | (LINE_KEYS.has(key) ? KEY_LINE : 0) | (KNOWN_DOCUMENT_KEYS.has(key) ? KEY_KNOWN : 0);
}

/**
 * Sets a key's value; the last one wins. In a document section a key the format does not define goes
 * to `others` (first place kept, as a Map keeps it); an account section's keys have slots too.
 */
export function setField(section: RawSection, key: string, value: string, line: number, flags = keyFlags(key)): void {
  const at = (flags >> 2) - 1;
  if (at >= 0) {
    if (section.slots[at] === undefined) section.set.push(at);
    section.slots[at] = value;
    if ((flags & KEY_LINE) !== 0) section.lines[at] = line;
  }
  if ((flags & KEY_KNOWN) === 0) section.others.set(key, value);
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

const SIGNED_AMOUNT = /^-?\d+(?:[.,]\d{1,2})?$/;
const DATE = /^\d{1,2}\.\d{1,2}\.\d{4}$/;

function text(section: RawSection, key: string): string {
  return section.slots[slot(key)] ?? '';
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

function optionalDate(fields: RawSection, key: string, at = slot(key)): string | null {
  const value = fields.slots[at];
  if (value === undefined || value === '') return null;
  const iso = isoDate(value);
  if (iso === null) throw new StatementLineError(fields.lines[at], `${key} «${value}» — ожидается дата вида ДД.ММ.ГГГГ`);
  return iso;
}

function optionalBalance(fields: RawSection, key: string): Kopecks | null {
  const at = slot(key);
  const value = fields.slots[at];
  if (value === undefined || value === '') return null;
  const k = SIGNED_AMOUNT.test(value) ? toKopecks(value) : null;
  if (k === null) throw new StatementLineError(fields.lines[at], `${key} «${value}» — ожидается число вида 1500.00`);
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
  const amountText = fields.slots[AT.amount];
  if (amountText === undefined || amountText === '') {
    throw new StatementLineError(line, `в документе нет суммы (строки «Сумма=»)`);
  }
  const amount = documentAmount(amountText);
  if (amount === null) {
    throw new StatementLineError(fields.lines[AT.amount], `Сумма «${amountText}» — ожидается неотрицательное число вида 1500.00`);
  }
  const date = optionalDate(fields, 'Дата', AT.date);
  if (date === null) throw new StatementLineError(line, 'в документе нет даты (строки «Дата=»)');

  // fromEntries defines own properties, so even a key like «__proto__» is kept as data.
  const extra = fields.others.size === 0 ? {} : Object.fromEntries(fields.others);
  const v = fields.slots;
  const doc: StatementDocument = {
    docType,
    number: v[AT.number] ?? '',
    date,
    amount,
    payerInn: v[AT.payerInn] ?? '',
    payerKpp: v[AT.payerKpp] ?? '',
    payerName: partyName(v[AT.payerShort], v[AT.payer]),
    payerAccount: v[AT.payerAccount] || (v[AT.payerOldAccount] ?? ''),
    payerBik: v[AT.payerBik] ?? '',
    payerCorrAccount: v[AT.payerCorr] ?? '',
    payerBank: v[AT.payerBank] ?? '',
    payeeInn: v[AT.payeeInn] ?? '',
    payeeKpp: v[AT.payeeKpp] ?? '',
    payeeName: partyName(v[AT.payeeShort], v[AT.payee]),
    payeeAccount: v[AT.payeeAccount] || (v[AT.payeeOldAccount] ?? ''),
    payeeBik: v[AT.payeeBik] ?? '',
    payeeCorrAccount: v[AT.payeeCorr] ?? '',
    payeeBank: v[AT.payeeBank] ?? '',
    purpose: purposeOf(fields, v[AT.purpose] ?? ''),
    operationType: v[AT.operationType] ?? '',
    extra,
    line,
  };
  const debited = optionalDate(fields, 'ДатаСписано', AT.debited);
  const credited = optionalDate(fields, 'ДатаПоступило', AT.credited);
  if (debited !== null) doc.dateDebited = debited;
  if (credited !== null) doc.dateCredited = credited;
  return doc;
}
