/** The office's calendar day of a moment ('YYYY-MM-DD', local time: the office works in one time zone). */
export function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
