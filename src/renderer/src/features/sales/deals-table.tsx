import { Anchor, Badge, Table, Text } from '@mantine/core';
import { DEAL_OUTCOME_LABELS, DEAL_STAGE_LABELS, formatMoneyRub } from '../../../../core/index';
import type { DealDto } from '../../../../shared/api/sales';
import { navigate } from '../../app/router';
import { formatMonth } from './dates';
import { S } from './strings';

/** The deals as a table: one row each, a click opens the deal. */
export function DealsTable({ deals }: { deals: DealDto[] }) {
  if (deals.length === 0) return <Text c="dimmed">{S.noDeals}</Text>;
  return (
    <Table striped highlightOnHover withTableBorder data-testid="deals-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{S.client}</Table.Th>
          <Table.Th>{S.title}</Table.Th>
          <Table.Th>{S.stage}</Table.Th>
          <Table.Th ta="right">{S.amount}</Table.Th>
          <Table.Th>{S.probability}</Table.Th>
          <Table.Th>{S.closeMonth}</Table.Th>
          <Table.Th>{S.manager}</Table.Th>
          <Table.Th>{S.outcome}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {deals.map((d) => (
          <Table.Tr key={d.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/deals/${d.id}`)}>
            <Table.Td>{d.clientName}</Table.Td>
            <Table.Td>
              <Anchor href={`#/deals/${d.id}`} size="sm" onClick={(e) => e.stopPropagation()}>
                {d.title}
              </Anchor>
            </Table.Td>
            <Table.Td>{DEAL_STAGE_LABELS[d.stage]}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {formatMoneyRub(d.amountKopecks)}
            </Table.Td>
            <Table.Td>{d.probability}%</Table.Td>
            <Table.Td>{formatMonth(d.closeMonth)}</Table.Td>
            <Table.Td>{d.managerName}</Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={d.outcome === 'won' ? 'teal' : d.outcome === 'lost' ? 'gray' : 'indigo'}>
                {DEAL_OUTCOME_LABELS[d.outcome]}
              </Badge>
              {d.lossReason && (
                <Text size="xs" c="dimmed">
                  {d.lossReason}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
