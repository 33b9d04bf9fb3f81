import { Anchor, Badge, Card, Group, Text } from '@mantine/core';
import { DEAL_OUTCOME_LABELS, formatMoneyRub } from '../../../../core/index';
import type { DealDto } from '../../../../shared/api/sales';
import { formatMonth } from './dates';

/** A deal as a kanban card or a list item: client, what, how much, when, who. */
export function DealCard({ deal, onOpen }: { deal: DealDto; onOpen?: () => void }) {
  return (
    <Card withBorder padding="xs" radius="sm" data-testid="deal-card" data-deal-id={deal.id} onClick={onOpen} style={{ cursor: onOpen ? 'pointer' : undefined }}>
      <Text size="sm" fw={600} lineClamp={1}>
        {deal.clientName}
      </Text>
      <Anchor href={`#/deals/${deal.id}`} size="xs" lineClamp={2} c="dark" onClick={(e) => e.stopPropagation()}>
        {deal.title}
      </Anchor>
      <Group justify="space-between" mt={4} gap={4} wrap="nowrap">
        <Text size="xs" fw={500}>
          {formatMoneyRub(deal.amountKopecks)}
        </Text>
        <Text size="xs" c="dimmed">
          {deal.probability}% · {formatMonth(deal.closeMonth)}
        </Text>
      </Group>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed" lineClamp={1}>
          {deal.managerName}
        </Text>
        {deal.outcome !== 'open' && (
          <Badge size="xs" color={deal.outcome === 'won' ? 'teal' : 'gray'} variant="light">
            {DEAL_OUTCOME_LABELS[deal.outcome]}
          </Badge>
        )}
      </Group>
    </Card>
  );
}
