import { createHash } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, ENTRY_NAMES, type ApiInput, type EntryName } from '../../src/shared/contract';
import type { Envelope } from '../../src/shared/errors';
import { ROLES, type Role } from '../../src/shared/roles';
import { b64 } from '../helpers/client-fixtures';
import { clientInput } from '../helpers/client-fixtures';
import { OTHER_MARKERS, signInLogin, twoManagers, type TwoManagers, type Whose } from '../helpers/ownership-fixtures';
import { approveOrder, schemeAOrder } from '../helpers/payroll-fixtures';
import { insertPayment } from '../helpers/plans-fixtures';
import { insertClient } from '../helpers/sales-fixtures';
import { openTestApp, tempDir } from '../helpers/temp-app';

/*
 * The ownership table, written by hand from the brief (who may do what with whose record), not from the
 * contract's access lists. One row per entry that takes a record id: the roles that may call it at all,
 * and — for records a manager owns — what the manager «Иванов» may do with his own record, with another
 * manager's («Петрова») and with an unowned one:
 *   ok      the call is not refused (FORBIDDEN / NOT_FOUND); a CONFLICT or VALIDATION of state is fine
 *   no      refused with FORBIDDEN or NOT_FOUND
 *   hidden  answered, but nothing of Петрова's records is in the answer (lists, states, key persons)
 * Every row also runs with the first allowed non-manager role on Петрова's record: allowed.
 */
type Expect = 'ok' | 'no' | 'hidden';
type Cells = Partial<Record<Whose, Expect>>;

const ALL: readonly Role[] = ['director', 'head_of_sales', 'manager', 'office_manager', 'accountant'];
const SALES: readonly Role[] = ['director', 'head_of_sales', 'manager'];
const HEADS: readonly Role[] = ['director', 'head_of_sales'];
const DIRECTOR: readonly Role[] = ['director'];
const FRONT: readonly Role[] = ['director', 'head_of_sales', 'manager', 'office_manager'];
const OFFICE_ADMINS: readonly Role[] = ['director', 'head_of_sales', 'office_manager'];
const BOOKKEEPING: readonly Role[] = ['director', 'accountant'];
const PAY_READERS: readonly Role[] = ['director', 'head_of_sales', 'accountant', 'manager'];
const PAY_ADMINS: readonly Role[] = ['director', 'head_of_sales', 'accountant'];
const IMPORTERS: readonly Role[] = ['director', 'head_of_sales', 'manager'];

interface Row {
  entry: EntryName;
  roles: readonly Role[];
  /** What the manager may do per whose record, or why the record is nobody's to own (shared reference data, the director's own lists). */
  manager: Cells | string;
  /** Texts whose presence in a «hidden» answer is a leak (default: OTHER_MARKERS and the other invoice's id). */
  markers?: readonly string[];
  /** Acting on it is personal (acknowledging one's own pay order): the heads do not act on another's. */
  personal?: true;
  call?: (whose: Whose) => Promise<Envelope<unknown>>;
}

let w: TwoManagers;
/** The built world's folder and clock, copied for each test. */
let template: { dir: string; start: Date };
const extra = { drafts: {} as Record<'own' | 'other', number>, orders: {} as Record<'own' | 'other', number>, payments: {} as Record<'own' | 'other', number>, bundles: {} as Record<'own' | 'other', number>, formId: 0, answerId: 0, reasonId: 0, snapshots: [0, 0] };

/** The bytes of the scan attached in the table (a tiny PDF). */
const SCAN = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';
let seq = 0;
/** Of a pair of records made for this test, Петрова's for «other» and Иванов's otherwise. */
const two = (pair: Record<'own' | 'other', number>, whose: Whose) => (whose === 'other' ? pair.other : pair.own);
const pick = (whose: Whose, own: number, other: number) => (whose === 'other' ? other : own);
const mgr = (whose: Whose) => pick(whose, w.ivanov, w.petrova);

