// What the app decides about a parsed payment: its direction, the invoice it pays, whether it
// is a bank fee. Heuristics on free text are kept here, away from the parser.
import { MONTHS_GENITIVE, parseDateRu } from './format';
import { isoFromParts, parseIsoDate } from './iso-date';
import type { StatementDocument } from './bank-statement-types';

/** Direction of a payment relative to our accounts. */
export type PaymentDirection = 'in' | 'out' | 'unknown';

/** An invoice a payment purpose refers to; date is ISO, or null when the text gives none. */
export type InvoiceReference = { number: string; date: string | null };

// A statement classifies each of its 10 000 lines against the same list: its set is made once per list.
const accountSets = new WeakMap<readonly string[], { copy: string[]; set: ReadonlySet<string> }>();

/** Our accounts as a set (trimmed, blanks left out), kept for the list while the list is unchanged. */
function accountSet(ourAccounts: readonly string[]): ReadonlySet<string> {
  const kept = accountSets.get(ourAccounts);
  if (kept && kept.copy.length === ourAccounts.length && kept.copy.every((a, i) => a === ourAccounts[i])) return kept.set;
  const set = new Set(ourAccounts.map((a) => a.trim()).filter((a) => a !== ''));
  accountSets.set(ourAccounts, { copy: [...ourAccounts], set });
  return set;
}

/**
 * 'in' when the payee account is ours and the payer's is not, 'out' for the reverse, 'unknown'
 * when neither or both are ours (a transfer between our own accounts).
 */
export function classifyDirection(
  doc: Pick<StatementDocument, 'payerAccount' | 'payeeAccount'>,
  ourAccounts: readonly string[],
): PaymentDirection {
  const ours = accountSet(ourAccounts);
  const payerOurs = ours.has(doc.payerAccount.trim());
  const payeeOurs = ours.has(doc.payeeAccount.trim());
  if (payeeOurs && !payerOurs) return 'in';
  if (payerOurs && !payeeOurs) return 'out';
  return 'unknown';
}

const LETTER = 'A-Za-zА-Яа-яЁё';
const MONTH_ALTERNATIVES = MONTHS_GENITIVE.join('|');
// «счет/счёт/счету/счета/счетом/счёт-оферта», «сч-т», «сч.», followed by an optional «на оплату»
// and «№», then the number and an optional «от <date>». The lookahead after the keyword skips
// «счет-фактура», «сч.-ф.», «сч/ф», which are not invoices for payment.
const INVOICE_REFERENCE = new RegExp(
  `(?<![${LETTER}])(?:сч-т|сч[её]т(?:у|а|ом|е)?(?:-оферт[аеуы]?)?|сч\\.?)(?![${LETTER}])(?![\\s./-]*ф)` +
    `(?:\\s+на\\s+оплату)?\\s*(?:№|No\\.?|N|#)?\\s*` +
    `([${LETTER}0-9][${LETTER}0-9/_.-]*)` +
    `(?:\\s*,?\\s*от\\s*(?:(\\d{1,2}\\.\\d{1,2}\\.\\d{2,4})|(\\d{1,2})\\s+(${MONTH_ALTERNATIVES})\\s+(\\d{4})))?`,
  'giu',
);

const INVOICE_KEYWORD = /[сС][чЧ]/;

function wordDate(day: string, monthName: string, year: string): string | null {
  const month = MONTHS_GENITIVE.indexOf(monthName.toLowerCase()) + 1;
  const iso = isoFromParts({ year: Number(year), month, day: Number(day) });
  return month > 0 && parseIsoDate(iso) ? iso : null;
}

/**
 * Finds the invoice a payment purpose mentions: «по счету № 15 от 09.01.2026», «сч. 16 от
 * 10.01.2026», «счет №15 от 9.01.26», «по счёту 15», «сч-т № СЧ-2026-0015 от 9 января 2026 г.».
 * Returns the first match whose number contains a digit (and is not a 20-digit bank account),
 * or null.
 */
export function findInvoiceReference(purpose: string): InvoiceReference | null {
  if (typeof purpose !== 'string') return null;
  // Every form starts with «сч» in some case: a purpose without it is not searched with the long pattern.
  if (!INVOICE_KEYWORD.test(purpose)) return null;
  for (const m of purpose.matchAll(INVOICE_REFERENCE)) {
    const number = m[1].replace(/[./_-]+$/, '');
    if (!/\d/.test(number) || /^\d{20}$/.test(number)) continue;
    let date: string | null = null;
    if (m[2] !== undefined) date = parseDateRu(m[2]);
    else if (m[3] !== undefined && m[4] !== undefined && m[5] !== undefined) date = wordDate(m[3], m[4], m[5]);
    return { number, date };
  }
  return null;
}

/**
 * Heuristic for a bank's own charge: a «Банковский ордер» (ВидОплаты 17), or a purpose that
 * mentions «комиссия» and no invoice (an incoming «оплата комиссии по счету № 5» is a sale).
 */
export function isBankFee(doc: { docType: string; purpose: string; operationType?: string }): boolean {
  if (/банковский\s+ордер/i.test(doc.docType) || doc.operationType === '17') return true;
  return /комисси/i.test(doc.purpose) && findInvoiceReference(doc.purpose) === null;
}
