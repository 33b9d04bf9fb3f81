// A bank statement from bytes to a plan: parsed, checked against our accounts, each line classified,
// deduplicated and matched. The preview shows the plan; the commit re-runs it and writes it.
import { hash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  classifyStatementPayment,
  createInvoiceMatcher,
  paymentDedupeSource,
  parseBankStatement,
  parseDateRu,
  pluralRu,
  type BankStatement,
} from '../../core/index';
import type { NewPayment } from '../../db/repos/payment-writes';
import type { NewStatement } from '../../db/repos/statement-import-repo';
import type { ImportOverrideParsed } from '../../shared/api/money';
import type { ImportCountKey, ImportCountsDto, ImportPreviewDto, ImportRowDto } from '../../shared/api/money-types';
import { AppError } from '../app-error';
import type { CallContext } from '../context';
import { countedRowOf, matchLine, paymentOf, rowOf, type CountedRow, type LineMatch, type PlannedLine } from './statement-rows';

/** What the preview shows and what the commit writes. */
export interface StatementPlan {
  preview: ImportPreviewDto;
  statement: NewStatement;
  payments: NewPayment[];
}

function sha256(data: Uint8Array | string): string {
  // The one-shot hash: no Hash object per call (10 000 dedupe keys a statement).
  return hash('sha256', data, 'hex');
}

/**
 * The last statement read, by the SHA-256 of its bytes. Reading is a pure function of the bytes, and the
 * commit reads the very file its preview has just read: the second reading is skipped (the plan itself is
 * always made again, against the base as it is at the commit).
 */
let lastRead: { sha256: string; result: ReturnType<typeof parseBankStatement> } | null = null;

function readStatement(bytes: Uint8Array, fileSha256: string): ReturnType<typeof parseBankStatement> {
  if (lastRead?.sha256 !== fileSha256) lastRead = { sha256: fileSha256, result: parseBankStatement(bytes) };
  return lastRead.result;
}

/** The statement's accounts: the header's «РасчСчет» lines and every account section. */
function statementAccounts(st: BankStatement): string[] {
  const all = [...(st.headerValues['РасчСчет'] ?? []), ...st.accounts.map((a) => a.account)].map((a) => a.trim()).filter((a) => a !== '');
  return [...new Set(all)];
}

/** Each count's word forms (1, 2–4, 5+), as the preview prints it. */
const COUNT_WORDS: readonly [ImportCountKey, string, string, string][] = [
  ['documents', 'документ', 'документа', 'документов'],
  ['new', 'новый', 'новых', 'новых'],
  ['duplicates', 'уже загружен', 'уже загружено', 'уже загружено'],
  ['incoming', 'поступление', 'поступления', 'поступлений'],
  ['matched', 'разнесено', 'разнесено', 'разнесено'],
  ['partial', 'частичная оплата', 'частичные оплаты', 'частичных оплат'],
  ['overpaid', 'с переплатой', 'с переплатой', 'с переплатой'],
  ['unmatched', 'не разобрано', 'не разобрано', 'не разобрано'],
  ['outgoing', 'наш платёж', 'наших платежа', 'наших платежей'],
  ['fees', 'комиссия банка', 'комиссии банка', 'комиссий банка'],
];

function countRows(rows: readonly CountedRow[]): ImportCountsDto {
  const counts = countNumbers(rows);
  const phrases = COUNT_WORDS.filter(([key]) => counts[key] > 0).map(([key, one, few, many]) => ({ key, text: `${counts[key]} ${pluralRu(counts[key], one, few, many)}` }));
  return { ...counts, phrases };
}

function countNumbers(rows: readonly CountedRow[]): Omit<ImportCountsDto, 'phrases'> {
  const live = rows.filter((r) => r.duplicate === null && r.skipped === null);
  const client = live.filter((r) => r.direction === 'in' && r.kind === 'client');
  return {
    documents: rows.length,
    new: live.length,
    duplicates: rows.filter((r) => r.duplicate !== null).length,
    incoming: live.filter((r) => r.direction === 'in').length,
    outgoing: live.filter((r) => r.direction === 'out' && r.kind === 'outgoing').length,
    fees: live.filter((r) => r.kind === 'bank_fee').length,
    other: live.filter((r) => r.kind === 'other').length,
    matched: client.filter((r) => r.allocations.length > 0).length,
    partial: client.filter((r) => r.partial).length,
    overpaid: client.filter((r) => r.overpaidKopecks > 0).length,
    unmatched: client.filter((r) => r.allocations.length === 0).length + live.filter((r) => r.kind === 'unsorted').length,
    skipped: rows.filter((r) => r.skipped !== null && r.duplicate === null).length,
  };
}

