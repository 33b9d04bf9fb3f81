/** Today's local date as YYYY-MM-DD (the office's own clock, not UTC). */
export function todayLocal(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The current local time as YYYY-MM-DDTHH:MM. */
export function nowLocal(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${todayLocal(now)}T${p(now.getHours())}:${p(now.getMinutes())}`;
}

/** The month (YYYY-MM) `offset` months from the current one. */
export function monthFromNow(offset: number, now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth() + offset, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** «26.11.2026 10:15» from a local YYYY-MM-DDTHH:MM. */
export function formatAt(at: string): string {
  const [d, t] = at.split('T');
  const [y, m, day] = d.split('-');
  return `${day}.${m}.${y}${t ? ` ${t.slice(0, 5)}` : ''}`;
}

/** «ноябрь 2026» from YYYY-MM. */
export function formatMonth(month: string): string {
  const names = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
  const [y, m] = month.split('-');
  return `${names[Number(m) - 1] ?? m} ${y}`;
}
