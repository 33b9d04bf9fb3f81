// The words a client is found by: names (Cyrillic folded to lower case, ё → е), ИНН, ОГРН,
// phones (as +7…, as 10 digits and by their last 7 digits), e-mails and key persons' names.
import { nameWords } from './name-words';
import { hasLegalFormStem, normalizeCompanyName } from './names';

/** What goes into a client's search text. */
export interface SearchSource {
  names: readonly string[];
  inn: string;
  ogrn: string;
  /** Phones normalised to +7XXXXXXXXXX (others are used as typed). */
  phones: readonly string[];
  emails: readonly string[];
  contactNames: readonly string[];
}

function phoneWords(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('7')) return [digits, digits.slice(1), digits.slice(4)];
  return digits ? [digits] : [];
}

/** The normalised words of a client, space-separated and de-duplicated, for the search index. */
export function clientSearchText(s: SearchSource): string {
  const out = new Set<string>();
  // The same name twice (short and full often are) adds no words: each distinct name is read once.
  // A name's key is a subset of its words unless a spelled-out legal form was cut out of the middle of one.
  for (let i = 0; i < s.names.length; i++) {
    const n = s.names[i];
    if (s.names.indexOf(n) < i) continue;
    const nameW = nameWords(n);
    for (const w of nameW) out.add(w);
    if (hasLegalFormStem(nameW)) for (const w of nameWords(normalizeCompanyName(n))) out.add(w);
  }
  for (const w of [s.inn, s.ogrn]) if (w) out.add(w);
  for (const p of s.phones) for (const w of phoneWords(p)) out.add(w);
  for (const e of s.emails) for (const w of nameWords(e)) out.add(w);
  for (const n of s.contactNames) for (const w of nameWords(n)) out.add(w);
  return [...out].join(' ');
}

/**
 * The words of a search query, each to be matched as a prefix. A query that looks like a phone
 * (digits, spaces, brackets, dashes, plus) becomes one number in its +7 and 8 spellings.
 */
export function searchQueryWords(q: string): { words: string[]; phoneVariants: string[] } {
  const trimmed = q.trim();
  if (/^[\d\s()+\-.]+$/.test(trimmed) && /\d/.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    const variants = new Set<string>([digits]);
    if (digits.length >= 2 && (digits.startsWith('8') || digits.startsWith('7'))) {
      variants.add(`7${digits.slice(1)}`);
      if (digits.length >= 4) variants.add(digits.slice(1));
    }
    return { words: [], phoneVariants: [...variants] };
  }
  return { words: nameWords(trimmed), phoneVariants: [] };
}
