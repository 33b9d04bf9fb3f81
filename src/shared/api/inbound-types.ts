import { z } from '../zod-ru';
import { monthSchema } from './plan-types';

/** How a request came in. */
export const INBOUND_CHANNELS = ['call', 'email', 'site', 'other'] as const;

/** A request's channel. */
export type InboundChannel = (typeof INBOUND_CHANNELS)[number];

/** Russian names of the channels. */
export const INBOUND_CHANNEL_LABELS: Record<InboundChannel, string> = {
  call: 'Звонок',
  email: 'Письмо',
  site: 'Заявка с сайта',
  other: 'Другое',
};

/** An advertising source. */
export interface AdSourceDto {
  id: number;
  name: string;
  clientSourceId: number | null;
  active: boolean;
}

/** Input of an advertising source. */
export const adSourceInputSchema = z.object({
  id: z.number().int().positive().optional(),
  name: z.string().trim().min(1, { message: 'Укажите название источника' }).max(200),
  clientSourceId: z.number().int().positive().nullable().default(null),
  active: z.boolean().default(true),
});

/** What was spent on a source in a month (null clears it). */
export const adSpendInputSchema = z.object({
  sourceId: z.number().int().positive(),
  month: monthSchema,
  amountKopecks: z.number().int().min(0).max(1e15).nullable(),
});

/** An inbound request as listed. */
export interface InboundRequestDto {
  id: number;
  receivedAt: string;
  channel: InboundChannel;
  sourceId: number;
  sourceName: string;
  contactName: string;
  contactInfo: string;
  subject: string;
  clientId: number | null;
  clientName: string | null;
  dealId: number | null;
  dealTitle: string | null;
  dealOutcome: 'open' | 'won' | 'lost' | null;
  managerId: number | null;
  managerName: string | null;
}

/** An inbound request as typed. */
export const inboundInputSchema = z.object({
  receivedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'Время в формате ГГГГ-ММ-ДДTЧЧ:ММ' }),
  channel: z.enum(INBOUND_CHANNELS),
  sourceId: z.number().int().positive({ message: 'Выберите источник' }),
  contactName: z.string().trim().max(200).default(''),
  contactInfo: z.string().trim().max(300).default(''),
  subject: z.string().trim().max(2000).default(''),
  clientId: z.number().int().positive().nullable().default(null),
  dealId: z.number().int().positive().nullable().default(null),
  managerId: z.number().int().positive().nullable().default(null),
});

/** An inbound request form after validation. */
export type InboundParsed = z.output<typeof inboundInputSchema>;

/** Filters of the request list. */
export const inboundFilterSchema = z.object({
  fromMonth: monthSchema.optional(),
  toMonth: monthSchema.optional(),
  sourceId: z.number().int().positive().optional(),
});

/** One source's line of the inbound report. */
export interface InboundReportRow {
  sourceId: number;
  sourceName: string;
  requests: number;
  deals: number;
  wonDeals: number;
  /** Won deals' amounts, kopecks. */
  revenueKopecks: number;
  /** Requests that became deals, as «12,5 %», or null without requests. */
  conversionPercent: string | null;
  spendKopecks: number | null;
  /** Revenue per rouble spent, as "3.25", or null where no spend is entered. */
  revenuePerRouble: string | null;
}

/** The inbound flow by advertising source for a range of months, with the spend per month for editing. */
export interface InboundReport {
  fromMonth: string;
  toMonth: string;
  rows: InboundReportRow[];
  total: Omit<InboundReportRow, 'sourceId' | 'sourceName'>;
  spend: { sourceId: number; month: string; amountKopecks: number }[];
}

/** Input of the inbound report. */
export const inboundReportQuerySchema = z.object({ fromMonth: monthSchema, toMonth: monthSchema });
