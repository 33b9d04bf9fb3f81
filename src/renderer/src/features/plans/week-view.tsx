import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { FORECAST_CHANGE_KINDS } from '../../../../core/index';
import type { SessionUser } from '../../../../shared/api/auth';
import type { ForecastChangeDto, SnapshotDto } from '../../../../shared/api/forecast-types';
import { SALES_HEADS } from '../../../../shared/api/sales';
import { call, showSuccess, useEntry } from '../../api/call';
import { periodLabel, rub, signedRub } from './format';
import { CHANGE_LABELS, P } from './strings';

const CHANGE_COLORS: Record<ForecastChangeDto['kind'], string> = {
  appeared: 'teal', moved: 'blue', probability: 'indigo', amount: 'grape', manager: 'cyan', won: 'green', lost: 'red', reopened: 'yellow', disappeared: 'gray',
};

function snapshotLabel(s: SnapshotDto): string {
  return `${new Date(s.takenAt).toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'short' })} · нед. ${Number(s.week.slice(6))} · ${s.kind === 'auto' ? P.auto : P.manual}`;
}

function value(c: ForecastChangeDto, v: string | number | null): string {
  if (v === null) return '—';
  if (c.kind === 'moved' || (c.kind === 'appeared' && typeof v === 'string' && /^\d{4}-\d{2}$/.test(v))) return periodLabel(String(v));
  if (c.kind === 'probability') return `${v}\u00a0%`;
  if (c.kind === 'amount' && typeof v === 'number') return rub(v);
  if (v === 'open') return 'в работе';
  if (v === 'won') return 'выиграна';
  if (v === 'lost') return 'проиграна';
  return String(v);
}

/** Неделя к неделе: two pictures of the pipeline compared by month against plan, per manager and deal by deal. */
export function WeekView({ user }: { user: SessionUser }) {
  const [fromId, setFromId] = useState<string | null>(null);
  const [toId, setToId] = useState<string>('now');
  const snapshots = useEntry('forecast.snapshots', {});
  const query = { fromId: fromId ? Number(fromId) : undefined, toId: toId === 'now' ? undefined : Number(toId), months: 6 };
  const { data } = useEntry('forecast.week', query);
  const take = async () => {
    if (await call('forecast.takeSnapshot', {})) {
      showSuccess(P.snapshotTaken);
    }
  };
  const options = (snapshots.data ?? []).map((s) => ({ value: String(s.id), label: snapshotLabel(s) }));
  return (
    <Stack>
      <Group align="flex-end">
        <Select label={P.compareFrom} data={options} value={fromId ?? (data ? String(data.from.id) : null)} onChange={setFromId} allowDeselect={false} w={300} data-testid="week-from" />
        <Select label={P.compareTo} data={[{ value: 'now', label: P.now }, ...options]} value={toId} onChange={(v) => setToId(v ?? 'now')} allowDeselect={false} w={300} />
        {SALES_HEADS.includes(user.role) && (
          <Button variant="light" onClick={() => void take()} data-testid="take-snapshot">
            {P.takeSnapshot}
          </Button>
        )}
      </Group>
      {snapshots.data && snapshots.data.length === 0 && <Alert color="gray">{P.noSnapshots}</Alert>}
      {data && (
        <>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Card withBorder radius="md">
              <Text fw={600} mb="xs">
                {P.byMonth}
              </Text>
              <Table data-testid="week-months">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{P.month}</Table.Th>
                    <Table.Th ta="right">{P.plan}</Table.Th>
                    <Table.Th ta="right">{P.before}</Table.Th>
                    <Table.Th ta="right">{P.after}</Table.Th>
                    <Table.Th ta="right">{P.change}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.months.map((m) => (
                    <Table.Tr key={m.month}>
                      <Table.Td>{periodLabel(m.month)}</Table.Td>
                      <Table.Td ta="right">{rub(m.planKopecks)}</Table.Td>
                      <Table.Td ta="right">{rub(m.beforeKopecks)}</Table.Td>
                      <Table.Td ta="right">{rub(m.afterKopecks)}</Table.Td>
                      <Table.Td ta="right" c={m.afterKopecks < m.beforeKopecks ? 'red' : m.afterKopecks > m.beforeKopecks ? 'teal' : undefined}>
                        {signedRub(m.afterKopecks - m.beforeKopecks)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            <Card withBorder radius="md">
              <Text fw={600} mb="xs">
                {P.byManager}
              </Text>
              <Table data-testid="week-managers">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{P.manager}</Table.Th>
                    <Table.Th ta="right">{P.before}</Table.Th>
                    <Table.Th ta="right">{P.after}</Table.Th>
                    <Table.Th>{P.changes}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.managers.map((m) => (
                    <Table.Tr key={m.managerId}>
                      <Table.Td>{m.managerName}</Table.Td>
                      <Table.Td ta="right">{rub(m.beforeKopecks)}</Table.Td>
                      <Table.Td ta="right">{rub(m.afterKopecks)}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {FORECAST_CHANGE_KINDS.filter((k) => m.changes[k] > 0).map((k) => (
                            <Badge key={k} size="xs" variant="light" color={CHANGE_COLORS[k]}>
                              {CHANGE_LABELS[k]}: {m.changes[k]}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr fw={600}>
                    <Table.Td>{P.total}</Table.Td>
                    <Table.Td ta="right">{rub(data.total.beforeKopecks)}</Table.Td>
                    <Table.Td ta="right">{rub(data.total.afterKopecks)}</Table.Td>
                    <Table.Td>{signedRub(data.total.afterKopecks - data.total.beforeKopecks)}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Card>
          </SimpleGrid>
          <Card withBorder radius="md">
            <Text fw={600} mb="xs">
              {P.changes}
            </Text>
            {data.changes.length === 0 ? (
              <Text size="sm" c="dimmed">
                {P.noChanges}
              </Text>
            ) : (
              <Table striped data-testid="week-changes">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{P.change}</Table.Th>
                    <Table.Th>{P.deal}</Table.Th>
                    <Table.Th>{P.client}</Table.Th>
                    <Table.Th>{P.manager}</Table.Th>
                    <Table.Th>{P.from}</Table.Th>
                    <Table.Th>{P.to}</Table.Th>
                    <Table.Th ta="right">{P.effect}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.changes.map((c) => (
                    <Table.Tr key={`${c.kind}-${c.dealId}`}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Badge variant="light" color={CHANGE_COLORS[c.kind]} styles={{ root: { flexShrink: 0 }, label: { overflow: 'visible' } }}>
                          {CHANGE_LABELS[c.kind]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{c.title}</Table.Td>
                      <Table.Td>{c.clientName}</Table.Td>
                      <Table.Td>{c.managerName}</Table.Td>
                      <Table.Td>{value(c, c.from)}</Table.Td>
                      <Table.Td>{value(c, c.to)}</Table.Td>
                      <Table.Td ta="right">{signedRub(c.weightedDeltaKopecks)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}
