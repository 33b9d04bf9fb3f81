// Reading one row of a long list: which column holds what, and the row's values normalised and
// checked (requisites by the core checks; phones to +7; e-mails lower-case with their domain).
import type { ImportCandidate } from './client-matching';
import { emailDomain, normalizeCompanyName, normalizeEmail, normalizePhone } from './names';
import { checkInn, validateRequisites, type RequisitesKind } from './requisites';

/** The client fields a column of a long list may be mapped to. */
export const IMPORT_FIELDS = [
  'name',
  'fullName',
  'inn',
  'kpp',
  'ogrn',
  'phone',
  'email',
  'website',
  'address',
  'region',
  'segment',
  'source',
  'contactName',
  'contactPosition',
  'note',
] as const;

/** One mappable field. */
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Russian titles of the mappable fields. */
export const IMPORT_FIELD_TITLES: Readonly<Record<ImportField, string>> = {
  name: 'Наименование',
  fullName: 'Полное наименование',
  inn: 'ИНН',
  kpp: 'КПП',
  ogrn: 'ОГРН / ОГРНИП',
  phone: 'Телефон',
  email: 'E-mail',
  website: 'Сайт',
  address: 'Адрес',
  region: 'Регион',
  segment: 'Сегмент',
  source: 'Источник',
  contactName: 'Контактное лицо',
  contactPosition: 'Должность контакта',
  note: 'Примечание',
};

/** Which column (0-based) holds each field; unmapped fields are absent. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

// Header words that point at a field, checked in this order (first hit wins per column).
// JavaScript's \b knows only Latin letters, hence the explicit "no letter follows" look-aheads.
const HEADER_HINTS: readonly [ImportField, RegExp][] = [
  ['inn', /^инн(?!\p{L})|^inn(?!\p{L})/u],
  ['kpp', /^кпп(?!\p{L})|^kpp(?!\p{L})/u],
  ['ogrn', /огрн|ogrn/],
  ['contactPosition', /должност|position/],
  ['phone', /тел|phone|моб/],
  ['email', /e-?mail|почт|мейл/],
  ['contactName', /контактн|фио|contact|лицо/],
  ['fullName', /полное/],
  ['name', /наимен|название|компан|организац|клиент|контрагент|фирма|^name|company/],
  ['website', /сайт|site|www|url/],
  ['address', /адрес|address/],
  ['region', /регион|город|област|край|region|city/],
  ['segment', /сегмент|отрасл|сфер|вид деятельности|segment|industry/],
  ['source', /источник|source/],
  ['note', /примеч|коммент|заметк|note|comment/],
];

/** Guesses the mapping from the header row; each field takes the first column that fits. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((raw, col) => {
    const h = raw.toLowerCase().replace(/ё/g, 'е').trim();
    if (h === '') return;
    const hit = HEADER_HINTS.find(([field, re]) => mapping[field] === undefined && re.test(h));
    if (hit) mapping[hit[0]] = col;
  });
  return mapping;
}

/** A row read from the file: values by field, normalised, with problems and warnings. */
export interface ImportRow {
  row: number;
  kind: RequisitesKind;
  name: string;
  /** The name's matching key (normalizeCompanyName), computed once. */
  nameKey: string;
  fullName: string;
  inn: string;
  kpp: string;
  ogrn: string;
  phones: { value: string; normalized: string | null }[];
  emails: string[];
  website: string;
  address: string;
  region: string;
  segment: string;
  source: string;
  contactName: string;
  contactPosition: string;
  note: string;
  problems: string[];
  warnings: string[];
}

function digitsOnly(s: string): string {
  return s.replace(/[\s\u00a0-]/g, '');
}

/** ИНН as typed or as a spreadsheet number: a lost leading zero is restored when the checksum agrees. */
function readInn(s: string): string {
  const d = digitsOnly(s);
  if ((d.length === 9 || d.length === 11) && /^\d+$/.test(d) && checkInn(`0${d}`)) return `0${d}`;
  return d;
}

