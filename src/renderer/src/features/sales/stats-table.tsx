import { Table, Text, Tooltip } from '@mantine/core';
import { WORK_CONVERSIONS, WORK_METRIC_LABELS, WORK_METRICS } from '../../../../core/index';
import type { WorkStatsResult, WorkStatsRow } from '../../../../shared/api/sales-stats';
import { R } from './strings';

function Cell({ value, connected }: { value: number | null; connected: boolean }) {
  if (connected && value !== null) return <>{value}</>;
  return (
    <Tooltip label={R.notConnected} multiline w={260}>
      <Text span c="dimmed">
        —
      </Text>
    </Tooltip>
  );
}

function Row({ r, stats, bold }: { r: WorkStatsRow; stats: WorkStatsResult; bold?: boolean }) {
  return (
    <Table.Tr fw={bold ? 700 : undefined} data-testid={r.managerId === null ? 'stats-department' : `stats-row-${r.managerId}`}>
      <Table.Td>{r.name}</Table.Td>
      {WORK_METRICS.map((m) => (
        <Table.Td key={m} ta="right" data-metric={m}>
          <Cell value={r.counts[m]} connected={stats.connected[m]} />
        </Table.Td>
      ))}
    </Table.Tr>
  );
}

/** Counters per manager and for the department; «—» with a tooltip where the source is not connected. */
export function StatsTable({ stats }: { stats: WorkStatsResult }) {
  return (
    <Table withTableBorder striped data-testid="stats-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Менеджер</Table.Th>
          {WORK_METRICS.map((m) => (
            <Table.Th key={m} ta="right" style={{ fontSize: 12 }}>
              {WORK_METRIC_LABELS[m]}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {stats.rows.map((r) => (
          <Row key={r.managerId} r={r} stats={stats} />
        ))}
        <Row r={stats.department} stats={stats} bold />
      </Table.Tbody>
    </Table>
  );
}

/** The conversions between the funnel's steps, per manager and for the department. */
export function ConversionsTable({ stats }: { stats: WorkStatsResult }) {
  const rows = [...stats.rows, stats.department];
  return (
    <Table withTableBorder striped data-testid="conversions-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Менеджер</Table.Th>
          {WORK_CONVERSIONS.map((c) => (
            <Table.Th key={`${c.from}-${c.to}`} ta="right" style={{ fontSize: 12 }}>
              {WORK_METRIC_LABELS[c.from]} → {WORK_METRIC_LABELS[c.to]}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.managerId ?? 'dept'} fw={r.managerId === null ? 700 : undefined}>
            <Table.Td>{r.name}</Table.Td>
            {r.conversions.map((c) => (
              <Table.Td key={`${c.from}-${c.to}`} ta="right">
                {c.percent ?? (
                  <Text span c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
