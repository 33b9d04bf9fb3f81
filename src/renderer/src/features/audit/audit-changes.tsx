import { Text } from '@mantine/core';
import { ROLE_TITLES, ROLES } from '../../../../shared/roles';
import { FIELD_LABELS, HIDDEN_FIELDS } from './strings';

/** A field value in one short line (roles by their Russian title). */
function show(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  const role = key === 'role' ? ROLES.find((r) => r === value) : undefined;
  if (role) return ROLE_TITLES[role];
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The fields that differ between before and after, as «field: before → after» lines. */
export function changedFields(before: unknown, after: unknown): { field: string; before: string; after: string }[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN_FIELDS.has(k));
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    // A new record lists only the fields it has.
    .filter((k) => k in b || !blank(a[k]))
    .map((k) => ({ field: FIELD_LABELS[k] ?? k, before: k in b ? show(k, b[k]) : '', after: k in a ? show(k, a[k]) : '—' }));
}

/** One journal entry's before → after, field by field (at most eight lines). */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const changes = changedFields(before, after);
  if (changes.length === 0) return <Text size="xs">—</Text>;
  return (
    <>
      {changes.slice(0, 8).map((c) => (
        <Text key={c.field} size="xs">
          <b>{c.field}:</b> {c.before ? `${c.before} → ` : ''}
          {c.after}
        </Text>
      ))}
      {changes.length > 8 && <Text size="xs" c="dimmed">…и ещё {changes.length - 8}</Text>}
    </>
  );
}
