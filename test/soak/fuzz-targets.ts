import fc from 'fast-check';
import { amountInWords, checkScanFile, createInvoiceMatcher, MAX_AMOUNT_IN_WORDS_KOPECKS, parseBankStatement, vatFromPurpose, type InvoiceForMatching } from '../../src/core/index';
import Mustache from 'mustache';
import { buildViewModel, DOCUMENT_KINDS, validateTemplate, type DocumentKind, type DocumentViewModel } from '../../src/documents/index';
import { escapeMarkupValue, parseMarkup } from '../../src/documents/markup';
import { referenceBytes, statementExpectation } from '../core/reference';
import { BUYER_LEGAL, GOODS, SELLER } from '../documents/fixtures';
import { fuzzTarget, RUSSIAN, type FuzzTarget } from './fuzz-core';
import { clientImportCsvTarget, clientImportXlsxTarget } from './import-fuzz';

export { fuzzTarget, fuzzTargetWith, type FuzzOutcome, type FuzzTarget } from './fuzz-core';

const amountInput = fc.oneof(
  fc.integer({ min: 0, max: MAX_AMOUNT_IN_WORDS_KOPECKS }),
  fc.integer({ min: -1e15, max: 1e16 }),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 2 ** 53, MAX_AMOUNT_IN_WORDS_KOPECKS + 1),
);

/** Amount in words — every number in range gives a well-formed phrase; anything else a RangeError in Russian. */
const amountInWordsTarget = fuzzTarget('amountInWords', amountInput, (k) => {
  const valid = Number.isSafeInteger(k) && k >= 0 && k <= MAX_AMOUNT_IN_WORDS_KOPECKS;
  try {
    const text = amountInWords(k);
    if (!valid) return 'accepted an amount out of range';
    return /^[А-ЯЁ][а-яё ]* (рубль|рубля|рублей) \d\d (копейка|копейки|копеек)$/.test(text) ? null : `odd phrase «${text}»`;
  } catch (e) {
    if (valid) return `refused a valid amount: ${(e as Error).message}`;
    return e instanceof RangeError && RUSSIAN.test(e.message) ? null : `refused without a Russian RangeError: ${String(e)}`;
  }
});

const sample = referenceBytes(statementExpectation.file);
const sampleLines = new TextDecoder('windows-1251').decode(sample).split('\r\n');
const encoder = new TextEncoder();

const statementInput = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc.uint8Array({ maxLength: 2000 }).map((tail) => new Uint8Array([...encoder.encode('1CClientBankExchange\r\n'), ...tail])),
  fc
    .array(fc.oneof(fc.constantFrom(...sampleLines), fc.string({ maxLength: 40 })), { maxLength: 150 })
    .map((lines) => encoder.encode(['1CClientBankExchange', ...lines].join('\r\n'))),
  fc.array(fc.tuple(fc.nat(sample.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }).map((edits) => {
    const bytes = sample.slice();
    for (const [at, value] of edits) bytes[at] = value;
    return bytes;
  }),
);

/** The bank statement parser: never throws; answers a statement or a Russian message naming the line. */
const statementTarget = fuzzTarget('parseBankStatement', statementInput, (bytes) => {
  const result = parseBankStatement(bytes);
  if (result.ok) return result.statement.documents.every((d) => Number.isSafeInteger(d.amount)) ? null : 'an amount that is not whole kopecks';
  const { line, message } = result.error;
  return Number.isSafeInteger(line) && line >= 1 && /^Строка \d+: /.test(message) && RUSSIAN.test(message) ? null : `refusal without a Russian line message: ${message}`;
});

const TEMPLATE_PIECES = [
  '{{doc.number}}', '{{doc.date}}', '{{seller.name}}', '{{buyer.innKpp}}', '{{totals.words}}', '{{#lines}}', '{{/lines}}', '{{name}}', '{{quantity}}',
  '{{#vat.none}}', '{{/vat.none}}', '{{^vat.none}}', '{{#contract}}', '{{/contract}}', '{{buyer.nmae}}', '{{lines}}', '{{.}}', '{{!заметка}}',
  '{{{seller.name}}}', '{{&buyer.name}}', '{{> partial}}', '{{=<% %>=}}', '{{', '}}', '{{#', '{{/', '::lines', '::totals', '::signatures', '::stamp',
  '::requisites', '::reconciliation', '::нет', '# ', '## 1. ', '1. ', '1.1. ', '- ', '> ', '^ ', '<> слева | справа', '| Метка: | ', '---', '**', '*', '\\', '|', '\n',
];

const templateInput = fc.record({
  kind: fc.constantFrom(...DOCUMENT_KINDS),
  source: fc.oneof(
    fc.array(fc.oneof(fc.constantFrom(...TEMPLATE_PIECES), fc.string({ maxLength: 12 })), { maxLength: 40 }).map((parts) => parts.join('')),
    fc.string({ maxLength: 300 }),
  ),
});

const viewModels = new Map<DocumentKind, DocumentViewModel>();
function sampleViewModel(kind: DocumentKind): DocumentViewModel {
  let vm = viewModels.get(kind);
  if (!vm) {
    const reconciliation = { periodFromIso: '2026-01-01', periodToIso: '2026-03-31', openingKopecks: 0, rows: [] };
    vm = buildViewModel({ kind, number: '15', dateIso: '2026-01-09', seller: SELLER, buyer: BUYER_LEGAL, lines: GOODS, vatMode: 'on_top', reconciliation });
    viewModels.set(kind, vm);
  }
  return vm;
}

/**
 * The template engine as the editor uses it — every text is checked without a throw, every refusal is a
 * Russian message at a real line and column, and a text that passes fills and lays out without a throw.
 */
