// Issue 15 item 13: narrow table headers divide words only at Russian hyphenation points, with a visible «-».
import { describe, expect, it } from 'vitest';
import { buildViewModel, loadBuiltInTemplate, renderPdf, type DocumentKind } from '../../src/documents/index';
import { sampleData } from './fixtures';
import { pageGeometry, type PageGeometry } from './pdf-geometry';

/** Syllables by hand (Правила русской орфографии и пунктуации, §§ 115–116): the only places a word may be divided. */
const SYLLABLES = [
  'то|ва|ра', 'ра|бот', 'то|ва|ров', 'из|ме|ре|ния', 'сум|ма', 'ак|ци|за', 'на|ло|го|вая', 'став|ка', 'на|ци|о|наль|ное', 'циф|ро|вой',
  'на|име|но|ва|ние', 'ис|поль|зу|е|мая', 'це|лях', 'про|сле|жи|ва|е|мо|сти', 'обо|зна|че|ние', 'под|ле|жа|ще|го', 'пар|тии',
  'ко|ли|че|ствен|ной', 'еди|ни|це', 'по|ряд|ку', 'упа|ков|ки', 'ме|сте', 'мас|са', 'дек|ла|ра|ции', 'ре|ги|стра|ци|он|ный',
  'предъ|яв|ля|е|мая', 'по|ку|па|те|лю', 'на|ло|гом', 'на|ло|га', 'иму|ще|ствен|ных', 'ко|ли|че|ство', 'еди|ни|цу', 'сто|и|мость',
  'чис|ле', 'про|ис|хож|де|ния', 'крат|кое', 'услов|ное', 'еди|ни|ца', 'ви|да', 'но|мер', 'брут|то', 'нет|то', 'од|ном', 'ко|ли|че|ствен|ная',
  'ус|луг', 'де|кла|ра|ции',
];

/** Allowed heads of divided words: «то-» of «товара», «прослежива-» of «прослеживаемости», … */
const ALLOWED = new Set(
  SYLLABLES.flatMap((word) => {
    const parts = word.split('|');
    return parts.slice(1).map((_, i) => `${parts.slice(0, i + 1).join('')}-${parts.slice(i + 1).join('')}`);
  }),
);

/** Each narrow column's number and its header exactly as the form (and the template) words it. */
const HEADERS: Partial<Record<DocumentKind, Record<string, string>>> = {
  upd: {
    А: 'Код товара/ работ, услуг',
    '1': '№ п/п',
    '1б': 'Код вида товара',
    '2': 'код',
    '2а': 'условное обозначение (национальное)',
    '3': 'Количество (объём)',
    '4': 'Цена (тариф) за единицу измерения',
    '5': 'Стоимость товаров (работ, услуг), имущественных прав без налога — всего',
    '6': 'В том числе сумма акциза',
    '7': 'Налоговая ставка',
    '8': 'Сумма налога, предъявляемая покупателю',
    '9': 'Стоимость товаров (работ, услуг), имущественных прав с налогом — всего',
    '10': 'цифровой код',
    '10а': 'краткое наименование',
    '11': 'Регистрационный номер декларации на товары или партии товара, подлежащего прослеживаемости',
    '12': 'код',
    '12а': 'условное обозначение',
    '13': 'Количество товара, подлежащего прослеживаемости, в количественной единице измерения',
  },
  torg12: {
    '1': 'Номер по порядку',
    '3': 'код',
    '4': 'наименование',
    '5': 'код по ОКЕИ',
    '6': 'Вид упаковки',
    '7': 'в одном месте',
    '8': 'мест, штук',
    '9': 'Масса брутто',
    '10': 'Количество (масса нетто)',
    '11': 'Цена, руб. коп.',
    '12': 'Сумма без учёта НДС, руб. коп.',
    '13': 'ставка, %',
    '14': 'сумма, руб. коп.',
    '15': 'Сумма с учётом НДС, руб. коп.',
  },
  invoice_factura: {
    '1а': 'Код вида товара',
    '2а': 'условное обозначение (национальное)',
    '4': 'Цена (тариф) за единицу измерения',
    '6': 'В том числе сумма акциза',
    '7': 'Налоговая ставка',
    '11': 'Регистрационный номер декларации на товары или партии товара, подлежащего прослеживаемости',
    '13': 'Количество товара, подлежащего прослеживаемости, в количественной единице измерения',
  },
};

