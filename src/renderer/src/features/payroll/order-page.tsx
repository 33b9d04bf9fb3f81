import { Alert, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import { PAYROLL_CALCULATORS, PAYROLL_EDITORS } from '../../../../shared/api/payroll';
import type { PayrollFileDto, PayrollOrderDto, PayrollPerson } from '../../../../shared/api/payroll-types';
import { call, showError, showSuccess } from '../../api/call';
import { navigate } from '../../app/router';
import { day } from './format';
import { formToInput, newOrderForm, orderToForm, type OrderForm } from './order-form';
import { OrderEditor } from './order-editor';
import { PdfPreview } from './pdf-preview';
import { ORDER_STATUS, Z } from './strings';
import { WhatIfPanel } from './what-if-panel';

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** One order: the editor while it is a draft, the approval buttons, acknowledgement, PDF and what-if. */
export function OrderPage({ user, id }: { user: SessionUser; id: number | null }) {
  const [order, setOrder] = useState<PayrollOrderDto | null>(null);
  const [form, setForm] = useState<OrderForm | null>(id === null ? newOrderForm(todayIso()) : null);
  const [people, setPeople] = useState<PayrollPerson[]>([]);
  const [pdf, setPdf] = useState<PayrollFileDto | null>(null);
  const [whatIf, setWhatIf] = useState(false);
  const isEditor = PAYROLL_EDITORS.includes(user.role);

  const shown = (o: PayrollOrderDto) => {
    setOrder(o);
    setForm(orderToForm(o));
    setPdf(null);
  };
  useEffect(() => {
    if (isEditor) void call('payroll.people', {}).then((p) => setPeople(p ?? []));
    if (id !== null) void call('payroll.orders.get', { id }).then((o) => o && shown(o));
  }, [id, isEditor]);

  if (!form) return <Loader />;
  const readOnly = id !== null && !order?.canEdit;
  const pickable: PayrollPerson[] = people.length > 0 ? people : (order?.people ?? []).map((p) => ({ id: p.userId, fullName: p.fullName, position: p.position, role: p.role, active: true }));

  const save = async (quiet = false) => {
    let input;
    try {
      input = formToInput(form);
    } catch (e) {
      return showError({ code: 'VALIDATION', message: (e as Error).message });
    }
    const saved = await call('payroll.orders.save', { id: order?.id, version: order?.version, order: input });
    if (!saved) return null;
    if (!quiet) showSuccess(Z.saved);
    if (id === null) navigate(`/payroll/orders/${saved.id}`);
    else shown(saved);
    return saved;
  };
  const act = async (name: 'payroll.orders.send' | 'payroll.orders.approve' | 'payroll.orders.return' | 'payroll.orders.acknowledge', message: string) => {
    if (!order) return;
    if (name === 'payroll.orders.send' && !(await save(true))) return;
    const o = await call(name, { id: order.id });
    if (o) {
      showSuccess(message);
      shown(o);
    }
  };
  const remove = async () => {
    if (order && (await call('payroll.orders.remove', { id: order.id }))) {
      showSuccess(Z.removed);
      navigate('/payroll/orders');
    }
  };
  const showPdf = async () => {
    if (order) setPdf(await call('payroll.orders.pdf', { id: order.id }));
  };
  const me = order?.people.find((p) => p.userId === user.id);

  return (
    <Stack data-testid="order-page">
      <Group justify="space-between">
        <Button variant="subtle" onClick={() => navigate('/payroll/orders')}>
          {Z.back}
        </Button>
        {order && (
          <Badge size="lg" color={ORDER_STATUS[order.status].color} data-testid="order-status">
            {ORDER_STATUS[order.status].label}
          </Badge>
        )}
      </Group>
      <Title order={3}>{order ? (order.number ? `Приказ № ${order.number} от ${day(order.orderDate)}` : `Проект приказа: ${order.title}`) : Z.newOrder}</Title>
      {order && (order.status === 'approved' || order.status === 'superseded') && (
        <Alert color="teal" data-testid="order-frozen">
          {Z.frozen} {order.approvedByName && order.approvedAt ? Z.approvedBy(order.approvedByName, day(order.approvedAt)) : ''}
          {order.supersededByNumber ? ` — ${Z.supersededBy(order.supersededByNumber)}` : ''}
        </Alert>
      )}
      <Group gap="xs">
        {(id === null || order?.canEdit) && (
          <>
            <Button onClick={() => void save()}>{Z.save}</Button>
            {order && (
              <Button variant="light" onClick={() => void act('payroll.orders.send', Z.sent)}>
                {Z.send}
              </Button>
            )}
            {order && (
              <Button variant="subtle" color="red" onClick={() => void remove()}>
                {Z.remove}
              </Button>
            )}
          </>
        )}
        {order?.canApprove && (
          <>
            <Button color="teal" onClick={() => void act('payroll.orders.approve', Z.approved)}>
              {Z.approve}
            </Button>
            <Button variant="subtle" onClick={() => void act('payroll.orders.return', Z.returnDraft)}>
              {Z.returnDraft}
            </Button>
          </>
        )}
        {me && me.acknowledgedAt === null && order && (order.status === 'approved' || order.status === 'superseded') && (
          <Button variant="light" color="teal" onClick={() => void act('payroll.orders.acknowledge', Z.acknowledged)}>
            {Z.acknowledge}
          </Button>
        )}
        {order && (
          <Button variant="default" onClick={() => void showPdf()}>
            {Z.pdf}
          </Button>
        )}
        {order && PAYROLL_CALCULATORS.includes(user.role) && (
          <Button variant="default" onClick={() => setWhatIf((v) => !v)}>
            {Z.whatIf}
          </Button>
        )}
      </Group>
      {pdf && <PdfPreview file={pdf} testId="order-pdf" onClose={() => setPdf(null)} />}
      {whatIf && order && <WhatIfPanel orderId={order.id} />}
      {order && order.status !== 'draft' && order.people.length > 0 && (
        <Card withBorder>
          <Text fw={500} mb="xs">
            {Z.peopleTitle}
          </Text>
          <Table>
            <Table.Tbody>
              {order.people.map((p) => (
                <Table.Tr key={p.userId}>
                  <Table.Td>{p.fullName}</Table.Td>
                  <Table.Td c={p.acknowledgedAt ? 'teal' : 'dimmed'}>{p.acknowledgedAt ? Z.ackYes(day(p.acknowledgedAt)) : Z.ackNo}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <OrderEditor value={form} onChange={setForm} people={pickable} readOnly={readOnly} />
    </Stack>
  );
}
