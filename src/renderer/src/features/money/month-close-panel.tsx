import { Alert, Anchor, Badge, Button, Card, Group, List, Modal, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateNumeric, formatMoneyRub, pluralRu } from '../../../../core/index';
import type { MonthClosePanelDto } from '../../../../shared/api/commercial-report-types';
import type { Envelope } from '../../../../shared/errors';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { C } from './strings';

function at(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${formatDateNumeric(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function Side({ label, by, when, stale, testId }: { label: string; by: string | null; when: string | null; stale: boolean; testId: string }) {
  return (
    <Group justify="space-between" data-testid={testId}>
      <Text size="sm">{label}</Text>
      {when ? (
        <Badge color={stale ? 'yellow' : 'teal'} variant="light" size="lg" style={{ textTransform: 'none' }}>
          {stale ? C.stale : C.confirmedBy(by ?? '', at(when))}
        </Badge>
      ) : (
        <Badge color="gray" variant="light" size="lg" style={{ textTransform: 'none' }}>
          {C.waiting}
        </Badge>
      )}
    </Group>
  );
}

/** Закрытие месяца: the two confirmations, what still blocks them, the director's reopening and the history. */
export function MonthClosePanel({ month }: { month: string }) {
  const { data } = useEntry('monthClose.get', { month });
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [closing, setClosing] = useState(false);
  if (!data) return null;
  const p: MonthClosePanelDto = data;
  const done = async (res: Envelope<MonthClosePanelDto>, message: string) => {
    setBusy(false);
    if (res.error) return showError(res.error);
    showSuccess(res.data.closed && !p.closed ? C.closedNow : message);
  };
  const confirm = async (closeAcknowledged: boolean) => {
    setBusy(true);
    setClosing(false);
    await done(await request('monthClose.confirm', { month, closeAcknowledged }), C.confirmed);
  };
  const name = async (value: string | null) => {
    setBusy(true);
    await done(await request('monthClose.setConfirmer', { month, userId: value === null || value === '' ? null : Number(value) }), C.confirmed);
  };
  const f = p.freezes;
  const reopen = async () => {
    setBusy(true);
    const res = await request('monthClose.reopen', { month, reason });
    setReopening(false);
    setReason('');
    await done(res, C.reopened);
  };
  const cur = p.current;
  const past = p.history.filter((h) => h.reopenedAt !== null);
  return (
    <Card withBorder radius="md" data-testid="month-close">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{C.title}</Title>
          {p.closed && cur?.closedAt && (
            <Badge color="teal" size="lg" style={{ textTransform: 'none' }} data-testid="month-closed">
              {C.closedAt(at(cur.closedAt))}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {C.intro}
        </Text>
        <Side label={C.headOfSales} by={cur?.headOfSalesConfirmedBy ?? null} when={cur?.headOfSalesConfirmedAt ?? null} stale={p.headOfSalesStale && !p.closed} testId="confirm-head" />
        <Text size="sm" data-testid="second-confirmer">
          {C.second(p.secondConfirmer)}
        </Text>
        {p.confirmerChoices.length > 0 && !p.closed && (
          <Select
            w={360}
            label={C.namedLabel}
            data-testid="confirmer-select"
            allowDeselect={false}
            data={[{ value: '', label: C.namedDirector }, ...p.confirmerChoices.map((c) => ({ value: String(c.id), label: c.fullName }))]}
            value={p.confirmerId === null ? '' : String(p.confirmerId)}
            onChange={(v) => void name(v)}
          />
        )}
        <Side label={p.secondIsAccountant ? C.accountant : C.secondSide} by={cur?.accountantConfirmedBy ?? null} when={cur?.accountantConfirmedAt ?? null} stale={p.accountantStale && !p.closed} testId="confirm-accountant" />
        {!p.closed && p.blockers.length > 0 && (
          <Alert color="orange" title={C.blockersTitle} data-testid="close-blockers">
            <List size="sm">
              {p.blockers.map((b) => (
                <List.Item key={b.text}>
                  {b.text}{' '}
                  {b.link !== null && <Anchor href={`#${b.link}`}>{C.fix}</Anchor>}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group>
          {p.canConfirm && (
            <Button loading={busy} onClick={() => (p.closesOnConfirm ? setClosing(true) : void confirm(false))} data-testid="month-confirm">
              {C.confirm}
            </Button>
          )}
          {p.canReopen && (
            <Button variant="light" color="red" onClick={() => setReopening(true)} data-testid="month-reopen">
              {C.reopen}
            </Button>
          )}
        </Group>
        {past.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {C.history}
            </Text>
            {past.map((h) => (
              <Text size="xs" c="dimmed" key={h.id}>
                {C.historyRow(at(h.closedAt), at(h.reopenedAt), h.reopenedBy ?? '', h.reopenReason ?? '')}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
      <Modal opened={closing} onClose={() => setClosing(false)} title={C.closeTitle}>
        <Stack data-testid="close-freezes">
          <Text size="sm">{C.closeText}</Text>
          <List size="sm">
            <List.Item>{C.frozen(`${f.paymentsCount} ${pluralRu(f.paymentsCount, 'поступление', 'поступления', 'поступлений')}`, formatMoneyRub(f.paymentsKopecks))}</List.Item>
            {f.outgoingCount > 0 && <List.Item>{C.frozen(`${f.outgoingCount} ${pluralRu(f.outgoingCount, 'списание', 'списания', 'списаний')}`, formatMoneyRub(f.outgoingKopecks))}</List.Item>}
            <List.Item>{C.frozen(`${f.documentsCount} ${pluralRu(f.documentsCount, 'документ', 'документа', 'документов')}`, formatMoneyRub(f.documentsKopecks))}</List.Item>
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setClosing(false)}>
              Отмена
            </Button>
            <Button color="teal" loading={busy} onClick={() => void confirm(true)} data-testid="month-close-do">
              {C.closeDo}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={reopening} onClose={() => setReopening(false)} title={C.reopenTitle}>
        <Stack>
          <Textarea label={C.reopenReason} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-field="reopen-reason" />
          <Group justify="flex-end">
            <Button color="red" loading={busy} disabled={reason.trim().length < 3} onClick={() => void reopen()}>
              {C.reopenDo}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
