// Names and positions in the grammatical case a sentence needs: persons by the lvovich library, positions by their head words.
import { getGender, incline } from 'lvovich';

/** The cases a document's sentences use. */
export type NameCase = 'genitive' | 'dative' | 'instrumental';

const NBSP = '\u00a0';

/** «Кузьмина Мария Олеговна» → its parts (surname first, as the app stores full names). */
function parts(fullName: string): { last: string; first: string; middle: string } | null {
  const [last, first = '', middle = ''] = fullName.trim().split(/\s+/);
  return last ? { last, first, middle } : null;
}

/** A full name in the case: «Кузьминой Марией Олеговной» (instrumental). */
export function fullNameIn(fullName: string, kase: NameCase): string {
  const p = parts(fullName);
  if (!p) return '';
  const r = incline({ last: p.last, first: p.first || null, middle: p.middle || null }, kase);
  return [r.last, r.first, r.middle].filter((s): s is string => typeof s === 'string' && s !== '').join(' ');
}

/** Where the addressee's sex cannot be told from the name (or there is no name), a letter greets the team. */
export const COLLEGIAL_SALUTATION = 'Уважаемые коллеги!';

/** The sex a patronymic names: «-ович», «-ич», «оглы», «улы» a man; «-овна», «-ична», «кызы», «гызы» a woman. */
function patronymicGender(middle: string): 'male' | 'female' | null {
  const m = middle.toLowerCase();
  if (/(ич|\sоглы|\sулы)$/.test(m)) return 'male';
  if (/(вна|чна|шна|\sкызы|\sгызы)$/.test(m)) return 'female';
  return null;
}

/**
 * The greeting of a letter to a named person, by name and patronymic: «Уважаемый Сергей Петрович!»,
 * «Уважаемая Мария Олеговна!», «Уважаемый Ильхам Гейдар оглы!». Without a first name, or where the
 * sex is not clear from the name, «Уважаемые коллеги!».
 */
export function salutationOf(fullName: string): string {
  const [last = '', first = '', ...rest] = fullName.trim().split(/\s+/);
  const middle = rest.join(' ');
  if (first === '') return COLLEGIAL_SALUTATION;
  const gender = patronymicGender(middle) ?? getGender({ last: last || null, first, middle: middle || null });
  const addressed = [first, middle].filter((s) => s !== '').join(' ');
  if (gender === 'male') return `Уважаемый ${addressed}!`;
  if (gender === 'female') return `Уважаемая ${addressed}!`;
  return COLLEGIAL_SALUTATION;
}

/** A surname with initials in the case: «Громову С. П.», «Кузьминой М. О.». */
export function shortNameIn(fullName: string, kase: NameCase): string {
  const p = parts(fullName);
  if (!p) return '';
  const r = incline({ last: p.last, first: p.first || null, middle: p.middle || null }, kase);
  const initials = [p.first, p.middle].filter((s) => s !== '').map((s) => `${s.charAt(0).toUpperCase()}.`);
  return [r.last ?? p.last, ...initials].join(NBSP);
}

// Positions are not names: lvovich does not decline them. A position is an adjective or two and a
// head noun («Генеральный директор», «Главный бухгалтер»); the words after the head noun («по
// развитию») keep their form.
const ADJECTIVE_DATIVE: ReadonlyArray<[RegExp, string]> = [
  [/([гкх])ий$/i, '$1ому'],
  [/([ншщжч])ий$/i, '$1ему'],
  [/ый$/i, 'ому'],
  [/ой$/i, 'ому'],
];
const NOUN_DATIVE: ReadonlyArray<[RegExp, string]> = [
  [/ь$/i, 'ю'],
  [/й$/i, 'ю'],
  [/а$/i, 'е'],
  [/я$/i, 'е'],
  [/([бвгджзклмнпрстфхцчшщ])$/i, '$1у'],
];

function dativeOf(word: string, rules: ReadonlyArray<[RegExp, string]>): string {
  for (const [re, to] of rules) if (re.test(word)) return word.replace(re, to);
  return word;
}

/** «Генеральный директор» → «Генеральному директору»; «Директор по развитию» → «Директору по развитию». */
export function positionDative(position: string): string {
  const words = position.trim().split(/\s+/).filter((w) => w !== '');
  const out: string[] = [];
  let headDone = false;
  for (const word of words) {
    if (headDone) {
      out.push(word);
      continue;
    }
    if (/(ый|ий|ой)$/i.test(word) && !/^(управляющий|заведующий)$/i.test(word)) {
      out.push(dativeOf(word, ADJECTIVE_DATIVE));
      continue;
    }
    out.push(/^(управляющий|заведующий)$/i.test(word) ? word.replace(/ий$/i, 'ему') : dativeOf(word, NOUN_DATIVE));
    headDone = true;
  }
  return out.join(' ');
}
