import { Anchor, Alert, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import type { SessionUser } from '../../../../shared/api/auth';
import { PAYROLL_EDITORS } from '../../../../shared/api/payroll';
import { useEntry } from '../../api/call';
import { navigate } from '../../app/router';
import { day } from './format';
import { ORDER_STATUS, Z } from './strings';

/** Приказы по оплате труда: every order the caller may see, newest start first. */
export function OrdersList({ user }: { user: SessionUser }) {
  const { data, loading } = useEntry('payroll.orders.list', {});
  if (loading && !data) return <Loader />;
  const orders = data ?? [];
  return (
    <Stack>
      {PAYROLL_EDITORS.includes(user.role) && (
        <Group>
          <Button onClick={() => navigate('/payroll/orders/new')}>{Z.newOrder}</Button>
        </Group>
      )}
      {orders.length === 0 ? (
        <Alert color="gray">{Z.noOrders}</Alert>
      ) : (
        <Table highlightOnHover withTableBorder data-testid="orders-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{Z.number}</Table.Th>
              <Table.Th>{Z.date}</Table.Th>
              <Table.Th>{Z.orderTitle}</Table.Th>
              <Table.Th>{Z.validity}</Table.Th>
              <Table.Th>{Z.coverage}</Table.Th>
              <Table.Th>{Z.status}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {orders.map((o) => (
              <Table.Tr key={o.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/payroll/orders/${o.id}`)}>
                <Table.Td>{o.number || '—'}</Table.Td>
                <Table.Td>{day(o.orderDate)}</Table.Td>
                <Table.Td>
                  <Anchor href={`#/payroll/orders/${o.id}`} size="sm" onClick={(e) => e.stopPropagation()}>
                    {o.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {day(o.validFrom)} — {o.effectiveTo ? day(o.effectiveTo) : 'до замены'}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{o.coverage}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={ORDER_STATUS[o.status].color}>{ORDER_STATUS[o.status].label}</Badge>
                  {o.supersededByNumber && (
                    <Text size="xs" c="dimmed">
                      {Z.supersededBy(o.supersededByNumber)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
