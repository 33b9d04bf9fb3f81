import { z } from '../zod-ru';
import { entry } from '../entry';
import { SALES_ROLES } from './sales';

/** Counter keys of the statistics (the same list as WORK_METRICS in src/core/work-stats). */
export const WORK_METRIC_VALUES = [
  'calls',
  'keyPersons',
  'contacts',
  'interested',
  'meetingsSet',
  'meetingsHeld',
  'proposals',
  'contracts',
  'invoices',
  'payments',
] as const;

/** One counter key. */
export type WorkMetricKey = (typeof WORK_METRIC_VALUES)[number];

/** Counter values; null = the counter's source (documents, money) is not connected yet. */
export type WorkCountsDto = Record<WorkMetricKey, number | null>;

/** One row of the statistics: a manager's (or the department's) counters and conversions. */
export interface WorkStatsRow {
  managerId: number | null;
  name: string;
  counts: WorkCountsDto;
  conversions: { from: WorkMetricKey; to: WorkMetricKey; percent: string | null }[];
}

/** One point of the chart: a bucket (day, Monday of a week, first of a month) and each manager's counts. */
export interface WorkStatsPoint {
  bucket: string;
  byManager: Record<string, WorkCountsDto>;
}

/** The statistics of commercial work for a period. */
export interface WorkStatsResult {
  from: string;
  to: string;
  granularity: 'day' | 'week' | 'month';
  rows: WorkStatsRow[];
  department: WorkStatsRow;
  series: WorkStatsPoint[];
  topObjections: { objectionId: number; text: string; count: number }[];
  /** Which counters come from a connected source; the others are shown as «—». */
  connected: Record<WorkMetricKey, boolean>;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Дата в формате ГГГГ-ММ-ДД' });

/** The statistics query: a period, how to group it, optionally one manager. */
export const workStatsQuerySchema = z
  .object({
    from: day,
    to: day,
    granularity: z.enum(['day', 'week', 'month']).default('day'),
    managerId: z.number().int().positive().optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'Начало периода позже конца', path: ['to'] })
  .refine((q) => q.from >= '2000-01-01' && q.to <= '2100-12-31', { message: 'Период вне допустимых дат', path: ['from'] });

/** Отчёты → Статистика коммерческой работы, and its XLSX export. */
export const workStatsApi = {
  'workStats.get': entry<WorkStatsResult>()({ input: workStatsQuerySchema, access: SALES_ROLES, writes: false }),
  'workStats.export': entry<{ fileName: string; base64: string }>()({
    input: workStatsQuerySchema,
    access: SALES_ROLES,
    writes: false,
  }),
};
