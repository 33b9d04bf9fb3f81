import { Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateNumeric, formatMoney, formatMoneyRub, rublesToKopecks } from '../../../../core/index';
import type { OpenInvoiceDto } from '../../../../shared/api/money-types';
import { call } from '../../api/call';
import { M } from './strings';

/** What is being matched: the amount and what identifies the payer. */
export interface MatchSubject {
  amountKopecks: number;
  payerInn: string;
  payerName: string;
  purpose: string;
  clientId: number | null;
  /** Allocations already chosen (to start from). */
  current: { documentId: number; amountKopecks: number }[];
}

type Pick = { amount: string; on: boolean };

/** Spreads `amount` over invoices oldest first, the rest on the last one (the same as the automatic rule). */
function spread(invoices: OpenInvoiceDto[], amount: number): Record<number, Pick> {
  const out: Record<number, Pick> = {};
  let left = amount;
  const open = invoices.filter((i) => i.outstandingKopecks > 0).sort((a, b) => a.docDate.localeCompare(b.docDate));
  open.forEach((inv, i) => {
    if (left <= 0) return;
    const part = i === open.length - 1 ? left : Math.min(left, inv.outstandingKopecks);
    out[inv.documentId] = { amount: formatMoney(part), on: true };
    left -= part;
  });
  return out;
}

/** Picking the invoices a payment pays, by hand: the payer's open invoices first, any invoice by search. */
export function MatchDialog({
  subject,
  onClose,
  onApply,
}: {
  subject: MatchSubject | null;
  onClose: () => void;
  onApply: (allocations: { documentId: number; amountKopecks: number }[], clientId: number | null) => Promise<void>;
}) {
  const [invoices, setInvoices] = useState<OpenInvoiceDto[]>([]);
  const [picks, setPicks] = useState<Record<number, Pick>>({});
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!subject) return;
    setSearch('');
    const query = subject.clientId !== null ? { clientId: subject.clientId } : subject.payerInn !== '' ? { inn: subject.payerInn } : { search: '' };
    void call('payments.openInvoices', query).then((rows) => {
      const list = rows ?? [];
      setInvoices(list);
      if (subject.current.length > 0) {
        setPicks(Object.fromEntries(subject.current.map((c) => [c.documentId, { amount: formatMoney(c.amountKopecks), on: true }])));
      } else {
        setPicks(spread(list, subject.amountKopecks));
      }
    });
  }, [subject]);
  useEffect(() => {
    if (!subject || search.trim() === '') return;
    const timer = setTimeout(() => {
      void call('payments.openInvoices', { search: search.trim() }).then((rows) => {
        if (rows) setInvoices((old) => [...old.filter((o) => picks[o.documentId]?.on), ...rows.filter((r) => !picks[r.documentId]?.on)]);
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [search, subject, picks]);
  if (!subject) return null;
  const chosen = Object.entries(picks)
    .filter(([, p]) => p.on)
    .map(([id, p]) => ({ documentId: Number(id), amountKopecks: rublesToKopecks(p.amount) }));
  const valid = chosen.every((c) => c.amountKopecks !== null && c.amountKopecks > 0);
  const sum = chosen.reduce((s, c) => s + (c.amountKopecks ?? 0), 0);
  const left = subject.amountKopecks - sum;
  const apply = async (allocations: { documentId: number; amountKopecks: number }[], clientId: number | null) => {
    setBusy(true);
    await onApply(allocations, clientId);
    setBusy(false);
  };
  const firstClient = invoices.find((i) => picks[i.documentId]?.on)?.clientId ?? subject.clientId;
  return (
    <Modal opened onClose={onClose} title={`${M.title}: ${formatMoneyRub(subject.amountKopecks)} — ${subject.payerName}`} size="xl" data-testid="match-dialog">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {M.intro}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={2}>
          {subject.purpose}
        </Text>
        <TextInput placeholder={M.searchInvoices} value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-testid="match-search" />
        {invoices.length === 0 && <Text size="sm">{M.none}</Text>}
        {invoices.length > 0 && (
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36} />
                <Table.Th>{M.invoice}</Table.Th>
                <Table.Th>{M.invoiceClient}</Table.Th>
                <Table.Th ta="right">{M.gross}</Table.Th>
                <Table.Th ta="right">{M.owed}</Table.Th>
                <Table.Th w={150}>{M.put}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoices.map((inv) => {
                const p = picks[inv.documentId] ?? { amount: '', on: false };
                const set = (patch: Partial<Pick>) => setPicks((old) => ({ ...old, [inv.documentId]: { ...p, ...patch } }));
                return (
                  <Table.Tr key={inv.documentId} data-testid={`match-invoice-${inv.documentId}`}>
                    <Table.Td>
                      <Checkbox
                        checked={p.on}
                        aria-label={`Счёт № ${inv.number}`}
                        onChange={(e) => set({ on: e.currentTarget.checked, amount: p.amount || formatMoney(Math.max(0, Math.min(left, inv.outstandingKopecks) || inv.outstandingKopecks)) })}
                      />
                    </Table.Td>
                    <Table.Td>
                      № {inv.number} от {formatDateNumeric(inv.docDate)}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{inv.clientName}</Text>
                      <Text size="xs" c="dimmed">
                        {inv.clientInn}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{formatMoney(inv.grossKopecks)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(inv.outstandingKopecks)}</Table.Td>
                    <Table.Td>
                      <TextInput size="xs" value={p.amount} disabled={!p.on} onChange={(e) => set({ amount: e.currentTarget.value })} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        <Text size="sm" c={left === 0 ? 'teal' : 'orange'} fw={600}>
          {left >= 0 ? `${M.left}: ${formatMoneyRub(left)}` : `${M.over} ${formatMoneyRub(-left)}`}
        </Text>
        <Group justify="space-between">
          <Group gap="xs">
            <Button variant="subtle" color="gray" loading={busy} onClick={() => void apply([], subject.clientId)}>
              {M.clear}
            </Button>
            {firstClient !== null && (
              <Button variant="subtle" loading={busy} onClick={() => void apply([], firstClient)}>
                {M.clientOnly}
              </Button>
            )}
          </Group>
          <Button
            disabled={!valid || chosen.length === 0 || left !== 0}
            loading={busy}
            onClick={() => void apply(chosen.flatMap((c) => (c.amountKopecks === null ? [] : [{ documentId: c.documentId, amountKopecks: c.amountKopecks }])), null)}
            data-testid="match-apply"
          >
            {M.apply}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
