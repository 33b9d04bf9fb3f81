import { Alert, Badge, Button, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { formatDateNumeric, formatMoneyRub } from '../../../../core/index';
import type { PaymentDto } from '../../../../shared/api/money-types';
import { request, showError, showSuccess } from '../../api/call';
import { MatchDialog, type MatchSubject } from './match-dialog';
import { KIND_LABELS, M, P, RULE_LABELS } from './strings';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td c="dimmed" w={190}>
        {label}
      </Table.Td>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** Opens the matching dialog for a stored incoming payment. */
export function subjectOf(p: PaymentDto): MatchSubject {
  return {
    amountKopecks: p.amountKopecks,
    payerInn: p.payerInn,
    payerName: p.payerName,
    purpose: p.purpose,
    clientId: p.clientId,
    current: p.allocations.map((a) => ({ documentId: a.documentId, amountKopecks: a.amountKopecks })),
  };
}

/** A payment's card: who, when, how much, VAT, the invoices; the accountant matches it, changes its kind or deletes it. */
export function PaymentCard({ payment, canWrite, onClose, onChanged }: { payment: PaymentDto | null; canWrite: boolean; onClose: () => void; onChanged: (p: PaymentDto | null) => void }) {
  const [matching, setMatching] = useState<MatchSubject | null>(null);
  const [busy, setBusy] = useState(false);
  if (!payment) return null;
  const p = payment;
  const editable = canWrite && !p.monthClosed;
  const setKind = async (kind: PaymentDto['kind']) => {
    setBusy(true);
    const res = await request('payments.setKind', { id: p.id, kind, comment: p.comment });
    setBusy(false);
    if (res.error) return showError(res.error);
    showSuccess(P.kindChanged);
    onChanged(res.data);
  };
  const remove = async () => {
    if (!window.confirm(P.removeConfirm)) return;
    const res = await request('payments.delete', { id: p.id });
    if (res.error) return showError(res.error);
    showSuccess(P.removed);
    onChanged(null);
  };
  const match = async (allocations: { documentId: number; amountKopecks: number }[], clientId: number | null) => {
    const res = await request('payments.match', { id: p.id, clientId, allocations });
    if (res.error) return showError(res.error);
    showSuccess(M.done);
    setMatching(null);
    onChanged(res.data);
  };
  const incoming = p.direction === 'in';
  const sortable = p.kind === 'client' || p.kind === 'unsorted';
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={`${incoming ? P.incomingOne : P.outgoingOne}: ${formatMoneyRub(p.amountKopecks)}`} data-testid="payment-card">
      <Stack>
        {p.monthClosed && <Alert color="gray">{P.closedMonth}</Alert>}
        <Table verticalSpacing={4}>
          <Table.Tbody>
            <Row label={P.date}>{formatDateNumeric(p.date)}</Row>
            <Row label={P.number}>
              {p.docNumber}
              {p.docDate ? ` от ${formatDateNumeric(p.docDate)}` : ''} · {p.statementId === null ? P.manual : P.fromStatement}
            </Row>
            <Row label={incoming ? 'Плательщик' : 'Получатель'}>
              {incoming ? p.payerName : p.payeeName} {incoming ? (p.payerInn ? `(ИНН ${p.payerInn})` : '') : p.payeeInn ? `(ИНН ${p.payeeInn})` : ''}
            </Row>
            <Row label={P.purpose}>{p.purpose}</Row>
            <Row label="Что это">
              <Badge variant="light" style={{ textTransform: 'none' }}>
                {KIND_LABELS[p.kind]}
              </Badge>
            </Row>
            <Row label={P.vat}>
              {formatMoneyRub(p.vatKopecks)} · без НДС {formatMoneyRub(p.amountNetKopecks)}
              {p.vatSource === 'none' ? ' (НДС не указан)' : p.vatSource === 'purpose' ? ' (из назначения)' : ' (по счетам)'}
            </Row>
            {incoming && (
              <Row label={P.client}>
                {p.clientName ?? P.noClient}
                {p.managerName ? ` · ${p.managerName}` : ''}
              </Row>
            )}
            {p.allocations.length > 0 && (
              <Row label={P.invoices}>
                <Stack gap={2}>
                  {p.allocations.map((a) => (
                    <Text size="sm" key={a.documentId}>
                      № {a.number} от {formatDateNumeric(a.docDate)} — {formatMoneyRub(a.amountKopecks)} ({RULE_LABELS[a.rule]})
                    </Text>
                  ))}
                </Stack>
              </Row>
            )}
            {p.comment && <Row label="Комментарий">{p.comment}</Row>}
          </Table.Tbody>
        </Table>
        {editable && (
          <Group>
            {/* «Не разобрано» (an unknown payer) is sorted the same way as client money: name the invoices or the client. */}
            {incoming && sortable && (
              <Button onClick={() => setMatching(subjectOf(p))} data-testid="payment-match">
                {p.allocations.length > 0 ? P.rematch : P.match}
              </Button>
            )}
            {incoming && sortable && (
              <Button variant="default" loading={busy} onClick={() => void setKind('other')}>
                {P.notClient}
              </Button>
            )}
            {incoming && !sortable && (
              <Button variant="default" loading={busy} onClick={() => void setKind('client')}>
                {P.backToClient}
              </Button>
            )}
            <Button variant="subtle" color="red" onClick={() => void remove()}>
              {P.remove}
            </Button>
          </Group>
        )}
      </Stack>
      <MatchDialog subject={matching} onClose={() => setMatching(null)} onApply={match} />
    </Drawer>
  );
}
