import { Alert, Stack, Tabs, Title } from '@mantine/core';
import type { SessionUser } from '../../../../shared/api/auth';
import { PAYROLL_VIEWERS } from '../../../../shared/api/payroll';
import { navigate } from '../../app/router';
import { OrderPage } from './order-page';
import { OrdersList } from './orders-list';
import { StatementsPage } from './statements-page';
import { Z } from './strings';

/** Зарплата: /payroll/orders[/<id>|/new] and /payroll/statements[/<YYYY-MM>]. */
export function PayrollPage({ user, rest }: { user: SessionUser; rest: string[] }) {
  if (!PAYROLL_VIEWERS.includes(user.role)) {
    return (
      <Stack>
        <Title order={2}>{Z.title}</Title>
        <Alert color="gray">Для вашей роли здесь ничего нет.</Alert>
      </Stack>
    );
  }
  const tab = rest[0] === 'statements' || (rest[0] === undefined && user.role === 'manager') ? 'statements' : 'orders';
  const orderId = tab === 'orders' && rest[1] !== undefined ? (rest[1] === 'new' ? null : Number(rest[1])) : undefined;
  return (
    <Stack>
      <Title order={2}>{Z.title}</Title>
      <Tabs value={tab} onChange={(v) => navigate(`/payroll/${v ?? 'orders'}`)}>
        <Tabs.List>
          <Tabs.Tab value="orders">{Z.tabOrders}</Tabs.Tab>
          <Tabs.Tab value="statements">{Z.tabStatements}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'statements' ? (
        <StatementsPage user={user} month={rest[1]} />
      ) : orderId === undefined ? (
        <OrdersList user={user} />
      ) : (
        <OrderPage key={String(orderId)} user={user} id={orderId !== null && Number.isInteger(orderId) ? orderId : null} />
      )}
    </Stack>
  );
}