function owned<K extends EntryName>(entry: K, roles: readonly Role[], manager: Cells, input: (whose: Whose) => ApiInput<K> | Promise<ApiInput<K>>): Row {
  return { entry, roles, manager, call: async (whose) => w.t.call(entry, await input(whose)) };
}
function shared(entry: EntryName, roles: readonly Role[], why: string): Row {
  return { entry, roles, manager: why };
}

const OWN_ONLY: Cells = { own: 'ok', other: 'no' };
const OWN_NOT_FREE: Cells = { own: 'ok', other: 'no', free: 'no' };
const OWN_AND_FREE: Cells = { own: 'ok', other: 'no', free: 'ok' };
const HIDES: Cells = { own: 'ok', other: 'hidden' };

/** A fresh draft invoice for the own or the other client (made by the head of sales, owned by the client's manager). */
/** The record's current version, read straight from the base (so a refusal is never about a stale version). */
function versionOf(table: 'clients' | 'deals' | 'documents', id: number | undefined): number {
  const row = w.t.app.store.sqlite.prepare(`SELECT version FROM ${table} WHERE id = ?`).get(id ?? 0) as { version: number } | undefined;
  return row?.version ?? 1;
}

async function freshDraft(whose: Whose): Promise<number> {
  const s = w.t.app.store.sqlite;
  const client = whose === 'other' ? w.clients.other : w.clients.own;
  const manager = mgr(whose);
  const at = '2026-11-20T09:00:00.000Z';
  return (
    s
      .prepare(
        `INSERT INTO documents (kind, org_id, client_id, manager_id, series_key, doc_date, vat_mode, vat_rate, net_kopecks, vat_kopecks, gross_kopecks, created_at, updated_at)
         VALUES ('invoice', 1, ?, ?, 'invoice', '2026-11-20', 'on_top', '22', 0, 0, 0, ?, ?) RETURNING id`,
      )
      .get(client, manager, at, at) as { id: number }
  ).id;
}

const docInput = (whose: Whose) => ({
  kind: 'invoice' as const,
  orgId: 1,
  clientId: w.clients[whose],
  docDate: '2026-11-20',
  vatMode: 'on_top' as const,
  vatRate: '22' as const,
  lines: [{ name: 'Монтаж', unit: 'час', okei: '356', quantityMilli: 1_000, priceKopecks: 100_000, vatRate: '22' as const }],
  terms: { city: 'г. Москва', paymentDays: 5, deliveryDays: 10, validDays: 5 },
});
const dealInput = (whose: Whose) => ({ clientId: w.clients[whose], managerId: w.ivanov, title: 'Новая', closeMonth: '2026-12', probability: 5, amountKopecks: 100 });
const callInput = (whose: Whose) => ({ kind: 'call_followup' as const, status: 'done' as const, at: '2026-11-22T10:00', managerId: w.ivanov, clientId: w.clients[whose], subject: 'Звонок' });
const request = (whose: Whose) => ({ receivedAt: '2026-11-02T10:15', channel: 'call' as const, sourceId: w.sourceId, subject: 'Нужны стеллажи', managerId: whose === 'other' ? w.petrova : null });
const stats = (whose: Whose) => ({ from: '2026-11-01', to: '2026-11-30', granularity: 'month' as const, managerId: mgr(whose) });

