// The statistics of commercial work: counters from the activity log, the conversions between
// them as half-up percentages, and the calendar buckets (day, ISO week, month) they are grouped by.
import { dayOfWeek, addDays, requireIsoDate } from './iso-date';
import { divHalfUp } from './money';

/** The counters a head of sales watches, in funnel order. */
export const WORK_METRICS = [
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

/** One counter's key. */
export type WorkMetric = (typeof WORK_METRICS)[number];

/** Counter values; null means the source of that counter is not connected yet (shown as «—»). */
export type WorkCounts = Record<WorkMetric, number | null>;

/** Russian column titles of the counters. */
export const WORK_METRIC_LABELS: Readonly<Record<WorkMetric, string>> = {
  calls: 'Звонки',
  keyPersons: 'Выход на ключевое лицо',
  contacts: 'Контакты',
  interested: 'Заинтересовали',
  meetingsSet: 'Встреч назначено',
  meetingsHeld: 'Встреч проведено',
  proposals: 'Предложения',
  contracts: 'Договоры',
  invoices: 'Счета',
  payments: 'Оплаты',
};

/** The funnel steps whose conversion is shown: from → to. */
export const WORK_CONVERSIONS: readonly { from: WorkMetric; to: WorkMetric }[] = [
  { from: 'calls', to: 'keyPersons' },
  { from: 'keyPersons', to: 'contacts' },
  { from: 'contacts', to: 'meetingsSet' },
  { from: 'meetingsSet', to: 'meetingsHeld' },
  { from: 'meetingsHeld', to: 'proposals' },
  { from: 'proposals', to: 'contracts' },
  { from: 'contracts', to: 'invoices' },
  { from: 'invoices', to: 'payments' },
];

/** One conversion: its steps and the percentage as text, or null when it cannot be computed. */
export type WorkConversion = { from: WorkMetric; to: WorkMetric; percent: string | null };

/** All counters at zero (the sources that are connected). */
export function zeroCounts(connected: Readonly<Record<WorkMetric, boolean>>): WorkCounts {
  const out = {} as WorkCounts;
  for (const m of WORK_METRICS) out[m] = connected[m] ? 0 : null;
  return out;
}

/** Adds counters; a null stays null (the source is not connected). */
export function addCounts(a: WorkCounts, b: WorkCounts): WorkCounts {
  const out = {} as WorkCounts;
  for (const m of WORK_METRICS) {
    const x = a[m];
    const y = b[m];
    out[m] = x === null || y === null ? null : x + y;
  }
  return out;
}

/**
 * part / whole as a Russian percentage with one decimal, rounded half-up: (1, 3) → «33,3 %».
 * Null when the whole is zero or either side is unknown.
 */
export function percentText(part: number | null, whole: number | null): string | null {
  if (part === null || whole === null || whole === 0) return null;
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(whole) || part < 0 || whole < 0) {
    throw new RangeError('Доля: ожидаются целые неотрицательные числа');
  }
  const tenths = divHalfUp(BigInt(part) * 1000n, BigInt(whole));
  const whole10 = tenths / 10n;
  const frac = tenths % 10n;
  return `${whole10}${frac === 0n ? '' : `,${frac}`}\u00a0%`;
}

/** The conversions between the funnel's steps for a set of counters. */
export function conversions(counts: WorkCounts): WorkConversion[] {
  return WORK_CONVERSIONS.map((c) => ({ ...c, percent: percentText(counts[c.to], counts[c.from]) }));
}

/** How the statistics are grouped in time. */
export type StatsGranularity = 'day' | 'week' | 'month';

/** The bucket a day falls into: the day itself, the Monday of its week, or the first of its month. */
export function bucketOf(dayIso: string, granularity: StatsGranularity): string {
  if (granularity === 'day') return dayIso;
  if (granularity === 'month') return `${dayIso.slice(0, 7)}-01`;
  // Monday-based weeks, as Russian calendars print them.
  return addDays(dayIso, -((dayOfWeek(dayIso) + 6) % 7));
}

/** Every bucket between two days inclusive, in order (for charts with no gaps). */
export function bucketsBetween(fromIso: string, toIso: string, granularity: StatsGranularity): string[] {
  requireIsoDate(fromIso, 'Начало периода');
  requireIsoDate(toIso, 'Конец периода');
  const out: string[] = [];
  let day = bucketOf(fromIso, granularity);
  while (day <= toIso) {
    out.push(day);
    if (granularity === 'day') day = addDays(day, 1);
    else if (granularity === 'week') day = addDays(day, 7);
    else {
      const p = requireIsoDate(day);
      day = p.month === 12 ? `${p.year + 1}-01-01` : `${p.year}-${String(p.month + 1).padStart(2, '0')}-01`;
    }
  }
  return out;
}

/** The four goals of a cold call, in the seed's order. */
export const CALL_GOALS = ['reachedKeyPerson', 'madeContact', 'interested', 'meetingSet'] as const;

/** One goal of a cold call. */
export type CallGoal = (typeof CALL_GOALS)[number];

/** The goals as the seed words them. */
export const CALL_GOAL_LABELS: Readonly<Record<CallGoal, string>> = {
  reachedKeyPerson: 'Вышли на ключевое лицо',
  madeContact: 'Установили контакт',
  interested: 'Заинтересовали',
  meetingSet: 'Назначили встречу',
};
