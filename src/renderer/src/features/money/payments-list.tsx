import { Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateNumeric, formatMoney } from '../../../../core/index';
import type { PaymentFilter } from '../../../../shared/api/money';
import type { PaymentDto } from '../../../../shared/api/money-types';
import { useEntry } from '../../api/call';
import { monthOptions } from './months';
import { KIND_LABELS, P } from './strings';

const PAGE = 200;
const PLAIN = { textTransform: 'none' } as const;

/** One line's state badge: on which invoices, in the queue, or not client money. */
export function PaymentStateBadge({ p }: { p: PaymentDto }) {
  if (p.state === 'matched') {
    return (
      <Badge color="teal" variant="light" style={PLAIN}>
        {p.allocations.map((a) => `№ ${a.number}`).join(', ')}
      </Badge>
    );
  }
  if (p.state === 'unmatched') {
    return (
      <Badge color="orange" variant="light" style={PLAIN}>
        {P.unmatched}
      </Badge>
    );
  }
  return (
    <Badge color="gray" variant="light" style={PLAIN}>
      {KIND_LABELS[p.kind]}
    </Badge>
  );
}

/** The payment list with filters (month, in/out, matched or not, search) and the totals; a click opens the payment. */
export function PaymentsList({ fixed, onOpen }: { fixed: Partial<PaymentFilter>; onOpen: (p: PaymentDto) => void }) {
  const [month, setMonth] = useState<string | null>(null);
  const [direction, setDirection] = useState<string | null>(null);
  const [state, setState] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const filter: Partial<PaymentFilter> = {
    month: month ?? undefined,
    direction: direction === 'in' || direction === 'out' ? direction : undefined,
    state: state === 'matched' || state === 'unmatched' ? state : undefined,
    search: debounced || undefined,
    ...fixed,
    limit,
  };
  const { data } = useEntry('payments.list', filter);
  const rows = data?.rows ?? [];
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <Select label={P.month} placeholder={P.allMonths} clearable data={monthOptions()} value={month} onChange={setMonth} w={190} data-testid="payments-month" />
        {fixed.state === undefined && (
          <>
            <Select
              label=" "
              placeholder={P.allKinds}
              clearable
              data={[
                { value: 'in', label: P.incoming },
                { value: 'out', label: P.outgoing },
              ]}
              value={direction}
              onChange={setDirection}
              w={170}
            />
            <Select
              label={P.state}
              placeholder={P.allStates}
              clearable
              data={[
                { value: 'matched', label: P.matched },
                { value: 'unmatched', label: P.unmatched },
              ]}
              value={state}
              onChange={setState}
              w={200}
            />
          </>
        )}
        <TextInput label=" " placeholder={P.search} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={320} />
      </Group>
      {data && rows.length === 0 && <Text c="dimmed">{fixed.state === 'unmatched' ? P.queueEmpty : P.empty}</Text>}
      {rows.length > 0 && (
        <Table striped highlightOnHover verticalSpacing={6} data-testid="payments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={96}>{P.date}</Table.Th>
              <Table.Th w={70}>{P.number}</Table.Th>
              <Table.Th>{P.counterparty}</Table.Th>
              <Table.Th>{P.purpose}</Table.Th>
              <Table.Th ta="right" w={140}>
                {P.amount}
              </Table.Th>
              <Table.Th>{P.client}</Table.Th>
              <Table.Th w={150}>{P.state}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id} onClick={() => onOpen(p)} style={{ cursor: 'pointer' }} data-testid={`payment-row-${p.id}`}>
                <Table.Td>{formatDateNumeric(p.date)}</Table.Td>
                <Table.Td>{p.docNumber}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1}>
                    {p.direction === 'in' ? p.payerName : p.payeeName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {p.direction === 'in' ? p.payerInn : p.payeeInn}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" lineClamp={2} maw={360}>
                    {p.purpose}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} c={p.direction === 'in' ? 'teal.8' : 'red.8'} fw={600}>
                  {p.direction === 'in' ? '+' : '−'}
                  {formatMoney(p.amountKopecks)}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.clientName ?? (p.kind === 'client' ? '—' : '')}</Text>
                  <Text size="xs" c="dimmed">
                    {p.managerName ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <PaymentStateBadge p={p} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data && data.total > 0 && (
        <Group justify="space-between">
          <Group gap="lg">
            <Text size="sm">
              {P.totalIn}: <b>{formatMoney(data.inKopecks)} ₽</b>
            </Text>
            <Text size="sm">
              {P.totalOut}: <b>{formatMoney(data.outKopecks)} ₽</b>
            </Text>
          </Group>
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {P.shown(rows.length, data.total)}
            </Text>
            {rows.length < data.total && limit < 1000 && (
              <Button variant="subtle" size="xs" onClick={() => setLimit((l) => Math.min(1000, l + PAGE))}>
                {P.more}
              </Button>
            )}
          </Group>
        </Group>
      )}
    </Stack>
  );
}