const TABLE: Row[] = [
  shared('audit.list', DIRECTOR, 'the audit trail is the director’s'),
  shared('users.update', DIRECTOR, 'people are the director’s'),
  shared('office.endSession', DIRECTOR, 'desks’ sessions are the director’s to end'),
  shared('users.resetPassword', DIRECTOR, 'people are the director’s'),
  shared('orgs.get', ALL, 'our organisations are shared reference data'),
  shared('orgs.update', DIRECTOR, 'our organisations are the director’s'),
  shared('orgs.setDefault', DIRECTOR, 'our organisations are the director’s'),
  owned('clients.list', ALL, { own: 'ok', other: 'ok' }, (x) => ({ managerId: mgr(x) })),
  owned('clients.get', ALL, OWN_AND_FREE, (x) => ({ id: w.clients[x] })),
  // A manager's new client is always his own: the responsible he names is ignored.
  owned('clients.create', FRONT, { own: 'ok', other: 'ok' }, (x) => ({ client: clientInput({ shortName: `ООО «Новый ${x}»`, inn: '', kpp: '', ogrn: '', accounts: [] }), responsibleId: mgr(x) })),
  owned('clients.update', FRONT, OWN_NOT_FREE, async (x) => ({ id: w.clients[x], version: versionOf('clients', w.clients[x]), client: clientInput({ shortName: `ООО «Правка ${x}»`, inn: '', kpp: '', ogrn: '', accounts: [] }) })),
  shared('clients.setFacsimileAgreement', OFFICE_ADMINS, 'the facsimile agreement is recorded by the office, not by a manager'),
  owned('clients.passport', ALL, OWN_AND_FREE, (x) => ({ clientId: w.clients[x] })),
  owned('clients.savePassport', FRONT, OWN_NOT_FREE, (x) => ({ clientId: w.clients[x], passport: { seriesNumber: '4510 123456', issuedBy: '', issuedOn: null, divisionCode: '', birthDate: null, registrationAddress: '' } })),
  owned('clients.saveContact', FRONT, OWN_NOT_FREE, (x) => ({ clientId: w.clients[x], contact: { fullName: 'Новиков Павел' } })),
  owned('clients.deleteContact', FRONT, OWN_NOT_FREE, (x) => {
    const s = w.t.app.store.sqlite;
    const id = (s.prepare("INSERT INTO client_contacts (client_id, full_name, position, created_at, updated_at) VALUES (?, 'Удаляемый', '', '2026-11-01', '2026-11-01') RETURNING id").get(w.clients[x]) as { id: number }).id;
    return { clientId: w.clients[x], id };
  }),
  owned('clients.timeline', ALL, OWN_AND_FREE, (x) => ({ clientId: w.clients[x] })),
  owned('clients.addNote', FRONT, OWN_NOT_FREE, (x) => ({ clientId: w.clients[x], text: 'Заметка' })),
  shared('clients.saveForm', HEADS, 'questionnaire forms are shared reference data'),
  owned('clients.answers', ALL, OWN_AND_FREE, (x) => ({ clientId: w.clients[x] })),
  owned('clients.saveAnswer', FRONT, OWN_NOT_FREE, (x) => ({ clientId: w.clients[x], formId: extra.formId, filledOn: '2026-11-20', answers: {} })),
  shared('clients.saveSource', OFFICE_ADMINS, 'client sources are shared reference data'),
  shared('clients.saveDivision', HEADS, 'the division standard is the heads’'),
  shared('clients.transfer', HEADS, 'transfers are the heads’'),
  // Claiming another manager's client is a request to the heads, not a write on it; each call claims a fresh client.
  owned('clients.claim', ['head_of_sales', 'manager'], { own: 'ok', other: 'ok', free: 'ok' }, (x) => ({
    clientId: insertClient(w.t.app.store.sqlite, `Заявка ${x} ${++seq}`, x === 'free' ? null : mgr(x)).clientId,
    reason: 'Звонил мне',
  })),
  shared('clients.resolveConflict', HEADS, 'claim conflicts are the heads’'),
  owned('clients.importPreview', IMPORTERS, { own: 'ok', other: 'no' }, (x) => ({ fileName: 'клиенты.csv', dataBase64: b64('Название;ИНН\nООО «Дельта»;\n'), ownerId: mgr(x) })),
  owned('clients.importCommit', IMPORTERS, { own: 'ok', other: 'no' }, (x) => ({ fileName: 'клиенты.csv', dataBase64: b64(`Название;ИНН\nООО «Импорт ${x}»;\n`), ownerId: mgr(x), mapping: {}, decisions: [] })),
  shared('backup.inspect', DIRECTOR, 'backups are the director’s'),
  shared('backup.restore', DIRECTOR, 'backups are the director’s'),
  owned('deals.list', ALL, HIDES, (x) => ({ managerId: mgr(x), clientId: x === 'other' ? w.clients.other : undefined })),
  owned('deals.get', ALL, OWN_ONLY, (x) => ({ id: w.deals[x] })),
  owned('presence.here', ALL, OWN_ONLY, (x) => ({ record: 'deal', id: w.deals[x] })),
  owned('deals.create', SALES, OWN_NOT_FREE, (x) => ({ ...dealInput(x), contactId: w.contacts[x] })),
  owned('deals.update', SALES, OWN_NOT_FREE, (x) => ({ id: x === 'other' ? w.deals.other : w.deals.own, version: versionOf('deals', x === 'other' ? w.deals.other : w.deals.own), deal: { ...dealInput(x), title: 'Стеллажи' } })),
  owned('deals.move', SALES, OWN_ONLY, (x) => ({ id: w.deals[x], stage: 'needs' })),
  owned('deals.win', SALES, OWN_ONLY, (x) => ({ id: w.deals[x] })),
  owned('deals.lose', SALES, OWN_ONLY, (x) => ({ id: w.deals[x], reasonId: extra.reasonId, note: '' })),
  owned('deals.reopen', SALES, OWN_ONLY, (x) => ({ id: w.deals[x] })),
  shared('lossReasons.save', HEADS, 'loss reasons are shared reference data'),
  // Whose a client is shows in any list; the key persons do not.
  { ...owned('sales.clients', ALL, { own: 'ok', other: 'hidden', free: 'ok' }, (x) => ({ ids: [w.clients[x]] })), markers: ['Соколова'] },
  owned('activities.list', ALL, HIDES, (x) => ({ managerId: mgr(x), clientId: x === 'other' ? w.clients.other : undefined })),
  owned('activities.get', ALL, OWN_ONLY, (x) => ({ id: w.activities[x] })),
  owned('activities.create', SALES, OWN_NOT_FREE, callInput),
  owned('activities.update', SALES, OWN_NOT_FREE, (x) => ({ id: x === 'other' ? w.activities.other : w.activities.own, activity: callInput(x) })),
  owned('activities.setStatus', SALES, OWN_ONLY, (x) => ({ id: w.activities[x], status: 'done' })),
  owned('activities.day', SALES, OWN_ONLY, (x) => ({ day: '2026-11-20', managerId: mgr(x) })),
  owned('workStats.get', SALES, HIDES, stats),
  owned('workStats.export', SALES, HIDES, stats),
  shared('standards.get', ALL, 'sales standards are shared reference data'),
  shared('standards.create', HEADS, 'sales standards are shared reference data'),
  shared('standards.saveVersion', HEADS, 'sales standards are shared reference data'),
  shared('standards.archive', HEADS, 'sales standards are shared reference data'),
  shared('standards.attach', HEADS, 'sales standards are shared reference data'),
  shared('standards.file', ALL, 'sales standards are shared reference data'),
  shared('standards.detach', HEADS, 'sales standards are shared reference data'),
  shared('objections.save', HEADS, 'objections are shared reference data'),
  shared('objections.saveAnswer', HEADS, 'objections are shared reference data'),
  shared('objections.accept', HEADS, 'accepting a proposed objection into the standard is the heads’ decision'),
  owned('objections.worked', SALES, OWN_ONLY, (x) => ({ answerId: extra.answerId, activityId: w.activities[x] })),
  owned('documents.list', ALL, HIDES, (x) => ({ managerId: mgr(x), clientId: x === 'other' ? w.clients.other : undefined })),
  owned('documents.get', ALL, { own: 'ok', other: 'no', free: 'no' }, (x) => ({ id: w.invoices[x] })),
  owned('documents.createDraft', FRONT, OWN_NOT_FREE, docInput),
  owned('documents.updateDraft', FRONT, OWN_ONLY, async (x) => {
    const id = await freshDraft(x);
    return { id, version: versionOf('documents', id), draft: docInput(x === 'other' ? 'other' : 'own') };
  }),
  owned('documents.deleteDraft', FRONT, OWN_ONLY, async (x) => ({ id: await freshDraft(x) })),
  owned('documents.issue', FRONT, OWN_ONLY, (x) => ({ id: two(extra.drafts, x) })),
  owned('documents.linkDeal', FRONT, OWN_ONLY, (x) => ({ id: w.invoices[x], dealId: w.deals[x] })),
  shared('monthClose.setConfirmer', DIRECTOR, 'who gives the second confirmation of a close is the director’s choice'),
  shared('documents.annul', OFFICE_ADMINS, 'annulment is the office’s, not a manager’s'),
  owned('documents.copy', FRONT, { own: 'ok', other: 'no', free: 'no' }, (x) => ({ id: w.invoices[x] })),
  shared('documents.correct', OFFICE_ADMINS, 'corrections are the office’s, not a manager’s'),
  owned('documents.preview', FRONT, OWN_NOT_FREE, docInput),
  owned('documents.pdf', ALL, { own: 'ok', other: 'no', free: 'no' }, (x) => ({ id: w.invoices[x] })),
  owned('documents.printFile', ALL, { own: 'ok', other: 'no', free: 'no' }, (x) => ({ documentIds: [w.invoices[x]] })),
  owned('documents.bundle', FRONT, OWN_NOT_FREE, (x) => ({ ...docInput(x), contractKind: 'contract_services', include: { offer: false } })),
  owned('documents.issueBundle', FRONT, OWN_ONLY, (x) => ({ id: two(extra.bundles, x) })),
  owned('documents.bundlePdf', ALL, OWN_ONLY, (x) => ({ id: two(extra.bundles, x) })),
  owned('documents.saveAs', ALL, { own: 'ok', other: 'no', free: 'no' }, (x) => ({ kind: 'document', id: w.invoices[x] })),
  owned('documents.print', ALL, { own: 'ok', other: 'no', free: 'no' }, (x) => ({ kind: 'document', id: w.invoices[x] })),
  owned('documents.open', ALL, { own: 'ok', other: 'no', free: 'no' }, (x) => ({ kind: 'document', id: w.invoices[x] })),
  shared('catalog.save', OFFICE_ADMINS, 'the catalog is shared reference data'),
  shared('priceLists.save', OFFICE_ADMINS, 'price lists are shared reference data'),
  shared('numberSeries.list', FRONT, 'numbering is shared reference data'),
  shared('numberSeries.save', OFFICE_ADMINS, 'numbering is shared reference data'),
  shared('orgAssets.list', ALL, 'stamps and signatures are shared reference data'),
  shared('orgAssets.upload', OFFICE_ADMINS, 'stamps and signatures are the office’s'),
  shared('orgAssets.remove', OFFICE_ADMINS, 'stamps and signatures are the office’s'),
  shared('templates.get', ALL, 'templates are shared reference data'),
  shared('templates.save', OFFICE_ADMINS, 'templates are shared reference data'),
  shared('templates.setDefault', OFFICE_ADMINS, 'templates are shared reference data'),
  shared('templates.archive', OFFICE_ADMINS, 'templates are shared reference data'),
  shared('approvals.decide', HEADS, 'approvals are the heads’ (see discount-rules.test.ts for whose)'),
  owned('signing.board', ALL, HIDES, (x) => ({ managerId: mgr(x), clientId: x === 'other' ? w.clients.other : undefined })),
  owned('signing.document', ALL, { own: 'ok', other: 'no', free: 'no' }, (x) => ({ documentId: w.invoices[x] })),
  owned('signing.states', ALL, { own: 'ok', other: 'hidden', free: 'hidden' }, (x) => ({ documentIds: [w.invoices[x]] })),
  owned('signing.clientDocuments', ALL, HIDES, (x) => ({ clientId: w.clients[x] })),
  owned('signing.transition', FRONT, { own: 'ok', other: 'no', free: 'no' }, (x) => ({ documentId: w.invoices[x], to: 'sent', at: '2026-11-21', method: 'email' })),
  owned('signing.transitionMany', FRONT, { own: 'ok', other: 'no', free: 'no' }, (x) => ({ documentIds: [w.invoices[x]], to: 'sent', at: '2026-11-21', method: 'email' })),
  owned('signing.attachScan', FRONT, { own: 'ok', other: 'no', free: 'no' }, (x) => ({ documentId: w.invoices[x], fileName: 'скан.pdf', base64: b64(SCAN) })),
  owned('signing.scan', ALL, { own: 'ok', other: 'no', free: 'no' }, (x) => ({ documentId: w.invoices[x], sha256: createHash('sha256').update(SCAN).digest('hex') })),
  owned('signing.registerPdf', ALL, { own: 'ok', other: 'no', free: 'no' }, (x) => ({ documentIds: [w.invoices[x]] })),
  shared('plans.save', HEADS, 'plans are entered by the heads'),
  owned('forecast.get', SALES, OWN_ONLY, (x) => ({ managerId: mgr(x) })),
  owned('forecast.week', SALES, OWN_ONLY, (x) => ({ fromId: extra.snapshots[0], toId: extra.snapshots[1], managerId: mgr(x) })),
  shared('inbound.saveSource', HEADS, 'advertising sources are the heads’'),
  shared('inbound.saveSpend', HEADS, 'advertising spend is the heads’'),
  owned('inbound.list', FRONT, HIDES, () => ({ sourceId: w.sourceId })),
  owned('inbound.save', FRONT, OWN_AND_FREE, (x) => ({ id: w.inbound[x], request: request(x) })),
  shared('vip.saveTier', HEADS, 'VIP tiers are the heads’'),
  shared('vip.setClientTier', HEADS, 'VIP tiers are set by the heads'),
  owned('vip.schedule', SALES, OWN_ONLY, (x) => ({ managerId: mgr(x) })),
  owned('vip.visits', SALES, { own: 'ok', other: 'hidden', free: 'ok' }, (x) => ({ clientId: w.clients[x] })),
  owned('vip.saveVisit', SALES, OWN_NOT_FREE, (x) => ({ clientId: w.clients[x], visitedOn: '2026-11-20' })),
  owned('payroll.orders.get', PAY_READERS, OWN_ONLY, (x) => ({ id: two(extra.orders, x) })),
  shared('payroll.orders.save', HEADS, 'pay orders are drafted by the heads'),
  shared('payroll.orders.remove', HEADS, 'pay orders are drafted by the heads'),
  shared('payroll.orders.send', HEADS, 'pay orders are drafted by the heads'),
  shared('payroll.orders.return', DIRECTOR, 'pay orders are approved by the director'),
  shared('payroll.orders.approve', DIRECTOR, 'pay orders are approved by the director'),
  { ...owned('payroll.orders.acknowledge', ALL, OWN_ONLY, (x) => ({ id: two(extra.orders, x) })), personal: true },
  owned('payroll.orders.pdf', PAY_READERS, OWN_ONLY, (x) => ({ id: two(extra.orders, x) })),
  shared('payroll.orders.whatIf', PAY_ADMINS, 'what-if is the heads’ and the accountant’s'),
  owned('payroll.statements.get', PAY_READERS, OWN_ONLY, (x) => ({ month: '2026-11', userId: mgr(x) })),
  owned('payroll.commission', PAY_READERS, OWN_ONLY, (x) => ({ month: '2026-11', managerId: mgr(x) })),
  owned('payments.list', ALL, HIDES, (x) => ({ managerId: mgr(x), clientId: x === 'other' ? w.clients.other : undefined })),
  owned('payments.get', ALL, OWN_ONLY, (x) => ({ id: two(extra.payments, x) })),
  shared('payments.create', BOOKKEEPING, 'payments are entered by the accountant'),
  shared('payments.delete', BOOKKEEPING, 'payments are entered by the accountant'),
  shared('payments.importPreview', BOOKKEEPING, 'statements are the accountant’s'),
  shared('payments.importCommit', BOOKKEEPING, 'statements are the accountant’s'),
  shared('payments.match', BOOKKEEPING, 'matching is the accountant’s'),
  shared('payments.setKind', BOOKKEEPING, 'matching is the accountant’s'),
  shared('payments.openInvoices', BOOKKEEPING, 'matching is the accountant’s'),
  owned('payments.invoiceStatus', ALL, { own: 'ok', other: 'hidden', free: 'hidden' }, (x) => ({ documentIds: [w.invoices[x]] })),
  owned('payments.forDeal', ALL, OWN_ONLY, (x) => ({ dealId: w.deals[x] })),
];

