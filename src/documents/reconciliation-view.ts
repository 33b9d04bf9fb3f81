// The акт сверки block: opening balance, turnovers, closing balance, from our side.
import { amountInWords, formatDateNumeric, formatMoney } from '../core/index';
import type { ReconciliationData } from './document-data';
import type { ReconciliationView, SidesView } from './view-model-types';

const NBSP = '\u00a0';

function amountOrEmpty(kopecks: number): string {
  return kopecks === 0 ? '' : formatMoney(kopecks);
}

/** A balance (positive = the client owes us) as debit or credit; the client's columns mirror ours if asked. */
function balanceSides(balance: number, mirror: boolean): SidesView {
  const debit = balance > 0 ? formatMoney(balance) : balance === 0 ? formatMoney(0) : '';
  const credit = balance < 0 ? formatMoney(-balance) : '';
  return { debit, credit, theirDebit: mirror ? credit : '', theirCredit: mirror ? debit : '' };
}

/** Formats the reconciliation data; the closing balance is opening + debit − credit. */
export function buildReconciliation(data: ReconciliationData, ourName: string, theirName: string): ReconciliationView {
  const mirror = data.fillCounterparty === true;
  const rows = data.rows.map((row) => {
    const debit = amountOrEmpty(row.debitKopecks);
    const credit = amountOrEmpty(row.creditKopecks);
    return {
      date: formatDateNumeric(row.dateIso),
      doc: row.doc,
      debit,
      credit,
      theirDebit: mirror ? credit : '',
      theirCredit: mirror ? debit : '',
    };
  });
  const debitSum = data.rows.reduce((s, r) => s + r.debitKopecks, 0);
  const creditSum = data.rows.reduce((s, r) => s + r.creditKopecks, 0);
  const closing = data.openingKopecks + debitSum - creditSum;
  const periodTo = formatDateNumeric(data.periodToIso);
  const owed = Math.abs(closing);
  const creditor = closing > 0 ? ourName : theirName;
  const closingText =
    closing === 0
      ? `на ${periodTo} задолженность отсутствует`
      : `на ${periodTo} задолженность в пользу ${creditor} составляет ${formatMoney(owed)}${NBSP}руб. (${amountInWords(owed)})`;
  const turnover: SidesView = {
    debit: formatMoney(debitSum),
    credit: formatMoney(creditSum),
    theirDebit: mirror ? formatMoney(creditSum) : '',
    theirCredit: mirror ? formatMoney(debitSum) : '',
  };
  return {
    periodFrom: formatDateNumeric(data.periodFromIso),
    periodTo,
    period: `за период с ${formatDateNumeric(data.periodFromIso)} по ${periodTo}`,
    opening: balanceSides(data.openingKopecks, mirror),
    rows,
    turnover,
    closing: balanceSides(closing, mirror),
    closingText,
  };
}
