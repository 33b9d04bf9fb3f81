import { Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import { MONEY_WRITERS } from '../../../../shared/api/money';
import type { PaymentDto } from '../../../../shared/api/money-types';
import { useEntry } from '../../api/call';
import { navigate } from '../../app/router';
import { ImportWizard } from './import-wizard';
import { PaymentCard } from './payment-card';
import { PaymentForm } from './payment-form';
import { PaymentsList } from './payments-list';
import { P } from './strings';

/** Платежи: every payment with filters, the unmatched queue, the statement import; the accountant and the director write. */
export function PaymentsPage({ user, rest }: { user: SessionUser; rest: string[] }) {
  const canWrite = MONEY_WRITERS.includes(user.role);
  const tab = rest[0] === 'unmatched' || (rest[0] === 'import' && canWrite) ? rest[0] : 'list';
  const [open, setOpen] = useState<PaymentDto | null>(null);
  const [adding, setAdding] = useState(false);
  const queue = useEntry('payments.list', { state: 'unmatched', limit: 1 });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{P.title}</Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => navigate('/reports/commercial')}>
            {P.toReport}
          </Button>
          {canWrite && (
            <Button onClick={() => setAdding(true)} data-testid="payment-add">
              {P.add}
            </Button>
          )}
        </Group>
      </Group>
      <Tabs value={tab} onChange={(v) => navigate(v === 'list' || v === null ? '/payments' : `/payments/${v}`)}>
        <Tabs.List>
          <Tabs.Tab value="list">{P.tabList}</Tabs.Tab>
          <Tabs.Tab value="unmatched" rightSection={(queue.data?.total ?? 0) > 0 ? <Badge color="orange" size="sm">{queue.data?.total}</Badge> : null}>
            {P.tabQueue}
          </Tabs.Tab>
          {canWrite && <Tabs.Tab value="import">{P.tabImport}</Tabs.Tab>}
        </Tabs.List>
      </Tabs>
      {tab === 'list' && <PaymentsList fixed={{}} onOpen={setOpen} />}
      {tab === 'unmatched' && (
        <>
          <Text size="sm" c="dimmed">
            {P.queueIntro}
          </Text>
          <PaymentsList fixed={{ state: 'unmatched' }} onOpen={setOpen} />
        </>
      )}
      {tab === 'import' && (
        <ImportWizard
          onDone={(to) => {
            navigate(to === 'queue' ? '/payments/unmatched' : '/payments');
          }}
        />
      )}
      <PaymentCard payment={open} canWrite={canWrite} onClose={() => setOpen(null)} onChanged={setOpen} />
      <PaymentForm
        opened={adding}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
        }}
      />
    </Stack>
  );
}
