import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DashboardActivity, DashboardStatsRow, DashboardView, DashboardYearMonth } from '../../../../shared/api/dashboard-types';
import { ACTIVITY_KIND_LABELS, ACTIVITY_KIND_VALUES } from '../../../../shared/api/sales-activities';
import { roubles, rub, shortMonth } from './format';
import { H, P, Q } from './strings';
import { VipScheduleTable } from './vip-view';

/** A titled card of the home page, optionally with a link to the full view. */
export function DashCard({ title, link, children, testId }: { title: string; link?: string; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder radius="md" data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{title}</Text>
        {link && (
          <Anchor size="sm" href={`#${link}`}>
            {H.open}
          </Anchor>
        )}
      </Group>
      {children}
    </Card>
  );
}

/** The year month by month: plan, fact and last year as bars. */
export function YearChart({ months }: { months: DashboardYearMonth[] }) {
  const data = months.map((m) => ({ month: shortMonth(m.month), [P.plan]: roubles(m.planKopecks) ?? 0, [P.fact]: roubles(m.factKopecks) ?? 0, [P.lastYear]: roubles(m.lastYearKopecks) ?? 0 }));
  return (
    <BarChart
      h={240}
      data={data}
      dataKey="month"
      series={[
        { name: P.plan, color: 'gray.4' },
        { name: P.fact, color: 'indigo.6' },
        { name: P.lastYear, color: 'orange.4' },
      ]}
      withLegend
      valueFormatter={(v) => rub(v * 100)}
      yAxisProps={{ width: 90, tickFormatter: (v: number) => `${Math.round(v / 1000).toLocaleString('ru-RU')} тыс.` }}
    />
  );
}

function kindLabel(kind: string): string {
  const known = ACTIVITY_KIND_VALUES.find((k) => k === kind);
  return known ? ACTIVITY_KIND_LABELS[known] : kind;
}

/** Today's planned calls and meetings. */
export function TodayList({ items }: { items: DashboardActivity[] }) {
  if (items.length === 0) return <Text size="sm" c="dimmed">{H.noToday}</Text>;
  return (
    <Stack gap={6} data-testid="today-list">
      {items.map((a) => (
        <Group key={a.id} gap="sm" wrap="nowrap">
          <Text size="sm" fw={600} w={48}>
            {a.at.slice(11, 16)}
          </Text>
          <Badge size="sm" variant="light">
            {kindLabel(a.kind)}
          </Badge>
          <Anchor size="sm" href={`#/clients/${a.clientId}`}>
            {a.clientName}
          </Anchor>
          <Text size="sm" c="dimmed" truncate>
            {a.subject}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** This month's work counters per manager. */
export function StatsTable({ rows }: { rows: DashboardStatsRow[] }) {
  const total = rows.reduce(
    (s, r) => ({ calls: s.calls + r.calls, contacts: s.contacts + r.contacts, meetingsSet: s.meetingsSet + r.meetingsSet, meetingsHeld: s.meetingsHeld + r.meetingsHeld, proposals: s.proposals + r.proposals }),
    { calls: 0, contacts: 0, meetingsSet: 0, meetingsHeld: 0, proposals: 0 },
  );
  return (
    <Table striped data-testid="dashboard-stats">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{P.manager}</Table.Th>
          <Table.Th ta="right">{H.calls}</Table.Th>
          <Table.Th ta="right">{H.contacts}</Table.Th>
          <Table.Th ta="right">{H.meetingsSet}</Table.Th>
          <Table.Th ta="right">{H.meetingsHeld}</Table.Th>
          <Table.Th ta="right">{H.proposals}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...rows, { managerId: 0, managerName: P.total, ...total }].map((r) => (
          <Table.Tr key={r.managerId} fw={r.managerId === 0 ? 600 : undefined}>
            <Table.Td>{r.managerName}</Table.Td>
            <Table.Td ta="right">{r.calls}</Table.Td>
            <Table.Td ta="right">{r.contacts}</Table.Td>
            <Table.Td ta="right">{r.meetingsSet}</Table.Td>
            <Table.Td ta="right">{r.meetingsHeld}</Table.Td>
            <Table.Td ta="right">{r.proposals}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Overdue VIP visits: counts and the first few. */
export function VipCard({ vip }: { vip: NonNullable<DashboardView['vip']> }) {
  return (
    <DashCard title={H.vipOverdue} link="/plans/vip" testId="dashboard-vip">
      <Group gap="xs" mb="xs">
        <Badge color="red" variant="light">
          {Q.overdueCount}: {vip.overdue}
        </Badge>
        <Badge color="orange" variant="light">
          {Q.dueCount}: {vip.due}
        </Badge>
      </Group>
      {vip.rows.length === 0 ? <Text size="sm" c="dimmed">{H.vipNone}</Text> : <VipScheduleTable rows={vip.rows} canVisit={() => false} compact />}
    </DashCard>
  );
}