type Run = PageGeometry['texts'][number];

const centre = (r: Run): number => (r.rect.x0 + r.rect.x1) / 2;

/** The runs of the row of column numbers: the one line holding every number asked for. */
function numberRow(page: PageGeometry, numbers: readonly string[]): Run[] {
  for (const anchor of page.texts.filter((r) => r.text.trim() === numbers[numbers.length - 1])) {
    const row = page.texts.filter((r) => Math.abs(r.rect.y0 - anchor.rect.y0) < 1);
    if (numbers.every((n) => row.some((r) => r.text.trim() === n))) return row;
  }
  throw new Error(`no row of column numbers ${numbers.join(', ')}`);
}

/** Words of one printed line come as separate runs: runs on one baseline less than a wide space apart make a line. */
function printedLines(runs: readonly Run[]): Run[] {
  const sorted = [...runs].sort((a, b) => b.rect.y0 - a.rect.y0 || a.rect.x0 - b.rect.x0);
  const lines: Run[] = [];
  for (const r of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.rect.y0 - r.rect.y0) < 0.5 && r.rect.x0 - last.rect.x1 < 2.5) {
      // A space between them shows as a gap (about 1.7 pt at this size); a run split after «/» has none.
      const space = r.rect.x0 - last.rect.x1 > 0.8 ? ' ' : '';
      lines[lines.length - 1] = { text: `${last.text}${space}${r.text}`, rect: { ...last.rect, x1: r.rect.x1 } };
    } else lines.push(r);
  }
  return lines;
}

/** A header cell's lines, top first: lines centred on the column's number, just above the number row. */
function headerLines(page: PageGeometry, number: Run): string[] {
  const x = centre(number);
  const above = page.texts.filter((r) => r.rect.y0 > number.rect.y1 && r.rect.y0 < number.rect.y1 + 75);
  const cell = printedLines(above)
    .filter((r) => Math.abs(centre(r) - x) < 1.5)
    .sort((a, b) => a.rect.y0 - b.rect.y0);
  // From the bottom up, the cell's lines follow each other closely; text further up is outside the table.
  const lines = cell.filter((r, i) => i === 0 || cell.slice(1, i + 1).every((q, j) => q.rect.y0 - cell[j].rect.y0 < 7.5));
  return lines.reverse().map((r) => r.text.trim());
}

/** Joins a cell's lines back: a line ending in «letter-» continues the word, any other break was a space. */
function rejoin(lines: readonly string[], divided: string[]): string {
  let text = lines[0] ?? '';
  for (const next of lines.slice(1)) {
    if (/\p{L}-$/u.test(text) && /^\p{L}/u.test(next)) {
      const head = /[^\s]+$/u.exec(text)?.[0] ?? '';
      const tail = /^[^\s]+/u.exec(next)?.[0] ?? '';
      divided.push(`${head}${tail}`);
      text = `${text.slice(0, -1)}${next}`;
    } else text = `${text} ${next}`;
  }
  return text;
}

describe('narrow table headers (item 13)', () => {
  for (const [kind, headers] of Object.entries(HEADERS)) {
    it(`${kind}: every header reads back whole, each divided word at a hyphenation point with «-»`, async () => {
      const data = sampleData(kind as DocumentKind);
      const page = (await pageGeometry(await renderPdf(buildViewModel(data), loadBuiltInTemplate(data.kind))))[0];
      const numbers = Object.keys(headers ?? {});
      const row = numberRow(page, numbers);
      const divided: string[] = [];
      for (const [num, title] of Object.entries(headers ?? {})) {
        const number = row.find((r) => r.text.trim() === num);
        const lines = number ? headerLines(page, number) : [];
        expect({ num, text: rejoin(lines, divided) }).toEqual({ num, text: title });
      }
      // Something was divided (the test would prove nothing otherwise), and only where Russian allows.
      expect(divided.length).toBeGreaterThan(0);
      for (const word of divided) expect({ word, allowed: ALLOWED.has(word.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')) }).toEqual({ word, allowed: true });
    });
  }
});