const templateTarget = fuzzTarget('validateTemplate', templateInput, ({ kind, source }) => {
  const errors = validateTemplate(source, kind);
  const lines = source.split('\n');
  for (const e of errors) {
    const line = lines[e.line - 1];
    if (!Number.isSafeInteger(e.line) || line === undefined || !Number.isSafeInteger(e.column) || e.column < 1 || e.column > line.length + 1) return `error outside the text: ${e.line}:${e.column}`;
    if (!RUSSIAN.test(e.message)) return `refusal without a Russian message: ${e.message}`;
  }
  if (errors.length > 0) return null;
  parseMarkup(Mustache.render(source, sampleViewModel(kind), {}, { escape: escapeMarkupValue }));
  return null;
});

const INNS = ['5027990026', '7810990038', '7718990043', ''];
const PURPOSE_PARTS = ['Оплата по счету №', 'сч.', 'счёт-фактура', 'от', '09.01.2026', '31.02.2026', '15', '0015', 'СЧ-2026-0015', 'НДС', '22%', '(22%)', '-', '22000-00', 'в т.ч.', 'без НДС', 'НДС не облагается', '№', ' '];
const invoiceInput = fc.record({
  id: fc.integer({ min: 1, max: 40 }),
  number: fc.constantFrom('15', '16', '0015', 'СЧ-2026-0015', '17/1', ''),
  numberSeq: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
  docDate: fc.constantFrom('2026-01-09', '2026-01-10', '2025-12-31'),
  clientId: fc.integer({ min: 1, max: 3 }),
  clientInn: fc.constantFrom(...INNS),
  grossKopecks: fc.integer({ min: 0, max: 50_000_000 }),
  vatKopecks: fc.integer({ min: 0, max: 5_000_000 }),
  paidKopecks: fc.integer({ min: 0, max: 60_000_000 }),
});
const matchingInput = fc.record({
  invoices: fc.uniqueArray(invoiceInput, { selector: (i: InvoiceForMatching) => i.id, maxLength: 12 }),
  payments: fc.array(
    fc.record({
      amountKopecks: fc.integer({ min: 1, max: 80_000_000 }),
      payerInn: fc.constantFrom(...INNS),
      purpose: fc.oneof(fc.array(fc.constantFrom(...PURPOSE_PARTS), { maxLength: 10 }).map((p) => p.join(' ')), fc.string({ maxLength: 80 })),
    }),
    { maxLength: 8 },
  ),
});

/** Payment matching and VAT from the purpose: never throws; allocations are positive and add up to the payment; VAT stays below the amount. */
const matchingTarget = fuzzTarget('paymentMatching', matchingInput, ({ invoices, payments }) => {
  const matcher = createInvoiceMatcher(invoices);
  for (const p of payments) {
    const vat = vatFromPurpose(p.purpose, p.amountKopecks);
    if (vat.vatKopecks < 0 || vat.vatKopecks >= p.amountKopecks) return `VAT ${vat.vatKopecks} of ${p.amountKopecks}`;
    const proposal = matcher.propose(p);
    const sum = proposal.allocations.reduce((s, a) => s + a.amountKopecks, 0);
    if (proposal.allocations.some((a) => a.amountKopecks <= 0)) return 'an allocation that is not positive';
    if (proposal.allocations.length > 0 && sum !== p.amountKopecks) return `allocations ${sum} ≠ payment ${p.amountKopecks}`;
    if (proposal.rule === 'none' && proposal.allocations.length > 0) return 'allocations without a rule';
    if (proposal.overpaidKopecks < 0) return 'a negative overpayment';
    if (proposal.allocations.some((a) => !invoices.some((i) => i.id === a.invoiceId))) return 'an invoice that does not exist';
    matcher.take(proposal.allocations);
  }
  return invoices.every((i) => matcher.outstanding(i.id) >= 0) ? null : 'a negative balance';
});

const MAGIC = [
  [0x25, 0x50, 0x44, 0x46],
  [0xff, 0xd8, 0xff],
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
];
const scanInput = fc.record({
  name: fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('скан.pdf', 'setup.exe', 'акт.pdf.exe', '', '\u0000\u0007.png')),
  bytes: fc.oneof(
    fc.uint8Array({ maxLength: 64 }),
    fc.tuple(fc.constantFrom(...MAGIC), fc.uint8Array({ maxLength: 64 })).map(([magic, tail]) => new Uint8Array([...magic, ...tail])),
    fc.tuple(fc.constantFrom(...MAGIC), fc.nat(3)).map(([magic, cut]) => new Uint8Array(magic.slice(0, cut))),
  ),
});

/** Scan sniffing: accepts exactly the files starting with a PDF, JPEG or PNG signature; refuses the rest in Russian, naming the file. */
const scanTarget = fuzzTarget('checkScanFile', scanInput, ({ name, bytes }) => {
  const starts = MAGIC.some((m) => bytes.length >= m.length && m.every((b, i) => bytes[i] === b));
  const res = checkScanFile(name, bytes);
  if (res.ok) return starts ? null : 'accepted a file without a known signature';
  if (starts) return `refused a signed file: ${res.message}`;
  return RUSSIAN.test(res.message) && res.message.startsWith('Файл «') ? null : `refusal without a Russian message: ${res.message}`;
});

/** Every fuzz target of the soak run (10 000 inputs each) and of `npm test` (a short round). */
export const FUZZ_TARGETS: FuzzTarget[] = [amountInWordsTarget, statementTarget, templateTarget, matchingTarget, scanTarget, clientImportCsvTarget, clientImportXlsxTarget];