// «Takes a record id» means a key named id / ids / …Id / …Ids anywhere in the input's shape.
function idKeys(schema: unknown): string[] {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault || s instanceof z.ZodPipe) {
    s = s instanceof z.ZodPipe ? s.in : s instanceof z.ZodDefault ? s.def.innerType : s.unwrap();
  }
  const out: string[] = [];
  if (s instanceof z.ZodObject) {
    for (const [k, v] of Object.entries(s.shape)) {
      if (k === 'id' || k === 'ids' || /[a-z]Ids?$/.test(k)) out.push(k);
      out.push(...idKeys(v));
    }
  }
  if (s instanceof z.ZodArray) out.push(...idKeys(s.element));
  if (s instanceof z.ZodUnion || s instanceof z.ZodDiscriminatedUnion) for (const o of s.options) out.push(...idKeys(o));
  return out;
}

const REFUSED = ['FORBIDDEN', 'NOT_FOUND'];
const LOGIN: Record<Role, string> = { director: 'director', head_of_sales: 'morozova', manager: 'ivanov', office_manager: 'pavlova', accountant: 'volkova' };

function leaks(data: unknown, whose: Whose, markers: readonly string[] | undefined): string | null {
  const text = JSON.stringify(data);
  for (const m of markers ?? OTHER_MARKERS) if (text.includes(m)) return m;
  if (markers) return null;
  const doc = w.invoices[whose];
  if (new RegExp(`"documentId":${doc}[,}]`).test(text)) return `documentId ${doc}`;
  return null;
}

