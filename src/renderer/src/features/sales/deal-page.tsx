import { Alert, Badge, Button, Card, Group, Menu, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { allowedStages, checkReopen, checkWin, DEAL_OUTCOME_LABELS, DEAL_STAGE_LABELS, DEAL_STAGES, formatMoneyRub, formatQuantity, stageIndex } from '../../../../core/index';
import type { SessionUser } from '../../../../shared/api/auth';
import { request, showError, useEntry } from '../../api/call';
import { navigate } from '../../app/router';
import { DealPayments } from '../money/deal-payments';
import { DealDocuments } from '../documents/deal-documents';
import { ActivityList } from './activity-list';
import { CallForm } from './call-form';
import { formatAt, formatMonth, nowLocal } from './dates';
import { DealForm } from './deal-form';
import { PresenceNote } from './presence-note';
import { LoseDialog } from './lose-dialog';
import { S } from './strings';

function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{title}</Text>
        {action}
      </Group>
      {children}
    </Card>
  );
}

/** A deal's page: client and people, stage and actions, lines, activities, documents, payments, history. */
export function DealPage({ user, id }: { user: SessionUser; id: number }) {
  const { data: deal, loading } = useEntry('deals.get', { id });
  const activities = useEntry('activities.list', { dealId: id, limit: 200 });
  const [dialog, setDialog] = useState<'edit' | 'lose' | 'call' | null>(null);
  if (!deal) return loading ? null : <Alert color="yellow">{S.dealNotFound}</Alert>;
  const canEdit = user.role === 'director' || user.role === 'head_of_sales' || (user.role === 'manager' && deal.managerId === user.id);
  const refresh = () => {
  };
  const act = async (name: 'deals.win' | 'deals.reopen') => {
    const res = await request(name, { id: deal.id });
    if (res.error) return showError(res.error);
    refresh();
  };
  const move = async (stage: (typeof DEAL_STAGES)[number]) => {
    const res = await request('deals.move', { id: deal.id, stage });
    if (res.error) return showError(res.error);
    refresh();
  };
  const close = (changed: boolean | number | null) => {
    setDialog(null);
    if (changed) refresh();
  };
  return (
    <Stack>
      <Button variant="subtle" w="fit-content" px={0} onClick={() => navigate('/deals')}>
        {S.backToDeals}
      </Button>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2}>{deal.title}</Title>
          <PresenceNote record="deal" id={deal.id} />
          <Text c="dimmed">
            {deal.clientName} · {formatMoneyRub(deal.amountKopecks)} · {deal.probability}% · {formatMonth(deal.closeMonth)}
            {deal.source ? ` · ${deal.source}` : ''}
          </Text>
          <Group gap={6}>
            <Badge variant="light">{DEAL_STAGE_LABELS[deal.stage]}</Badge>
            <Badge variant="light" color={deal.outcome === 'won' ? 'teal' : deal.outcome === 'lost' ? 'gray' : 'indigo'}>
              {DEAL_OUTCOME_LABELS[deal.outcome]}
              {deal.lossReason ? `: ${deal.lossReason}` : ''}
            </Badge>
          </Group>
        </Stack>
        {canEdit && (
          <Group gap="xs">
            <Button variant="light" onClick={() => setDialog('call')}>
              {S.logCall}
            </Button>
            <Menu>
              <Menu.Target>
                <Button variant="default">{S.moveTo}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                {allowedStages(deal).map((s) => (
                  <Menu.Item key={s} onClick={() => void move(s)}>
                    {DEAL_STAGE_LABELS[s]}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            {checkWin(deal).ok && (
              <Button color="teal" onClick={() => void act('deals.win')}>
                {S.markWon}
              </Button>
            )}
            {deal.outcome === 'open' && (
              <Button color="red" variant="light" onClick={() => setDialog('lose')}>
                {S.markLost}
              </Button>
            )}
            {checkReopen(deal).ok && (
              <Button variant="default" onClick={() => void act('deals.reopen')}>
                {S.reopen}
              </Button>
            )}
            <Button variant="default" onClick={() => setDialog('edit')}>
              {S.editDeal}
            </Button>
          </Group>
        )}
      </Group>
      <Stepper active={stageIndex(deal.stage)} size="xs" iconSize={24} allowNextStepsSelect={false}>
        {DEAL_STAGES.map((s) => (
          <Stepper.Step key={s} label={DEAL_STAGE_LABELS[s]} />
        ))}
      </Stepper>
      <Group align="flex-start" grow>
        <Section title={S.people}>
          <Text size="sm">
            {S.client}: <b>{deal.clientName}</b>
          </Text>
          <Text size="sm">
            {S.keyPerson}: {deal.contactName ?? '—'}
          </Text>
          <Text size="sm">
            {S.manager}: {deal.managerName}
          </Text>
        </Section>
        <Section title={S.lines}>
          {deal.lines.length === 0 ? (
            <Text size="sm">
              {S.expected}: {formatMoneyRub(deal.amountKopecks)}
            </Text>
          ) : (
            <Table withRowBorders={false}>
              <Table.Tbody>
                {deal.lines.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>{l.name}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatQuantity(l.quantityMilli)} {l.unit} × {formatMoneyRub(l.priceKopecks)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatMoneyRub(l.amountKopecks)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Section>
      </Group>
      <Section title={S.activities}>
        <ActivityList items={activities.data ?? []} empty={S.noActivities} />
      </Section>
      <Group align="flex-start" grow>
        <Section title={S.documents}>
          <DealDocuments deal={deal} canEdit={canEdit} />
        </Section>
        <Section title={S.payments}>
          <DealPayments dealId={deal.id} />
        </Section>
      </Group>
      <Section title={S.history}>
        <Stack gap={4}>
          {deal.history.map((h) => (
            <Text key={h.id} size="sm">
              {formatAt(nowLocal(new Date(h.at)))} · {h.userName ?? 'Система'}: {h.fromStage ? `${DEAL_STAGE_LABELS[h.fromStage]} → ` : ''}
              {DEAL_STAGE_LABELS[h.toStage]}
              {h.fromOutcome !== null && h.fromOutcome !== h.toOutcome ? ` (${DEAL_OUTCOME_LABELS[h.toOutcome]})` : ''}
              {h.note ? ` — ${h.note}` : ''}
            </Text>
          ))}
        </Stack>
      </Section>
      {dialog === 'edit' && <DealForm user={user} deal={deal} onClose={close} />}
      {dialog === 'lose' && <LoseDialog dealId={deal.id} onClose={close} />}
      {dialog === 'call' && <CallForm user={user} preset={{ clientId: deal.clientId, contactId: deal.contactId, dealId: deal.id, managerId: deal.managerId }} onClose={close} />}
    </Stack>
  );
}
