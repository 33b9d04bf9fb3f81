// One statement line turned into a preview row and the payment to write: classification, the
// person's override, matching (proposed or chosen), VAT, client and manager.
import { allocationVat, vatFromPurpose, type InvoiceMatcher, type MatchProposal, type StatementDocument, type StatementPaymentClass } from '../../core/index';
import type { NewAllocation, NewPayment } from '../../db/repos/payment-writes';
import type { ImportOverrideParsed } from '../../shared/api/money';
import type { ImportAllocationDto, ImportRowDto, PaymentKind } from '../../shared/api/money-types';
import { AppError } from '../app-error';

/** A statement line on its way through the plan. */
export interface PlannedLine {
  doc: StatementDocument;
  cls: StatementPaymentClass;
  key: string;
  duplicate: ImportRowDto['duplicate'];
  skipped: string | null;
  override: ImportOverrideParsed | undefined;
}

/** What matching decided for a line. */
export interface LineMatch {
  kind: PaymentKind;
  proposal: MatchProposal;
  allocations: NewAllocation[];
  vatKopecks: number;
  vatSource: 'invoices' | 'purpose' | 'none';
}

/** Allocations chosen by a person, checked against the issued invoices; all must be one client's. */
export function chosenAllocations(matcher: InvoiceMatcher, chosen: readonly { documentId: number; amountKopecks: number }[], amountKopecks: number): MatchProposal {
  let sum = 0;
  let clientId: number | null = null;
  const allocations = chosen.map((c) => {
    const inv = matcher.invoice(c.documentId);
    if (!inv) throw new AppError('VALIDATION', `Счёт (id ${c.documentId}) не найден среди выставленных счетов`);
    if (clientId !== null && inv.clientId !== clientId) throw new AppError('VALIDATION', 'Один платёж можно разнести только на счета одного клиента');
    clientId = inv.clientId;
    sum += c.amountKopecks;
    return { invoiceId: inv.id, amountKopecks: c.amountKopecks, outstandingKopecks: matcher.outstanding(inv.id) };
  });
  if (new Set(chosen.map((c) => c.documentId)).size !== chosen.length) throw new AppError('VALIDATION', 'Счёт указан дважды');
  if (allocations.length > 0 && sum !== amountKopecks) {
    throw new AppError('VALIDATION', 'Сумма разнесения по счетам должна равняться сумме платежа');
  }
  const last = allocations[allocations.length - 1];
  return {
    // The rule is 'manual' for these; the caller records that (MatchProposal's rules are the automatic ones).
    rule: 'none',
    reference: null,
    allocations,
    partial: last !== undefined && last.amountKopecks < last.outstandingKopecks,
    overpaidKopecks: last === undefined ? 0 : Math.max(0, last.amountKopecks - last.outstandingKopecks),
    clientId,
  };
}

/** Matches one new line (or applies the person's choice) and takes the money off the invoices for the lines after it. */
export function matchLine(matcher: InvoiceMatcher, line: PlannedLine): LineMatch {
  const kind = line.override?.kind ?? line.cls.kind;
  const amount = line.doc.amount;
  const isClientMoney = kind === 'client' && line.cls.direction === 'in';
  let proposal: MatchProposal = { rule: 'none', reference: null, allocations: [], partial: false, overpaidKopecks: 0, clientId: null };
  let manual = false;
  if (isClientMoney) {
    const chosen = line.override?.allocations;
    if (chosen !== null && chosen !== undefined) {
      proposal = chosenAllocations(matcher, chosen, amount);
      manual = true;
    } else {
      proposal = matcher.propose({ amountKopecks: amount, payerInn: line.doc.payerInn, purpose: line.doc.purpose });
    }
    matcher.take(proposal.allocations);
  }
  const rule = manual ? 'manual' : proposal.rule;
  const allocations: NewAllocation[] = [];
  for (const a of proposal.allocations) {
    const inv = matcher.invoice(a.invoiceId);
    if (!inv || rule === 'none') continue;
    allocations.push({ documentId: a.invoiceId, amountKopecks: a.amountKopecks, vatKopecks: allocationVat(inv, a.amountKopecks), rule, invoice: { number: inv.number, docDate: inv.docDate } });
  }
  if (allocations.length > 0) {
    return { kind, proposal, allocations, vatKopecks: allocations.reduce((s, a) => s + a.vatKopecks, 0), vatSource: 'invoices' };
  }
  const fromPurpose = vatFromPurpose(line.doc.purpose, amount);
  return { kind, proposal, allocations, vatKopecks: fromPurpose.vatKopecks, vatSource: fromPurpose.source };
}

