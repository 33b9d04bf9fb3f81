import { Alert, Button, List, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { ApiError, Envelope } from '../../../shared/errors';
import { changedFields, type FieldChange, type ShownField } from '../api/stale-changes';

/**
 * A save refused as stale: who changed the record and when, and what they changed; the form keeps the
 * person's typing. «Продолжить с новой версией» takes the current version as the form's base: fields the
 * person left alone take the other person's values, typed ones stay, and the next «Сохранить» writes them.
 */
export function StaleAlert({ message, changes, onRebase }: { message: string; changes: readonly FieldChange[]; onRebase: () => void }) {
  return (
    <Alert color="orange" data-testid="stale-alert">
      <Text size="sm">{message}</Text>
      {changes.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="xs">
            Что изменилось:
          </Text>
          <List size="sm" data-testid="stale-changes">
            {changes.map((c) => (
              <List.Item key={c.label}>
                {c.label}: {c.from} → {c.to}
              </List.Item>
            ))}
          </List>
        </>
      )}
      <Button size="xs" variant="light" color="orange" mt="xs" onClick={onRebase}>
        Продолжить с новой версией
      </Button>
    </Alert>
  );
}

/**
 * A form's stale refusals: `refused` (after any refused save) fetches the record again when the refusal is
 * STALE and keeps what changed since `opened`; `alert` shows it, and «Продолжить с новой версией» hands the
 * record as it is now to the form's `onRebase`; `clear` after a save that went through.
 */
export function useStaleRefusal<T>(fields: readonly ShownField<T>[]) {
  const [stale, setStale] = useState<{ message: string; changes: FieldChange[]; now: T | null } | null>(null);
  const refused = async (error: ApiError, opened: T | null | undefined, load: (opened: T) => Promise<Envelope<T>>): Promise<void> => {
    if (error.code !== 'STALE' || !opened) return setStale(null);
    const now = await load(opened);
    setStale({ message: error.message, changes: now.data ? changedFields(opened, now.data, fields) : [], now: now.data ?? null });
  };
  const alert = (onRebase: (now: T) => void): ReactNode =>
    stale && (
      <StaleAlert
        message={stale.message}
        changes={stale.changes}
        onRebase={() => {
          if (stale.now) onRebase(stale.now);
          setStale(null);
        }}
      />
    );
  return { refused, alert, clear: () => setStale(null) };
}
