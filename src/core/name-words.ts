// The words of a name or an address: runs of letters and digits (Unicode's \p{L} and \p{N}) of the text in
// lower case with ё folded to е. Names are written in Cyrillic and Latin letters, digits, spaces and a few
// marks, and a scan of their character codes splits them several times faster than the Unicode-property
// regular expression; any other character sends the whole text to that expression, so the words are the
// same for every text (test/core/name-words.test.ts compares both on generated texts).

const NON_WORD = /[^\p{L}\p{N}]+/u;

// Characters other than ASCII that a name often holds and that are neither letters nor digits.
const MARKS = new Set([0xa0, 0xab, 0xbb, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x201e, 0x2116]);

/** The words by the regular expression: the definition the scan keeps to. */
function wordsByExpression(lower: string): string[] {
  return lower.split(NON_WORD).filter((w) => w !== '');
}

/** A letter or digit the scan knows: ASCII ones and the lower-case Cyrillic block а…я, ѐ…џ (ё already folded). */
function isKnownWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x430 && c <= 0x45f);
}

/** The words of `s` in lower case with ё → е; not a string gives none. */
export function nameWords(s: unknown): string[] {
  if (typeof s !== 'string') return [];
  const lower = s.toLowerCase().replaceAll('ё', 'е');
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (isKnownWordChar(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (c >= 0x80 && !MARKS.has(c)) return wordsByExpression(lower);
    if (start >= 0) {
      out.push(lower.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) out.push(lower.slice(start));
  return out;
}