/**
 * Reads the file and builds the plan; a malformed file or a statement for someone else's account is refused in Russian.
 * For the commit (`purpose` 'commit') the preview's rows are left out: only their counts are made.
 */
export async function planStatementImport(
  ctx: CallContext,
  file: { fileName: string; base64: string },
  overrides: readonly ImportOverrideParsed[],
  purpose: 'preview' | 'commit' = 'preview',
): Promise<StatementPlan> {
  const bytes = new Uint8Array(Buffer.from(file.base64, 'base64'));
  if (bytes.length === 0) throw new AppError('VALIDATION', 'Файл выписки пуст. Ничего не импортировано.');
  const fileSha256 = sha256(bytes);
  const parsed = readStatement(bytes, fileSha256);
  if (!parsed.ok) throw new AppError('VALIDATION', `Выписка не принята — ${parsed.error.message}. Ничего не импортировано.`, [{ path: `line:${parsed.error.line}`, message: parsed.error.message }]);
  const st = parsed.statement;
  const ours = await ctx.store.money.ourAccounts();
  const accounts = statementAccounts(st);
  if (accounts.length === 0) throw new AppError('VALIDATION', 'В выписке не указан расчётный счёт (строки «РасчСчет=»). Ничего не импортировано.');
  for (const account of accounts) {
    if (!ours.some((o) => o.account === account)) {
      const list = ours.map((o) => `${o.shortName}: ${o.account}`).join('; ');
      throw new AppError('VALIDATION', `Выписка по счёту ${account} — это не счёт ваших организаций (${list}). Выгрузите выписку по своему счёту. Ничего не импортировано.`);
    }
  }
  const mainAccount = accounts[0] ?? '';
  const org = ours.find((o) => o.account === mainAccount) ?? ours[0];
  if (!org) throw new AppError('SETUP_REQUIRED');
  const ourAccounts = ours.map((o) => o.account);
  // A statement with several of our accounts: each payment belongs to the organisation of its account.
  const orgByAccount = new Map(ours.map((o) => [o.account, o.orgId]));
  const byKey = new Map(overrides.map((o) => [o.key, o]));

  const seen = new Set<string>();
  const lines: PlannedLine[] = st.documents.map((doc) => {
    const cls = classifyStatementPayment(doc, ourAccounts, mainAccount);
    const key = sha256(paymentDedupeSource({ docDate: doc.date, number: doc.number, amountKopecks: doc.amount, payerInn: doc.payerInn, ourAccount: cls.ourAccount }));
    const override = byKey.get(key);
    const inFile = seen.has(key);
    seen.add(key);
    const skipped = doc.amount === 0 ? 'Нулевая сумма' : override?.skip ? 'Пропущено при импорте' : null;
    return { doc, cls, key, duplicate: inFile ? { paymentId: 0, source: 'file' } : null, skipped, override };
  });
  const existing = await ctx.store.money.existingKeys(lines.map((l) => l.key));
  for (const l of lines) {
    const found = existing.get(l.key);
    if (found) l.duplicate = { paymentId: found.paymentId, source: found.statementId === null ? 'manual' : 'statement' };
  }

  // Other desks' calls get their turn between reading the file, loading the invoices and matching them.
  await nextTurn();
  const invoices = await ctx.store.money.invoicesForMatching();
  const matcher = createInvoiceMatcher(invoices);
  const names = new Map<number, string>();
  const fresh = lines.filter((l) => l.duplicate === null && l.skipped === null);
  const clientsByInn = await ctx.store.money.clientsByInn(fresh.filter((l) => l.cls.direction === 'in').map((l) => l.doc.payerInn));
  for (const c of clientsByInn.values()) names.set(c.clientId, c.clientName);
  // Older money first, so it pays the older part of an invoice.
  await nextTurn();
  const ordered = [...fresh].sort((a, b) => (a.cls.bookedDate < b.cls.bookedDate ? -1 : a.cls.bookedDate > b.cls.bookedDate ? 1 : a.doc.line - b.doc.line));
  const matches = new Map<PlannedLine, { m: LineMatch; clientId: number | null }>();
  for (const l of ordered) {
    const m = matchLine(matcher, l);
    const isClient = m.kind === 'client' && l.cls.direction === 'in';
    const clientId = isClient ? (m.proposal.clientId ?? clientsByInn.get(l.doc.payerInn)?.clientId ?? null) : null;
    // An unknown payer is not «Оплата клиента» until a person says whose money it is: «Не разобрано».
    const unknown = isClient && clientId === null && l.override?.kind === undefined;
    matches.set(l, { m: unknown ? { ...m, kind: 'unsorted' } : m, clientId });
  }
  await nextTurn();
  const forPreview = purpose === 'preview';
  const missingNames = forPreview ? [...matches.values()].map((x) => x.clientId).filter((id): id is number => id !== null && !names.has(id)) : [];
  for (const id of new Set(missingNames)) names.set(id, (await ctx.store.money.clientName(id)) ?? '');
  const ownerDays: { clientId: number; date: string }[] = [];
  for (const [l, x] of matches) if (x.clientId !== null) ownerDays.push({ clientId: x.clientId, date: l.cls.bookedDate });
  const owners = await ctx.store.money.ownersAt(ownerDays);

  const describe = (id: number) => {
    const inv = matcher.invoice(id);
    return inv ? { documentId: id, number: inv.number, docDate: inv.docDate, clientName: names.get(inv.clientId) ?? '', grossKopecks: inv.grossKopecks } : null;
  };
  const payments: NewPayment[] = [];
  const rows: ImportRowDto[] = [];
  const counted: CountedRow[] = [];
  for (const l of lines) {
    const x = matches.get(l);
    const owner = x === undefined || x.clientId === null ? undefined : owners.get(`${x.clientId}|${l.cls.bookedDate}`);
    if (x) {
      const payment = paymentOf(l, x.m, x.clientId, orgByAccount.get(l.cls.ourAccount) ?? org.orgId);
      payment.managerId = owner?.managerId ?? null;
      payments.push(payment);
    }
    if (!forPreview) {
      counted.push(countedRowOf(l, x?.m ?? null, (x?.m.proposal.allocations ?? []).filter((a) => matcher.invoice(a.invoiceId) !== undefined)));
      continue;
    }
    const clientId = x?.clientId ?? null;
    const row = rowOf(l, x?.m ?? null, { clientId, clientName: clientId === null ? null : (names.get(clientId) ?? null), managerName: owner?.managerName ?? null }, describe);
    rows.push(row);
    counted.push(row);
  }

  const months = [...new Set(payments.map((p) => p.date.slice(0, 7)))].sort();
  const closedMonths: string[] = [];
  for (const month of months) if (await ctx.store.money.isMonthClosed(month)) closedMonths.push(month);
  const first = st.accounts[0];
  const counts = countRows(counted);
  const preview: ImportPreviewDto = {
    fileName: file.fileName,
    fileSha256,
    version: st.version,
    encoding: st.encoding,
    sender: st.header['Отправитель'] ?? '',
    org: { id: org.orgId, shortName: org.shortName },
    accounts,
    dateFrom: first?.dateStart ?? parseDateRu(st.header['ДатаНачала'] ?? ''),
    dateTo: first?.dateEnd ?? parseDateRu(st.header['ДатаКонца'] ?? ''),
    openingBalanceKopecks: first?.openingBalance ?? null,
    closingBalanceKopecks: first?.closingBalance ?? null,
    alreadyImported: await ctx.store.money.statementBySha(fileSha256),
    closedMonths,
    rows,
    counts,
  };
  const statement: NewStatement = {
    fileName: file.fileName,
    fileSha256,
    formatVersion: st.version,
    encoding: st.encoding,
    sender: preview.sender,
    orgId: org.orgId,
    account: mainAccount,
    dateFrom: preview.dateFrom,
    dateTo: preview.dateTo,
    openingBalanceKopecks: preview.openingBalanceKopecks,
    closingBalanceKopecks: preview.closingBalanceKopecks,
    documentCount: st.documents.length,
    counts: countNumbers(counted),
  };
  return { preview, statement, payments };
}