beforeAll(async () => {
  w = await twoManagers();
  const s = w.t.app.store.sqlite;
  extra.formId = (s.prepare('SELECT id FROM questionnaire_forms ORDER BY id LIMIT 1').get() as { id: number }).id;
  extra.reasonId = (await w.t.ok('lossReasons.save', { title: 'Дорого' })).id;
  const objection = await w.t.ok('objections.save', { text: 'Дорого' });
  const answered = await w.t.ok('objections.saveAnswer', { objectionId: objection.id, answer: 'Считаем стоимость владения' });
  extra.answerId = answered.answers[0]?.id ?? 0;
  extra.drafts = { own: await freshDraft('own'), other: await freshDraft('other') };
  extra.payments = {
    own: insertPayment(s, { date: '2026-11-12', netKopecks: 100_000, managerId: w.ivanov, clientId: w.clients.own }),
    other: insertPayment(s, { date: '2026-11-12', netKopecks: 100_000, managerId: w.petrova, clientId: w.clients.other }),
  };
  // A bundle waiting for approval with one draft of the client's manager (the test clients have no requisites to issue).
  const bundle = async (whose: 'own' | 'other') => {
    const pdf = Buffer.from('%PDF-1.4 bundle');
    const id = (
      s
        .prepare("INSERT INTO bundles (org_id, client_id, status, combined_pdf, combined_sha256, created_at, issued_at) VALUES (1, ?, 'issued', ?, ?, '2026-11-20', '2026-11-20') RETURNING id")
        .get(w.clients[whose], pdf, createHash('sha256').update(pdf).digest('hex')) as { id: number }
    ).id;
    s.prepare('UPDATE documents SET bundle_id = ? WHERE id = ?').run(id, await freshDraft(whose));
    return id;
  };
  extra.bundles = { own: await bundle('own'), other: await bundle('other') };
  extra.snapshots = [(await w.t.ok('forecast.takeSnapshot', {})).id, (await w.t.ok('forecast.takeSnapshot', {})).id];
  extra.orders = {
    own: await approveOrder(w.t, schemeAOrder({ roles: [], userIds: [w.ivanov] })),
    other: await approveOrder(w.t, schemeAOrder({ roles: [], userIds: [w.petrova] })),
  };
  // The world is built once and closed; each test opens its own copy, so no test sees another's writes.
  template = { dir: w.t.dir, start: w.t.clock.now };
  await w.t.app.store.close();
  await w.t.app.pdf.close();
}, 120_000);
beforeEach(async () => {
  const copy = tempDir('sdelka-ownership-');
  cpSync(template.dir, copy, { recursive: true });
  w.t = await openTestApp(copy, template.start);
});
afterEach(async () => {
  await w.t.close();
});
afterAll(() => {
  rmSync(template.dir, { recursive: true, force: true });
});

