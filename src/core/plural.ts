/**
 * Russian plural form for a count: pluralRu(1, 'рубль', 'рубля', 'рублей') → «рубль»; 2–4 → few,
 * 5–20 and 11–14 in any hundred → many. Fractions take the "few" form («1,5 рубля»).
 */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  if (!Number.isFinite(n)) return many;
  if (!Number.isInteger(n)) return few;
  const abs = Math.abs(n);
  const mod100 = abs % 100;
  if (mod100 >= 11 && mod100 <= 14) return many;
  const mod10 = abs % 10;
  if (mod10 === 1) return one;
  if (mod10 >= 2 && mod10 <= 4) return few;
  return many;
}
