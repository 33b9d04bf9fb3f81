import { Alert, Button, List, Text } from '@mantine/core';
import type { FieldChange } from '../api/stale-changes';

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
