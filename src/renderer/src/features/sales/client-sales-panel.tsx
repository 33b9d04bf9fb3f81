import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { DEAL_STAGE_LABELS, formatMoneyRub } from '../../../../core/index';
import type { SessionUser } from '../../../../shared/api/auth';
import { useEntry } from '../../api/call';
import { ActivityList } from './activity-list';
import { CallForm } from './call-form';
import { DealForm } from './deal-form';
import { S } from './strings';

/**
 * A client's deals and calls, with «Записать звонок» and «Новая сделка»: meant for the client card
 * (the clients area places it; it needs only the client's id).
 */
export function ClientSalesPanel({ user, clientId }: { user: SessionUser; clientId: number }) {
  const deals = useEntry('deals.list', { clientId });
  const activities = useEntry('activities.list', { clientId, limit: 50 });
  const [dialog, setDialog] = useState<'call' | 'deal' | null>(null);
  const sells = user.role === 'manager' || user.role === 'head_of_sales' || user.role === 'director';
  const close = () => setDialog(null);
  return (
    <Stack gap="sm" data-testid="client-sales-panel">
      {sells && (
        <Group gap="xs">
          <Button size="xs" onClick={() => setDialog('call')}>
            {S.logCall}
          </Button>
          <Button size="xs" variant="light" onClick={() => setDialog('deal')}>
            {S.newDeal}
          </Button>
        </Group>
      )}
      <Card withBorder padding="sm">
        <Text fw={600} mb={4}>
          {S.deals}
        </Text>
        {(deals.data ?? []).length === 0 && (
          <Text size="sm" c="dimmed">
            {S.noDeals}
          </Text>
        )}
        {(deals.data ?? []).map((d) => (
          <Group key={d.id} justify="space-between">
            <Anchor href={`#/deals/${d.id}`} size="sm">
              {d.title}
            </Anchor>
            <Group gap={6}>
              <Badge size="xs" variant="light">
                {DEAL_STAGE_LABELS[d.stage]}
              </Badge>
              <Text size="sm">{formatMoneyRub(d.amountKopecks)}</Text>
            </Group>
          </Group>
        ))}
      </Card>
      <Card withBorder padding="sm">
        <Text fw={600} mb={4}>
          {S.activities}
        </Text>
        <ActivityList items={activities.data ?? []} empty={S.noActivities} />
      </Card>
      {dialog === 'call' && <CallForm user={user} preset={{ clientId }} onClose={close} />}
      {dialog === 'deal' && <DealForm user={user} deal={null} clientId={clientId} onClose={close} />}
    </Stack>
  );
}