describe('the ownership table', () => {
  it('has a row for every entry that takes a record id, and no row for an entry that does not exist', () => {
    const listed = new Set(TABLE.map((r) => r.entry));
    const missing = ENTRY_NAMES.filter((n) => idKeys(contract[n].input).length > 0 && !listed.has(n));
    expect(missing, 'entries taking a record id without a row in the table').toEqual([]);
    expect(TABLE.filter((r) => !ENTRY_NAMES.includes(r.entry)).map((r) => r.entry)).toEqual([]);
    expect(TABLE.length).toBe(listed.size);
  });

  it('lets exactly the roles of each row call its entry', async () => {
    const wrong: string[] = [];
    for (const role of ROLES) {
      await signInLogin(w.t, LOGIN[role]);
      for (const row of TABLE) {
        const res = await w.t.call(row.entry, {} as never);
        const refused = res.error?.code === 'FORBIDDEN';
        if (refused === row.roles.includes(role)) wrong.push(`${role} → ${row.entry}: ${res.error?.code ?? 'ok'}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps a manager to his own records, entry by entry', async () => {
    const wrong: string[] = [];
    for (const row of TABLE) {
      if (typeof row.manager === 'string' || !row.call || !row.roles.includes('manager')) continue;
      for (const [whose, expected] of Object.entries(row.manager) as [Whose, Expect][]) {
        await signInLogin(w.t, 'ivanov');
        const res = await row.call(whose);
        const code = res.error?.code;
        const got = code && REFUSED.includes(code) ? 'no' : 'ok';
        if (expected === 'hidden') {
          const leak = res.error ? null : leaks(res.data, whose, row.markers);
          if (res.error && !REFUSED.includes(res.error.code)) wrong.push(`${row.entry} ${whose}: expected hidden, got ${res.error.code} ${res.error.message}`);
          if (leak) wrong.push(`${row.entry} ${whose}: leaks ${leak}`);
        } else if (got !== expected) {
          wrong.push(`${row.entry} ${whose}: expected ${expected}, got ${code ?? 'ok'} ${res.error?.message ?? ''}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('lets the roles that see everything act on another manager’s record', async () => {
    const wrong: string[] = [];
    for (const row of TABLE) {
      if (typeof row.manager === 'string' || !row.call || row.personal) continue;
      const role = row.roles.find((r) => r !== 'manager');
      if (!role) continue;
      await signInLogin(w.t, LOGIN[role]);
      const res = await row.call('other');
      if (res.error && REFUSED.includes(res.error.code)) wrong.push(`${role} → ${row.entry}: ${res.error.code} ${res.error.message}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
