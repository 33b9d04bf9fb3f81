import { formatDateNumeric } from '../../../../core/index';

/** A stored timestamp as the office reads it: «26.11.2026 12:05» in local time. */
export function when(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** An ISO date (or the date of a timestamp) as «26.11.2026». */
export function day(iso: string): string {
  return formatDateNumeric(iso.slice(0, 10));
}
