import { BarChart } from '@mantine/charts';
import { Anchor, Card, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import type { BigDealDto, ForecastMonthDto } from '../../../../shared/api/forecast-types';
import { useEntry } from '../../api/call';
import { periodLabel, roubles, rub, shortMonth } from './format';
import { P } from './strings';

/** Forecast against plan by month as a bar chart (weighted forecast, full amounts, plan). */
export function ForecastChart({ months }: { months: readonly Pick<ForecastMonthDto, 'month' | 'weightedKopecks' | 'planKopecks'>[] }) {
  const data = months.map((m) => ({ month: shortMonth(m.month), [P.weighted]: roubles(m.weightedKopecks), [P.plan]: roubles(m.planKopecks) ?? 0 }));
  return (
    <BarChart
      h={220}
      data={data}
      dataKey="month"
      series={[
        { name: P.weighted, color: 'indigo.6' },
        { name: P.plan, color: 'gray.4' },
      ]}
      withLegend
      valueFormatter={(v) => rub(v * 100)}
      yAxisProps={{ width: 90, tickFormatter: (v: number) => `${Math.round(v / 1000).toLocaleString('ru-RU')} тыс.` }}
    />
  );
}

/** The big deals of the forecast, by name; compact on the home page (client and manager under the deal). */
export function BigDealsTable({ deals, compact = false }: { deals: BigDealDto[]; compact?: boolean }) {
  if (deals.length === 0) return <Text size="sm" c="dimmed">{P.noDeals}</Text>;
  return (
    <Table striped data-testid="big-deals">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{P.deal}</Table.Th>
          {!compact && <Table.Th>{P.client}</Table.Th>}
          {!compact && <Table.Th>{P.manager}</Table.Th>}
          <Table.Th>{P.month}</Table.Th>
          <Table.Th ta="right">{P.amount}</Table.Th>
          <Table.Th ta="right">%</Table.Th>
          <Table.Th ta="right">{compact ? P.weightedShort : P.weighted}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {deals.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>
              <Anchor size="sm" href={`#/deals/${d.id}`}>
                {d.title}
              </Anchor>
              {compact && (
                <Text size="xs" c="dimmed">
                  {d.clientName} · {d.managerName}
                </Text>
              )}
            </Table.Td>
            {!compact && <Table.Td>{d.clientName}</Table.Td>}
            {!compact && <Table.Td>{d.managerName}</Table.Td>}
            <Table.Td>{compact ? shortMonth(d.month) : periodLabel(d.month)}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {rub(d.amountKopecks)}
            </Table.Td>
            <Table.Td ta="right">{d.probability}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {rub(d.weightedKopecks)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Прогноз: each manager's open deals by expected month × probability, rolled up, against plan, with the big deals. */
export function ForecastView({ user }: { user: SessionUser }) {
  const [months, setMonths] = useState('6');
  const [managerId, setManagerId] = useState<string | null>(null);
  const people = useEntry('sales.people', {});
  const query = { months: Number(months), managerId: managerId ? Number(managerId) : undefined };
  const { data } = useEntry('forecast.get', query);
  return (
    <Stack>
      <Group align="flex-end">
        <Select label={P.months} data={['3', '6', '9', '12']} value={months} onChange={(v) => setMonths(v ?? months)} allowDeselect={false} w={110} />
        {user.role !== 'manager' && (
          <Select
            label={P.manager}
            placeholder={P.department}
            clearable
            data={(people.data ?? []).filter((p) => p.role === 'manager').map((p) => ({ value: String(p.id), label: p.fullName }))}
            value={managerId}
            onChange={setManagerId}
            w={240}
          />
        )}
        {data?.lastSnapshot && (
          <Text size="sm" c="dimmed">
            {P.lastSnapshot}: {new Date(data.lastSnapshot.takenAt).toLocaleString('ru-RU')}
          </Text>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {P.forecastHint}
      </Text>
      {data && (
        <>
          <Table withTableBorder striped data-testid="forecast-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                {data.months.map((m) => (
                  <Table.Th key={m} ta="right">
                    {periodLabel(m)}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{P.total}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.managers.map((m) => (
                <Table.Tr key={m.managerId}>
                  <Table.Td>{m.managerName}</Table.Td>
                  {m.months.map((c) => (
                    <Table.Td key={c.month} ta="right">
                      {rub(c.weightedKopecks)}
                      {c.planKopecks !== null && (
                        <Text size="xs" c="dimmed">
                          {P.plan} {rub(c.planKopecks)}
                        </Text>
                      )}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{rub(m.weightedKopecks)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={600}>
                <Table.Td>{P.total}</Table.Td>
                {data.total.map((c) => (
                  <Table.Td key={c.month} ta="right">
                    {rub(c.weightedKopecks)}
                    <Text size="xs" c="dimmed">
                      {P.plan} {rub(c.planKopecks)}
                    </Text>
                  </Table.Td>
                ))}
                <Table.Td ta="right">{rub(data.total.reduce((s, c) => s + c.weightedKopecks, 0))}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Card withBorder radius="md">
            <Text fw={600} mb="xs">
              {P.forecastVsPlan}
            </Text>
            <ForecastChart months={data.total} />
          </Card>
          <Card withBorder radius="md">
            <Text fw={600} mb="xs">
              {P.bigDeals}
            </Text>
            <BigDealsTable deals={data.bigDeals} />
          </Card>
        </>
      )}
    </Stack>
  );
}