/** The payment to write for a new line. */
export function paymentOf(line: PlannedLine, m: LineMatch, clientId: number | null, orgId: number): NewPayment {
  const d = line.doc;
  const rule = m.allocations[0]?.rule ?? 'none';
  return {
    direction: line.cls.direction,
    kind: m.kind,
    date: line.cls.bookedDate,
    amountKopecks: d.amount,
    vatKopecks: m.vatKopecks,
    vatSource: m.vatSource,
    orgId,
    ourAccount: line.cls.ourAccount,
    payerInn: d.payerInn,
    payerName: d.payerName,
    payerAccount: d.payerAccount,
    payerBik: d.payerBik,
    payeeInn: d.payeeInn,
    payeeName: d.payeeName,
    payeeAccount: d.payeeAccount,
    payeeBik: d.payeeBik,
    purpose: d.purpose,
    docNumber: d.number,
    docType: d.docType,
    docDate: d.date,
    clientId: m.kind === 'client' && line.cls.direction === 'in' ? clientId : null,
    matchRule: rule,
    dedupeKey: line.key,
    extra: JSON.stringify({
      line: d.line,
      operationType: d.operationType,
      payerKpp: d.payerKpp,
      payeeKpp: d.payeeKpp,
      payerBank: d.payerBank,
      payeeBank: d.payeeBank,
      unknownKeys: d.extra,
    }),
    comment: '',
    allocations: m.allocations,
  };
}

/** What the counts read of a preview row: all the commit makes of a line's row. */
export type CountedRow = Pick<ImportRowDto, 'duplicate' | 'skipped' | 'direction' | 'kind' | 'partial' | 'overpaidKopecks'> & { allocations: readonly unknown[] };

/** The counted part of a line's row, with the allocations the row lists. */
export function countedRowOf<A>(line: PlannedLine, m: LineMatch | null, allocations: A[]): CountedRow & { allocations: A[] } {
  return {
    duplicate: line.duplicate,
    skipped: line.skipped,
    direction: line.cls.direction,
    kind: m?.kind ?? line.override?.kind ?? line.cls.kind,
    allocations,
    partial: m?.proposal.partial ?? false,
    overpaidKopecks: m?.proposal.overpaidKopecks ?? 0,
  };
}

/** The preview row of a line. */
export function rowOf(
  line: PlannedLine,
  m: LineMatch | null,
  client: { clientId: number | null; clientName: string | null; managerName: string | null },
  describe: (documentId: number) => Omit<ImportAllocationDto, 'amountKopecks' | 'outstandingKopecks'> | null,
): ImportRowDto {
  const d = line.doc;
  const incoming = line.cls.direction === 'in';
  const allocations: ImportAllocationDto[] = [];
  for (const a of m?.proposal.allocations ?? []) {
    const info = describe(a.invoiceId);
    if (info) allocations.push({ ...info, amountKopecks: a.amountKopecks, outstandingKopecks: a.outstandingKopecks });
  }
  const vat = m?.vatKopecks ?? 0;
  return {
    ...countedRowOf(line, m, allocations),
    key: line.key,
    line: d.line,
    docType: d.docType,
    number: d.number,
    docDate: d.date,
    date: line.cls.bookedDate,
    amountKopecks: d.amount,
    counterpartyName: incoming ? d.payerName : d.payeeName,
    counterpartyInn: incoming ? d.payerInn : d.payeeInn,
    counterpartyAccount: incoming ? d.payerAccount : d.payeeAccount,
    purpose: d.purpose,
    clientId: client.clientId,
    clientName: client.clientName,
    managerName: client.managerName,
    rule: m ? (m.allocations[0]?.rule ?? 'none') : 'none',
    reference: m?.proposal.reference ?? null,
    vatKopecks: vat,
    netKopecks: d.amount - vat,
    vatSource: m?.vatSource ?? 'none',
    overridden: line.override !== undefined,
  };
}
