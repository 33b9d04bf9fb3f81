import type { ReactNode } from 'react';
import { Badge, Group, Stack, Text } from '@mantine/core';
import type { ActivityDto } from '../../../../shared/api/sales-activities';
import { ACTIVITY_KIND_LABELS } from '../../../../shared/api/sales-activities';
import { CALL_GOAL_LABELS, CALL_GOALS } from '../../../../core/index';
import { formatAt } from './dates';
import { A } from './strings';

/** One activity as a line: when, what, with whom, goals reached, objections. */
export function ActivityLine({ a, actions }: { a: ActivityDto; actions?: ReactNode }) {
  const goals = CALL_GOALS.filter((g) => a[g]);
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" data-testid="activity-line">
      <Stack gap={2}>
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {formatAt(a.at)} · {ACTIVITY_KIND_LABELS[a.kind]}
          </Text>
          {a.status !== 'done' && (
            <Badge size="xs" variant="light" color={a.status === 'planned' ? 'orange' : 'gray'}>
              {a.status === 'planned' ? A.planned : A.cancelled}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {a.clientName}
          {a.contactName ? ` · ${a.contactName}` : a.theirPerson ? ` · ${a.theirPerson}` : ''}
          {a.dealTitle ? ` · ${a.dealTitle}` : ''}
        </Text>
        {goals.length > 0 && (
          <Group gap={4}>
            {goals.map((g) => (
              <Badge key={g} size="xs" color="teal" variant="light">
                {CALL_GOAL_LABELS[g]}
              </Badge>
            ))}
          </Group>
        )}
        {a.objections.length > 0 && (
          <Text size="xs" c="dimmed">
            Возражения: {a.objections.map((o) => `«${o.text}»`).join(', ')}
          </Text>
        )}
        {(a.subject || a.result) && (
          <Text size="xs" c="dimmed">
            {[a.subject, a.result].filter(Boolean).join(' — ')}
          </Text>
        )}
      </Stack>
      {actions}
    </Group>
  );
}

/** A list of activities, or a quiet line when there are none. */
export function ActivityList({ items, empty, actions }: { items: ActivityDto[]; empty: string; actions?: (a: ActivityDto) => ReactNode }) {
  if (items.length === 0) return <Text size="sm" c="dimmed">{empty}</Text>;
  return (
    <Stack gap="sm">
      {items.map((a) => (
        <ActivityLine key={a.id} a={a} actions={actions?.(a)} />
      ))}
    </Stack>
  );
}
