// Russian hyphenation for narrow table headers: pdfmake 0.3 breaks at U+00AD but prints no hyphen,
// so the lines of a header cell are decided here, with a visible «-» wherever a word is divided.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fontFilePaths } from './fonts';

type Hyphenator = { hyphenateSync(text: string, options: { hyphenChar: string }): string };
type ShapedRun = { advanceWidth: number };
type MeasuredFont = { unitsPerEm: number; layout(text: string): ShapedRun };

const SOFT = '\u00ad';
/** A divided word keeps at least two letters on each line (Russian typographic rule). */
const MIN_PART = 2;
/** Slack for rounding between this measure and pdfmake's own. */
const SLACK = 0.3;

// Not named `require`: the build adds its own `require` to a bundle that uses one, and two would not load.
const load = createRequire(import.meta.url);
let hyphenator: Hyphenator | null = null;
let font: { path: string; font: MeasuredFont } | null = null;
const fitted = new Map<string, string>();

function isHyphenator(value: unknown): value is Hyphenator {
  return typeof value === 'object' && value !== null && 'hyphenateSync' in value && typeof value.hyphenateSync === 'function';
}

function isMeasuredFont(value: unknown): value is MeasuredFont {
  return typeof value === 'object' && value !== null && 'layout' in value && typeof value.layout === 'function' && 'unitsPerEm' in value;
}

function russian(): Hyphenator {
  if (hyphenator === null) {
    const loaded: unknown = load('hyphen/ru');
    if (!isHyphenator(loaded)) throw new Error('hyphen/ru: no hyphenateSync');
    hyphenator = loaded;
  }
  return hyphenator;
}

/** The regular font, parsed apart from the one pdfmake embeds (its glyph cache is left alone). */
function regularFont(): MeasuredFont {
  const path = fontFilePaths().normal;
  if (font === null || font.path !== path) {
    const fontkit: unknown = load('fontkit');
    const create = typeof fontkit === 'object' && fontkit !== null && 'create' in fontkit && typeof fontkit.create === 'function' ? fontkit.create : null;
    const parsed: unknown = create === null ? null : create(readFileSync(path));
    if (!isMeasuredFont(parsed)) throw new Error(`${path}: not a font`);
    font = { path, font: parsed };
  }
  return font.font;
}

function widthOf(text: string, fontSize: number): number {
  const f = regularFont();
  return (f.layout(text).advanceWidth / f.unitsPerEm) * fontSize;
}

/** Places where a word may be divided: offsets with at least two letters on either side. */
export function hyphenationPoints(word: string): number[] {
  const parts = russian().hyphenateSync(word, { hyphenChar: SOFT }).split(SOFT);
  const points: number[] = [];
  let at = 0;
  for (const part of parts.slice(0, -1)) {
    at += part.length;
    const before = word.slice(0, at).replace(/[^\p{L}]/gu, '').length;
    const after = word.slice(at).replace(/[^\p{L}]/gu, '').length;
    if (before >= MIN_PART && after >= MIN_PART && /\p{L}/u.test(word[at - 1]) && /\p{L}/u.test(word[at])) points.push(at);
  }
  return points;
}

/** The longest head of `word` that, with «-», fits in `room`; null when none does. */
function headThatFits(word: string, room: number, fontSize: number): number | null {
  const points = hyphenationPoints(word).reverse();
  return points.find((p) => widthOf(`${word.slice(0, p)}-`, fontSize) <= room) ?? null;
}

/**
 * The text of a header cell `width` points wide as lines joined by «\n»: words fill each line, and a
 * word that does not fit is divided at a Russian hyphenation point with a visible «-». A word with no
 * point that fits is left whole for pdfmake to place.
 */
export function fitHeaderText(text: string, width: number, fontSize: number): string {
  const key = `${width}|${fontSize}|${text}`;
  const known = fitted.get(key);
  if (known !== undefined) return known;
  const room = width - SLACK;
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter((w) => w !== '');
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const candidate = line === '' ? word : `${line} ${word}`;
    if (widthOf(candidate, fontSize) <= room) {
      line = candidate;
      continue;
    }
    const prefix = line === '' ? '' : `${line} `;
    const head = headThatFits(word, room - widthOf(prefix, fontSize), fontSize);
    if (head !== null) {
      lines.push(`${prefix}${word.slice(0, head)}-`);
      line = '';
      words.splice(i + 1, 0, word.slice(head));
      continue;
    }
    if (line !== '') {
      lines.push(line);
      line = '';
      i--;
      continue;
    }
    // A single word wider than the cell with no point that fits: it stays whole.
    line = word;
  }
  if (line !== '') lines.push(line);
  const result = lines.join('\n');
  fitted.set(key, result);
  return result;
}
