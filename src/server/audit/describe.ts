// One journal entry as a person reads it: a Russian sentence (who, what, which record), the changed
// fields with Russian names and formatted values, a link to the record, the local date and time.
import { formatDateNumeric, formatMoneyRub, formatPercent, MONTHS_NOMINATIVE } from '../../core/index';
import type { AuditEntryDto, AuditRawEntry } from '../../shared/api/system';
import { ROLE_TITLES, ROLES } from '../../shared/roles';
import { SERIES_TITLES } from '../documents/series';
import type { NameOf } from './record-names';
import { ACTION_WORDS, ENTITY_WORDS, FIELD_VALUE_WORDS, FIELD_WORDS, HIDDEN_FIELDS, VALUE_WORDS, type EntityWord } from './audit-words';

/** What the journal view shows beside the raw entry. */
export type AuditReading = Pick<AuditEntryDto, 'sentence' | 'changes' | 'link' | 'atLocal'>;

const pad = (n: number) => String(n).padStart(2, '0');

/** «26.11.2026 12:00» in this computer's time zone. */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function monthWords(month: string): string {
  return `${MONTHS_NOMINATIVE[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}

/** A field's value in one short line: money, dates, roles, percentages and yes/no in Russian. */
function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (typeof value === 'number' && key.endsWith('Kopecks') && Number.isSafeInteger(value)) return formatMoneyRub(value);
  if (typeof value === 'number' && key.endsWith('Bp') && Number.isSafeInteger(value)) return formatPercent(value);
  if (Array.isArray(value)) return cut(value.every((v) => typeof v === 'number') ? `№ ${value.join(', ')}` : value.map((v: unknown) => (v !== null && typeof v === 'object' ? showRecord(v) : show('', v))).join('; '));
  if (typeof value === 'string') {
    const coded = FIELD_VALUE_WORDS[key]?.[value];
    if (coded) return coded;
    const role = key === 'role' ? ROLES.find((r) => r === value) : undefined;
    if (role) return ROLE_TITLES[role];
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return localDateTime(value);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDateNumeric(value);
    if (/^\d{4}-\d{2}$/.test(value) && key === 'month') return monthWords(value);
    if ((key === 'status' || key === 'state' || key === 'outcome' || key === 'side') && VALUE_WORDS[value]) return VALUE_WORDS[value];
    return cut(value);
  }
  return cut(typeof value === 'object' ? showRecord(value) : String(value));
}

/** A nested record (an allocation, a line) as its shown values: «№ 3 · 12 811,22 ₽». */
function showRecord(value: object | null): string {
  if (value === null) return '—';
  return Object.entries(value)
    .filter(([k, v]) => !HIDDEN_FIELDS.has(k) && v !== null && v !== undefined && v !== '')
    .map(([k, v]) => (k.endsWith('Id') && typeof v === 'number' ? `№ ${v}` : show(k, v)))
    .join(' · ');
}

const cut = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The fields that differ between before and after, with Russian names and values. */
export function changedFields(before: unknown, after: unknown, names: NameOf = () => undefined): AuditEntryDto['changes'] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN_FIELDS.has(k));
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .filter((k) => k in b || !blank(a[k]))
    .map((k) => {
      // An id whose record has a name shows the name, under the field's name without «(№)».
      const named = (v: unknown) => (typeof v === 'number' ? names(k, v) : undefined);
      const [nb, na] = [named(b[k]), named(a[k])];
      const field = FIELD_WORDS[k] ?? k;
      return {
        field: nb !== undefined || na !== undefined ? field.replace(/ \(№\)$/, '') : field,
        before: k in b ? (nb ?? show(k, b[k])) : '',
        after: k in a ? (na ?? show(k, a[k])) : '—',
      };
    });
}

const GENDER_INDEX = { m: 0, f: 1, n: 2, p: 3 } as const;

/** Which record, in words: «ведомость за октябрь 2026», «клиент № 12». */
function recordWords(word: EntityWord, entityId: string | null, after: Record<string, unknown>, before: Record<string, unknown>): string {
  const month = typeof after.month === 'string' ? after.month : typeof before.month === 'string' ? before.month : entityId !== null && /^\d{4}-\d{2}$/.test(entityId) ? entityId : null;
  if (month !== null && /^\d{4}-\d{2}$/.test(month)) return `${word.name} за ${monthWords(month)}`;
  const series = typeof after.seriesKey === 'string' ? SERIES_TITLES[after.seriesKey] : undefined;
  if (series) return `${word.name} «${series}»${typeof after.year === 'number' ? ` на ${after.year} год` : ''}`;
  const name = [after.shortName, after.fullName, after.title, after.text, before.shortName, before.fullName, before.title].find((v): v is string => typeof v === 'string' && v !== '');
  if (name) return `${word.name} «${name.length > 60 ? `${name.slice(0, 59)}…` : name}»`;
  return entityId === null ? word.name : `${word.name} № ${entityId}`;
}

/** Where the record opens in the app, or null. */
function linkOf(entity: string, entityId: string | null, month: string | null): string | null {
  const id = entityId !== null && /^\d+$/.test(entityId) ? entityId : null;
  switch (entity) {
    case 'client':
      return id ? `/clients/${id}` : '/clients';
    case 'deal':
      return id ? `/deals/${id}` : '/deals';
    case 'document':
      return id ? `/documents/${id}` : '/documents';
    case 'bundle':
      return '/documents';
    case 'document_signing':
      return '/signatures';
    case 'payment':
      return '/payments';
    case 'payroll_statement':
      return month ? `/payroll/statements/${month}` : '/payroll/statements';
    case 'payroll_order':
      return '/payroll/orders';
    case 'month_close':
      return '/reports/commercial';
    case 'user':
      return '/settings/users';
    case 'organization':
      return '/settings/orgs';
    case 'plan':
      return '/plans/grid';
    default:
      return null;
  }
}

/** Reads one raw journal entry as a person would say it. */
export function readAuditEntry(e: AuditRawEntry, names: NameOf = () => undefined): AuditReading {
  const word = ENTITY_WORDS[e.entity] ?? { name: `запись (${e.entity})`, gender: 'f' as const };
  const forms = ACTION_WORDS[e.action];
  const verb = forms ? forms[GENDER_INDEX[word.gender]] : `действие «${e.action}»`;
  const before = asRecord(e.before);
  const after = asRecord(e.after);
  const what = recordWords(word, e.entityId, after, before);
  const who = e.userName ?? 'Программа';
  const sentence = forms ? `${who}: ${what} — ${verb}` : `${who}: ${verb} — ${what}`;
  const monthValue = [after.month, before.month, e.entityId].find((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}$/.test(v)) ?? null;
  return { sentence, changes: changedFields(e.before, e.after, names), link: linkOf(e.entity, e.entityId, monthValue), atLocal: localDateTime(e.at) };
}
