import { Badge, Group, Progress, Table, Text } from '@mantine/core';
import type { PlanFactRow } from '../../../../shared/api/plan-types';
import { percent, rub } from './format';
import { P } from './strings';

function completionColor(value: string | null): string {
  if (value === null) return 'gray';
  const n = Number(value);
  return n >= 100 ? 'teal' : n >= 80 ? 'yellow' : 'red';
}

/** A plan's status as a small badge. */
export function PlanStatusBadge({ status }: { status: PlanFactRow['planStatus'] }) {
  if (status === null) return null;
  return (
    <Badge size="xs" variant="light" color={status === 'approved' ? 'teal' : 'orange'}>
      {status === 'approved' ? P.approvedBadge : P.draft}
    </Badge>
  );
}

/** Plan / fact / last year per manager, the department and the company. */
export function PlanFactTable({ rows }: { rows: PlanFactRow[] }) {
  return (
    <Table striped withTableBorder data-testid="plan-fact-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th ta="right">{P.plan}</Table.Th>
          <Table.Th ta="right">{P.fact}</Table.Th>
          <Table.Th w={200}>{P.completion}</Table.Th>
          <Table.Th ta="right">{P.lastYear}</Table.Th>
          <Table.Th ta="right">{P.growth}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={`${r.scope}-${r.userId ?? 0}`} fw={r.scope === 'manager' ? undefined : 600} data-row={r.scope === 'manager' ? `manager-${r.userId}` : r.scope}>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td ta="right">
              <Group gap={6} justify="flex-end" wrap="nowrap">
                <span>{r.planKopecks === null ? P.noPlan : rub(r.planKopecks)}</span>
                <PlanStatusBadge status={r.planStatus} />
              </Group>
            </Table.Td>
            <Table.Td ta="right">{rub(r.factKopecks)}</Table.Td>
            <Table.Td>
              <Group gap={8} wrap="nowrap">
                <Progress value={Math.min(100, Number(r.completionPercent ?? 0))} color={completionColor(r.completionPercent)} w={110} />
                <Text size="sm">{percent(r.completionPercent)}</Text>
              </Group>
            </Table.Td>
            <Table.Td ta="right">{rub(r.lastYearKopecks)}</Table.Td>
            <Table.Td ta="right" c={r.growthPercent?.startsWith('-') ? 'red' : undefined}>
              {r.growthPercent === null ? '—' : `${r.growthPercent.startsWith('-') ? '' : '+'}${percent(r.growthPercent)}`}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
