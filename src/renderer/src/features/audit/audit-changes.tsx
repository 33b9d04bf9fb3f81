import { Text } from '@mantine/core';
import type { AuditEntryDto } from '../../../../shared/api/system';

/** One journal entry's before → after, field by field as the server words them (at most eight lines). */
export function AuditChanges({ changes }: { changes: AuditEntryDto['changes'] }) {
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
