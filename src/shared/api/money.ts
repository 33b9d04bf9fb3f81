import { z } from '../zod-ru';
import { entry } from '../entry';
import { ANY_ROLE, type Role } from '../roles';
import { monthSchema } from './plan-types';
import {
  PAYMENT_KINDS,
  type ImportPreviewDto,
  type ImportResultDto,
  type InvoiceStatusDto,
  type OpenInvoiceDto,
  type PaymentDto,
} from './money-types';

/** Who imports statements, enters and matches payments: the accountant and the director. */
export const MONEY_WRITERS: readonly Role[] = ['director', 'accountant'];

const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'Дата в формате ГГГГ-ММ-ДД' });
const amount = z.number().int().positive({ message: 'Сумма должна быть больше нуля' }).max(1e15, { message: 'Слишком большая сумма' });
const text = (max: number) => z.string().trim().max(max).default('');

/** Filters of the payment list; a manager always gets their own clients' payments only. */
export const paymentFilterSchema = z.object({
  month: monthSchema.optional(),
  direction: z.enum(['in', 'out']).optional(),
  kind: z.enum(PAYMENT_KINDS).optional(),
  state: z.enum(['matched', 'unmatched']).optional(),
  clientId: id.optional(),
  managerId: id.optional(),
  statementId: id.optional(),
  search: z.string().trim().max(200).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});

/** Payment list filters after validation. */
export type PaymentFilter = z.output<typeof paymentFilterSchema>;

/** Money of a payment put on one invoice, as a person chose. */
export const allocationInputSchema = z.object({ documentId: id, amountKopecks: amount });

/** A payment entered by hand: who paid, when, how much, what for, the bank document's number. */
export const paymentInputSchema = z.object({
  direction: z.enum(['in', 'out']).default('in'),
  kind: z.enum(PAYMENT_KINDS).default('client'),
  orgId: id,
  date: isoDate,
  amountKopecks: amount,
  clientId: id.nullable().default(null),
  payerName: z.string().trim().min(1, { message: 'Укажите плательщика' }).max(300),
  payerInn: z.string().trim().regex(/^(\d{10}|\d{12})?$/, { message: 'ИНН — 10 или 12 цифр' }).default(''),
  payerAccount: z.string().trim().regex(/^(\d{20})?$/, { message: 'Счёт — 20 цифр' }).default(''),
  payerBik: z.string().trim().regex(/^(\d{9})?$/, { message: 'БИК — 9 цифр' }).default(''),
  purpose: text(2000),
  docNumber: z.string().trim().min(1, { message: 'Укажите номер платёжного документа' }).max(30),
  docDate: isoDate.nullable().default(null),
  /** Invoices chosen by the person; null = match automatically by the rules. */
  allocations: z.array(allocationInputSchema).max(100).nullable().default(null),
  comment: text(1000),
});

/** The manual payment form's input. */
export type PaymentInput = z.input<typeof paymentInputSchema>;

/** The manual payment after validation. */
export type PaymentParsed = z.output<typeof paymentInputSchema>;

/** A statement file as the window sends it. */
export const statementFileSchema = z.object({
  fileName: z.string().trim().max(300).default(''),
  base64: z.string().min(1, { message: 'Выберите файл выписки' }).max(80_000_000, { message: 'Файл выписки слишком большой' }),
});

/** A person's choice for one statement line: another kind, skipping it, or other invoices (an empty list leaves it unmatched). */
export const importOverrideSchema = z.object({
  key: z.string().min(1).max(100),
  kind: z.enum(PAYMENT_KINDS).optional(),
  skip: z.boolean().default(false),
  allocations: z.array(allocationInputSchema).max(100).nullable().default(null),
});

/** One override as the window sends it. */
export type ImportOverride = z.input<typeof importOverrideSchema>;

/** An override after validation. */
export type ImportOverrideParsed = z.output<typeof importOverrideSchema>;

/** The commit: the same file again and the person's overrides; everything is re-read and re-matched on the server. */
export const importCommitSchema = statementFileSchema.extend({ overrides: z.array(importOverrideSchema).max(200_000).default([]) });

const byId = z.object({ id });

/** Платежи: the list, manual entry, statement import (preview, commit), manual matching, invoice states. */
export const moneyApi = {
  'payments.list': entry<{ total: number; rows: PaymentDto[]; inKopecks: number; outKopecks: number }>()({
    input: paymentFilterSchema,
    access: ANY_ROLE,
    writes: false,
  }),
  'payments.get': entry<PaymentDto>()({ input: byId, access: ANY_ROLE, writes: false }),
  'payments.create': entry<PaymentDto>()({ input: paymentInputSchema, access: MONEY_WRITERS, writes: true }),
  /** Deletes a payment of an open month (a mistake); its allocations go with it. */
  'payments.delete': entry<{ deleted: true }>()({ input: byId, access: MONEY_WRITERS, writes: true }),
  /** Parses, checks and matches a statement (with the person's overrides so far); writes nothing. */
  'payments.importPreview': entry<ImportPreviewDto>()({ input: importCommitSchema, access: MONEY_WRITERS, writes: false }),
  /** Re-runs the preview with the overrides and writes it all in one transaction; the same file again adds nothing. */
  'payments.importCommit': entry<ImportResultDto>()({ input: importCommitSchema, access: MONEY_WRITERS, writes: true }),
  /** Puts a payment on invoices chosen by hand (the sum must equal the payment), or on a client without an invoice, or clears it. */
  'payments.match': entry<PaymentDto>()({
    input: z.object({ id, clientId: id.nullable().default(null), allocations: z.array(allocationInputSchema).max(100).default([]) }),
    access: MONEY_WRITERS,
    writes: true,
  }),
  /** Changes what a payment is (client money, a fee, our outgoing payment, other); «other» takes it out of the queue. */
  'payments.setKind': entry<PaymentDto>()({
    input: z.object({ id, kind: z.enum(PAYMENT_KINDS), comment: text(1000) }),
    access: MONEY_WRITERS,
    writes: true,
  }),
  /** Invoices that can take money: a client's, a payer ИНН's, or found by number. */
  'payments.openInvoices': entry<OpenInvoiceDto[]>()({
    input: z.object({ clientId: id.optional(), inn: z.string().trim().max(12).optional(), search: z.string().trim().max(100).optional() }),
    access: MONEY_WRITERS,
    writes: false,
  }),
  /** Paid / partly paid / unpaid for the given invoices (documents list, deal page). */
  'payments.invoiceStatus': entry<InvoiceStatusDto[]>()({
    input: z.object({ documentIds: z.array(id).max(1000) }),
    access: ANY_ROLE,
    writes: false,
  }),
  /** The payments on a deal's invoices with their states (the deal page). */
  'payments.forDeal': entry<{ invoices: (InvoiceStatusDto & { number: string; docDate: string })[]; payments: PaymentDto[] }>()({
    input: z.object({ dealId: id }),
    access: ANY_ROLE,
    writes: false,
  }),
};
