import { Group, Stack, Text } from '@mantine/core';
import { formatDateNumeric, formatMoneyRub } from '../../../../core/index';
import { useEntry } from '../../api/call';
import { PaymentStatusBadge } from './payment-status-badge';
import { DP } from './strings';

/** The deal page's payments: each invoice of the deal with its state, and the payments received on them. */
export function DealPayments({ dealId }: { dealId: number }) {
  const { data } = useEntry('payments.forDeal', { dealId });
  if (!data) return null;
  if (data.invoices.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {DP.none}
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="deal-payments">
      {data.invoices.map((i) => (
        <Group key={i.documentId} justify="space-between" wrap="nowrap">
          <Text size="sm">
            {DP.invoice(i.number, formatDateNumeric(i.docDate), formatMoneyRub(i.grossKopecks))}
          </Text>
          <PaymentStatusBadge status={i} />
        </Group>
      ))}
      {data.payments.map((p) => (
        <Text size="xs" c="dimmed" key={p.id}>
          {DP.payment(formatDateNumeric(p.date), p.docNumber, formatMoneyRub(p.amountKopecks), p.payerName)}
        </Text>
      ))}
    </Stack>
  );
}