function guessKind(name: string, inn: string): RequisitesKind {
  if (inn.length === 12) return 'ip';
  if (inn.length === 10) return 'legal';
  return /^(ип|индивидуальный предприниматель)\s/i.test(name) ? 'ip' : 'legal';
}

/** Reads one row of cells with a mapping into a checked, normalised import row. */
export function readImportRow(cells: readonly string[], row: number, mapping: ColumnMapping): ImportRow {
  const get = (f: ImportField): string => {
    const col = mapping[f];
    return col === undefined ? '' : (cells[col] ?? '').replace(/\s+/g, ' ').trim();
  };
  const name = get('name');
  const inn = readInn(get('inn'));
  const kind = guessKind(name, inn);
  const problems: string[] = [];
  const warnings: string[] = [];
  const nameKey = normalizeCompanyName(name);
  if (nameKey === '') problems.push('Нет наименования');
  const kpp = digitsOnly(get('kpp')).toUpperCase();
  const ogrn = digitsOnly(get('ogrn'));
  for (const issue of validateRequisites({ kind, inn, kpp: kind === 'legal' ? kpp : '', ogrn }, { required: [] })) {
    problems.push(issue.message);
  }
  const phones = get('phone')
    .split(/[,;/]|\s{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((value) => ({ value, normalized: normalizePhone(value) }));
  if (phones.some((p) => p.normalized === null)) warnings.push('телефон не распознан — сохранится как записан');
  const emails: string[] = [];
  for (const part of get('email').split(/[,;\s]+/).filter((e) => e !== '')) {
    const e = normalizeEmail(part);
    if (e) emails.push(e);
    else warnings.push(`e-mail «${part}» не распознан и не будет сохранён`);
  }
  return {
    row,
    kind,
    name,
    nameKey,
    fullName: get('fullName') || name,
    inn,
    kpp: kind === 'legal' ? kpp : '',
    ogrn,
    phones,
    emails,
    website: get('website'),
    address: get('address'),
    region: get('region'),
    segment: get('segment'),
    source: get('source'),
    contactName: get('contactName'),
    contactPosition: get('contactPosition'),
    note: get('note'),
    problems,
    warnings,
  };
}

/** The matcher's view of an import row. */
export function toCandidate(r: ImportRow): ImportCandidate {
  const domains = new Set<string>();
  for (const e of r.emails) {
    const d = emailDomain(e);
    if (d) domains.add(d);
  }
  return {
    row: r.row,
    name: r.name,
    nameKey: r.nameKey,
    inn: r.inn,
    phones: r.phones.flatMap((p) => (p.normalized ? [p.normalized] : [])),
    emails: r.emails,
    domains: [...domains],
    problems: r.problems,
  };
}

/** The text values of a row its report record keeps (when not empty). */
const RECORDED_TEXT = ['inn', 'kpp', 'ogrn', 'website', 'address', 'region', 'segment', 'source', 'contactName', 'contactPosition', 'note'] as const;

/**
 * What an import's report keeps of a row, as JSON: the values as read and the row's problems and
 * warnings, without the empty ones, without what is worked out from them (the name key, normalised
 * phones, a full name that is only the name again) and without the row number and name, which the
 * report row holds in columns of its own. A skipped row is not lost; a 30 000-row list writes a third.
 */
export function importRowRecord(r: ImportRow): string {
  const record: Record<string, unknown> = { kind: r.kind };
  if (r.fullName !== r.name) record.fullName = r.fullName;
  const kept: [string, string | readonly string[]][] = [
    ...RECORDED_TEXT.map((key): [string, string] => [key, r[key]]),
    ['phones', r.phones.map((p) => p.value)],
    ['emails', r.emails],
    ['problems', r.problems],
    ['warnings', r.warnings],
  ];
  for (const [key, value] of kept) if (value.length > 0) record[key] = value;
  return JSON.stringify(record);
}
