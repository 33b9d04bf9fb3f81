import { Button, Card, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import type { ActivityDto } from '../../../../shared/api/sales-activities';
import { request, showError, useEntry } from '../../api/call';
import { navigate } from '../../app/router';
import { ActivityList } from './activity-list';
import { CallForm, type CallPreset } from './call-form';
import { todayLocal } from './dates';
import { A, S } from './strings';
import { DateField } from '../../app/date-fields';

/** «Мой день»: today's planned calls and meetings, what is overdue, what was done; one key to log a call. */
export function DayPage({ user }: { user: SessionUser }) {
  const [day, setDay] = useState(todayLocal());
  const [managerId, setManagerId] = useState<string | null>(null);
  const [preset, setPreset] = useState<CallPreset | null>(null);
  const people = useEntry('sales.people', {});
  const view = useEntry('activities.day', { day, managerId: managerId ? Number(managerId) : undefined });
  const cancel = async (a: ActivityDto) => {
    const res = await request('activities.setStatus', { id: a.id, status: 'cancelled' });
    if (res.error) return showError(res.error);
  };
  const actions = (a: ActivityDto) => (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-sm" onClick={() => setPreset({ activity: a })}>
        {A.complete}
      </Button>
      <Button size="compact-sm" variant="subtle" color="gray" onClick={() => void cancel(a)}>
        {A.cancel}
      </Button>
    </Group>
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{S.deals}</Title>
          <SegmentedControl
            value="day"
            onChange={(v) => navigate(v === 'kanban' ? '/deals' : `/deals/${v}`)}
            data={[
              { value: 'kanban', label: S.kanban },
              { value: 'table', label: S.table },
              { value: 'day', label: S.myDay },
            ]}
          />
        </Group>
        <Group gap="xs">
          <Button variant="light" onClick={() => setPreset({ status: 'planned', kind: 'call_followup' })}>
            {S.planActivity}
          </Button>
          <Button onClick={() => setPreset({})}>{S.logCall}</Button>
        </Group>
      </Group>
      <Group gap="sm" align="flex-end">
        <DateField label={A.day} value={day} onChange={(v) => setDay(v || todayLocal())} w={180} />
        {user.role !== 'manager' && (
          <Select
            label={S.manager}
            placeholder={user.fullName}
            clearable
            data={(people.data ?? []).map((p) => ({ value: String(p.id), label: p.fullName }))}
            value={managerId}
            onChange={setManagerId}
            w={260}
          />
        )}
      </Group>
      <Card withBorder radius="md" data-testid="day-planned">
        <Text fw={600} mb="xs">
          {A.today}
        </Text>
        <ActivityList items={view.data?.planned ?? []} empty={A.nothingPlanned} actions={actions} />
      </Card>
      {(view.data?.overdue.length ?? 0) > 0 && (
        <Card withBorder radius="md">
          <Text fw={600} mb="xs" c="red.7">
            {A.overdue}
          </Text>
          <ActivityList items={view.data?.overdue ?? []} empty={A.nothingOverdue} actions={actions} />
        </Card>
      )}
      <Card withBorder radius="md" data-testid="day-done">
        <Text fw={600} mb="xs">
          {A.doneToday}
        </Text>
        <ActivityList items={view.data?.done ?? []} empty={A.nothingDone} />
      </Card>
      {preset && (
        <CallForm
          user={user}
          preset={preset}
          onClose={() => setPreset(null)}
        />
      )}
    </Stack>
  );
}
