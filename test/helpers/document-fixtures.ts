import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiInput, ApiResult } from '../../src/shared/contract';
import type { DocumentLineInput } from '../../src/shared/api/document-types';
import { clientInput } from './client-fixtures';
import { openTestApp, REPO, setUpOffice, type TestApp } from './temp-app';

/** The card of ООО «Вектор»: valid requisites and a bank account. */
export function vectorClient(overrides: Partial<ApiInput<'clients.create'>['client']> = {}): ApiInput<'clients.create'>['client'] {
  return clientInput({
    shortName: 'ООО «Вектор»',
    fullName: 'Общество с ограниченной ответственностью «Вектор»',
    inn: '7736207543',
    kpp: '773601001',
    ogrn: '1037700013020',
    legalAddress: '119991, г. Москва, Ленинский пр-т, д. 32А',
    accounts: [{ bik: '044030827', bankName: 'АО «Северный банк»', corrAccount: '30101810200000000827', account: '40702810900000002851', isPrimary: true }],
    ...overrides,
  });
}

/** A valid ИНН-10 for a fresh test client (check digit by the ФНС weights, ru-documents §1). */
export function inn10(body: string): string {
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (w[i] ?? 0), 0);
  return `${body}${(sum % 11) % 10}`;
}

/** A client company with valid requisites, a bank account and a director as key person (the director must be signed in). */
export async function makeClient(t: TestApp, overrides: Partial<ApiInput<'clients.create'>['client']> = {}, responsibleId: number | null = null): Promise<number> {
  const card = await t.ok('clients.create', { client: vectorClient(overrides), responsibleId });
  await t.ok('clients.saveContact', { clientId: card.id, contact: { fullName: 'Орлова Марина Андреевна', position: 'Генеральный директор', decisionRole: 'decision_maker' } });
  return card.id;
}

/** Two goods lines: 10 × 1 000,00 and 2 × 250,50 at 22 %. */
export const GOODS_LINES: DocumentLineInput[] = [
  { name: 'Стеллаж паллетный СТ-200', unit: 'шт', okei: '796', quantityMilli: 10_000, priceKopecks: 100_000, vatRate: '22' },
  { name: 'Балка 2700 мм', unit: 'шт', okei: '796', quantityMilli: 2_000, priceKopecks: 25_050, vatRate: '22' },
];

/** A services line: 8 hours × 2 500,00 at 22 %. */
export const SERVICE_LINES: DocumentLineInput[] = [{ name: 'Монтаж стеллажей', unit: 'час', okei: '356', quantityMilli: 8_000, priceKopecks: 250_000, vatRate: '22' }];

/** A draft input for a client of organisation 1. */
export function draftInput(kind: ApiInput<'documents.createDraft'>['kind'], clientId: number, overrides: Partial<ApiInput<'documents.createDraft'>> = {}): ApiInput<'documents.createDraft'> {
  const docDate = overrides.docDate ?? '2026-11-20';
  return {
    kind,
    orgId: 1,
    clientId,
    docDate,
    vatMode: 'on_top',
    vatRate: '22',
    lines: kind === 'reconciliation_act' ? [] : GOODS_LINES,
    // An акт сверки is dated at the end of its period at the earliest: its period ends on its date.
    terms: { city: 'г. Москва', paymentDays: 5, deliveryDays: 10, validDays: 5, periodFrom: '2026-11-01', periodTo: kind === 'reconciliation_act' ? docDate : '2026-11-30' },
    ...overrides,
  };
}

/** The count of rows of a table. */
export function countRows(t: TestApp, table: string): number {
  return (t.app.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Whether poppler's pdftoppm is installed (CI may lack it: the PNG step is then skipped). */
export function hasPdftoppm(): boolean {
  return spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).error === undefined;
}

/** Saves a PDF and a PNG of its first page under test-output/documents/ for a person to look at; returns the PNG path or null. */
export function saveFirstPage(name: string, bytes: Uint8Array): string | null {
  const dir = join(REPO, 'test-output', 'documents');
  mkdirSync(dir, { recursive: true });
  const pdfPath = join(dir, `${name}.pdf`);
  writeFileSync(pdfPath, bytes);
  if (!hasPdftoppm()) return null;
  spawnSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(dir, name)]);
  return join(dir, `${name}.png`);
}

/** A test app with the office set up, the director signed in and one client company (ООО «Вектор»). */
export async function openDocumentsOffice(): Promise<{ t: TestApp; clientId: number }> {
  const t = await openTestApp();
  await setUpOffice(t);
  return { t, clientId: await makeClient(t) };
}

/** Creates and issues a draft in one go. */
export async function issueDraft(t: TestApp, input: ApiInput<'documents.createDraft'>): Promise<ApiResult<'documents.issue'>> {
  return t.ok('documents.issue', { id: (await t.ok('documents.createDraft', input)).id });
}

/** The PDF bytes of a document as the window receives them. */
export async function pdfBytesOf(t: TestApp, id: number): Promise<Buffer> {
  return Buffer.from((await t.ok('documents.pdf', { id })).base64, 'base64');
}

/** A bundle for a client (contract of supply, invoice and proposal of GOODS_LINES) with a discount on every line. */
export function bundleInputFor(clientId: number, discountBp = 0) {
  return {
    orgId: 1,
    clientId,
    docDate: '2026-11-20',
    contractKind: 'contract_supply' as const,
    vatMode: 'on_top' as const,
    vatRate: '22' as const,
    lines: GOODS_LINES.map((l) => ({ ...l, discountBp })),
    terms: { city: 'г. Москва', paymentDays: 5, deliveryDays: 10, validDays: 5 },
    include: { offer: true },
  };
}
