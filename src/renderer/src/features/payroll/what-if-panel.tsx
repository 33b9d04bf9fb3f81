import { Alert, Card, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useEntry } from '../../api/call';
import { money, monthLabel, signedMoney } from './format';
import { Z } from './strings';

function diffColor(kopecks: number | null): string | undefined {
  if (kopecks === null || kopecks === 0) return undefined;
  return kopecks > 0 ? 'var(--mantine-color-red-0)' : 'var(--mantine-color-teal-0)';
}

/** The what-if comparison: per manager per closed month, this order's pay against the order in force; differences highlighted; the holes found. */
export function WhatIfPanel({ orderId }: { orderId: number }) {
  const { data, loading } = useEntry('payroll.orders.whatIf', { id: orderId });
  if (loading) return <Loader />;
  if (!data) return null;
  return (
    <Card withBorder data-testid="what-if">
      <Stack gap="sm">
        <Title order={4}>{Z.whatIf}</Title>
        <Text size="sm" c="dimmed">
          {Z.whatIfHint}
        </Text>
        {data.months.length === 0 ? (
          <Alert color="gray">{Z.whatIfNone}</Alert>
        ) : (
          <Table withTableBorder striped={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{Z.month}</Table.Th>
                <Table.Th>{Z.manager}</Table.Th>
                <Table.Th ta="right">{Z.plan}</Table.Th>
                <Table.Th ta="right">{Z.fact}</Table.Th>
                <Table.Th>{Z.current}</Table.Th>
                <Table.Th>{Z.draft}</Table.Th>
                <Table.Th ta="right">{Z.difference}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.months.map((month) => {
                const rows = data.rows.filter((r) => r.month === month);
                const total = data.totals.find((t) => t.month === month);
                return [
                  ...rows.map((r) => (
                    <Table.Tr key={`${month}/${r.userId}`} style={{ background: diffColor(r.differenceKopecks) }} data-testid="what-if-row">
                      <Table.Td>{monthLabel(month)}</Table.Td>
                      <Table.Td>{r.fullName}</Table.Td>
                      <Table.Td ta="right">{money(r.planKopecks)}</Table.Td>
                      <Table.Td ta="right">{money(r.factKopecks)}</Table.Td>
                      <Table.Td>
                        {r.currentSource === 'none' ? Z.noCurrent : money(r.currentAccruedKopecks)}
                        <Text size="xs" c="dimmed">
                          {r.currentOrderNumber ? `№ ${r.currentOrderNumber}: ` : ''}
                          {r.currentBand}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {money(r.draftAccruedKopecks)}
                        <Text size="xs" c="dimmed">
                          {r.problem ?? r.draftBand}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" fw={600} c={r.differenceKopecks && r.differenceKopecks > 0 ? 'red.8' : r.differenceKopecks ? 'teal.8' : undefined}>
                        {r.differenceKopecks === null ? '—' : signedMoney(r.differenceKopecks)}
                      </Table.Td>
                    </Table.Tr>
                  )),
                  <Table.Tr key={`${month}/total`}>
                    <Table.Td colSpan={4} fw={600}>
                      {Z.totals}: {monthLabel(month)}
                    </Table.Td>
                    <Table.Td fw={600}>{money(total?.currentKopecks)}</Table.Td>
                    <Table.Td fw={600}>{money(total?.draftKopecks)}</Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {total ? signedMoney(total.draftKopecks - total.currentKopecks) : '—'}
                    </Table.Td>
                  </Table.Tr>,
                ];
              })}
            </Table.Tbody>
          </Table>
        )}
        {data.months.length > 0 && (
          <Stack gap={4} data-testid="what-if-holes">
            <Text fw={500}>{Z.holes}</Text>
            {data.holes.length === 0 ? (
              <Text size="sm" c="dimmed">
                {Z.noHoles}
              </Text>
            ) : (
              <List size="sm">
                {data.holes.slice(0, 10).map((h, i) => (
                  <List.Item key={i}>{Z.holeText(h.fullName, money(h.shiftKopecks), monthLabel(h.fromMonth), monthLabel(h.toMonth), money(h.gainKopecks))}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
