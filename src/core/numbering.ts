// Numbering masks for document series, e.g. «СЧ-{YYYY}-{N:4}» → «СЧ-2026-0007».
import { requireIsoDate } from './iso-date';

/** Tokens a mask may contain: {N}, {N:width} (zero-padded, width 1–9), {YYYY}, {YY}, {MM}. */
export const NUMBER_MASK_TOKENS: readonly string[] = ['{N}', '{N:4}', '{YYYY}', '{YY}', '{MM}'];

type MaskPart = { kind: 'text'; text: string } | { kind: 'token'; name: string; width: number | null };

/** Splits a mask into literal text and tokens, collecting Russian errors on the way. */
function scanMask(mask: string): { parts: MaskPart[]; errors: string[] } {
  const parts: MaskPart[] = [];
  const errors: string[] = [];
  let text = '';
  let i = 0;
  while (i < mask.length) {
    const ch = mask[i];
    if (ch === '}') {
      errors.push(`Лишняя закрывающая скобка «}» в позиции ${i + 1}`);
      i++;
      continue;
    }
    if (ch !== '{') {
      text += ch;
      i++;
      continue;
    }
    const close = mask.indexOf('}', i + 1);
    const nextOpen = mask.indexOf('{', i + 1);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      errors.push(`Незакрытая скобка «{» в позиции ${i + 1}`);
      i++;
      continue;
    }
    if (text) parts.push({ kind: 'text', text });
    text = '';
    const body = mask.slice(i + 1, close);
    const padded = /^N:(\d+)$/.exec(body);
    if (body === 'N' || body === 'YYYY' || body === 'YY' || body === 'MM') {
      parts.push({ kind: 'token', name: body, width: null });
    } else if (padded) {
      const width = Number(padded[1]);
      if (width < 1 || width > 9) errors.push(`Ширина номера в {${body}} должна быть от 1 до 9`);
      parts.push({ kind: 'token', name: 'N', width });
    } else {
      errors.push(`Неизвестный элемент {${body}}: допустимы {N}, {N:4}, {YYYY}, {YY}, {MM}`);
    }
    i = close + 1;
  }
  if (text) parts.push({ kind: 'text', text });
  if (!parts.some((p) => p.kind === 'token' && p.name === 'N')) {
    errors.push('В маске нет номера: добавьте {N} или {N:4}');
  }
  return { parts, errors };
}

/** Lists what is wrong with a numbering mask, in Russian; an empty list means the mask is usable. */
export function validateMask(mask: string): string[] {
  if (typeof mask !== 'string' || mask.trim() === '') return ['Маска номера не может быть пустой'];
  return scanMask(mask).errors;
}

/**
 * Fills a mask for sequence number n (a positive integer) and an ISO document date:
 * formatNumber('СЧ-{YYYY}-{N:4}', {n: 7, date: '2026-03-01'}) → «СЧ-2026-0007». A number longer
 * than the width is not cut. Throws a RangeError with the first mask error if the mask is invalid.
 */
export function formatNumber(mask: string, input: { n: number; date: string }): string {
  const errors = validateMask(mask);
  if (errors.length > 0) throw new RangeError(errors[0]);
  if (!Number.isSafeInteger(input.n) || input.n < 1) {
    throw new RangeError(`Порядковый номер должен быть целым числом больше нуля, получено «${String(input.n)}»`);
  }
  const date = requireIsoDate(input.date, 'Дата документа');
  return scanMask(mask)
    .parts.map((p) => {
      if (p.kind === 'text') return p.text;
      if (p.name === 'N') return String(input.n).padStart(p.width ?? 0, '0');
      if (p.name === 'YYYY') return String(date.year).padStart(4, '0');
      if (p.name === 'YY') return String(date.year % 100).padStart(2, '0');
      return String(date.month).padStart(2, '0');
    })
    .join('');
}
