import { Badge, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateNumeric, formatMoneyRub } from '../../../../core/index';
import type { InvoiceStatusDto } from '../../../../shared/api/money-types';
import { call } from '../../api/call';
import { STATE_LABELS } from './strings';

const COLORS = { unpaid: 'gray', partly: 'yellow', paid: 'teal', overpaid: 'grape' } as const;

/** An invoice's payment state as a badge: не оплачен / оплачен частично / оплачен (/ переплата), with the amounts in a tooltip. */
export function PaymentStatusBadge({ status }: { status: InvoiceStatusDto }) {
  const key = status.overpaidKopecks > 0 ? 'overpaid' : status.state;
  const hint = `Оплачено ${formatMoneyRub(status.paidKopecks)} из ${formatMoneyRub(status.grossKopecks)}${status.lastPaymentDate ? `, последняя оплата ${formatDateNumeric(status.lastPaymentDate)}` : ''}`;
  return (
    <Tooltip label={hint} withArrow>
      <Badge color={COLORS[key]} variant="light" data-testid={`payment-state-${status.documentId}`} data-state={status.state}>
        {STATE_LABELS[key]}
      </Badge>
    </Tooltip>
  );
}

/** Loads the payment states of invoices (for a list: pass the invoice ids on the page). */
export function useInvoiceStatuses(documentIds: readonly number[]): Map<number, InvoiceStatusDto> {
  const [map, setMap] = useState(new Map<number, InvoiceStatusDto>());
  const key = documentIds.join(',');
  // The ids' text is the dependency: a new array with the same ids does not reload.
  useEffect(() => {
    const ids = key === '' ? [] : key.split(',').map(Number);
    if (ids.length === 0) return;
    let alive = true;
    void call('payments.invoiceStatus', { documentIds: ids }).then((rows) => {
      if (alive && rows) setMap(new Map(rows.map((r) => [r.documentId, r])));
    });
    return () => {
      alive = false;
    };
  }, [key]);
  return map;
}

/** The payment state of one invoice by id (loads it itself): mount it in any invoice list or page. */
export function InvoicePaymentBadge({ documentId }: { documentId: number }) {
  const status = useInvoiceStatuses([documentId]).get(documentId);
  return status ? <PaymentStatusBadge status={status} /> : null;
}

/** The badge when the state is known (a list row before its states load shows nothing). */
export function InvoicePaymentCell({ status }: { status: InvoiceStatusDto | undefined }) {
  return status ? <PaymentStatusBadge status={status} /> : null;
}
