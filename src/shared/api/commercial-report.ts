import { z } from '../zod-ru';
import { entry } from '../entry';
import { ANY_ROLE, DIRECTOR_ONLY, type Role } from '../roles';
import type { CommercialReportDto, MonthClosePanelDto } from './commercial-report-types';
import { monthSchema } from './plan-types';

/**
 * Who may ask to confirm a month's reconciliation: the head of sales, and the second side — the accountant,
 * or where the office has none the director or the person the director names (checked by the handler).
 */
export const MONTH_CONFIRMERS: readonly Role[] = ANY_ROLE;

const byMonth = z.object({ month: monthSchema });

/** Отчёты → Коммерческий отчёт and the month's close. */
export const commercialReportApi = {
  /** The month's report; a manager gets their own line and the department's. */
  'commercialReport.get': entry<CommercialReportDto>()({ input: byMonth, access: ANY_ROLE, writes: false }),
  'commercialReport.export': entry<{ fileName: string; base64: string }>()({ input: byMonth, access: ANY_ROLE, writes: false }),
  'monthClose.get': entry<MonthClosePanelDto>()({ input: byMonth, access: ANY_ROLE, writes: false }),
  /** The caller's confirmation (head of sales or accountant); the second one closes the month. */
  'monthClose.confirm': entry<MonthClosePanelDto>()({
    input: z.object({ month: monthSchema, closeAcknowledged: z.boolean().default(false) }),
    access: MONTH_CONFIRMERS,
    writes: true,
  }),
  /** Names who gives the second confirmation where the office has no accountant (director only; null: the director). */
  'monthClose.setConfirmer': entry<MonthClosePanelDto>()({
    input: z.object({ month: monthSchema, userId: z.number().int().positive().nullable() }),
    access: DIRECTOR_ONLY,
    writes: true,
  }),
  /** Reopens a closed month (director only, with a reason; logged). */
  'monthClose.reopen': entry<MonthClosePanelDto>()({
    input: z.object({ month: monthSchema, reason: z.string().trim().min(3, { message: 'Укажите причину' }).max(1000) }),
    access: DIRECTOR_ONLY,
    writes: true,
  }),
};
