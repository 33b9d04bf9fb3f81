import { Anchor, Button, Card, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import { INBOUND_CHANNEL_LABELS, type InboundRequestDto } from '../../../../shared/api/inbound-types';
import { SALES_HEADS } from '../../../../shared/api/sales';
import { useEntry } from '../../api/call';
import { formatAt, monthFromNow } from '../sales/dates';
import { periodLabel } from './format';
import { InboundForm } from './inbound-form';
import { InboundReportView } from './inbound-report';
import { Q } from './strings';

const OUTCOME_COLORS = { open: 'indigo', won: 'teal', lost: 'red' } as const;

/** Входящий поток: the log of calls, letters and site forms by advertising source; the heads also see the report with spend. */
export function InboundView({ user }: { user: SessionUser }) {
  const [month, setMonth] = useState(monthFromNow(0));
  const [editing, setEditing] = useState<InboundRequestDto | 'new' | null>(null);
  const sources = useEntry('inbound.sources', {});
  const list = useEntry('inbound.list', { fromMonth: month, toMonth: month });
  const months = Array.from({ length: 13 }, (_, i) => monthFromNow(-i)).map((m) => ({ value: m, label: periodLabel(m) }));
  return (
    <Stack>
      {SALES_HEADS.includes(user.role) && <InboundReportView sources={sources.data ?? []} />}
      <Card withBorder radius="md">
        <Group justify="space-between" mb="sm">
          <Group>
            <Text fw={600}>{Q.requests}</Text>
            <Select data={months} value={month} onChange={(v) => setMonth(v ?? month)} allowDeselect={false} w={180} aria-label={Q.fromMonth} />
          </Group>
          <Button onClick={() => setEditing('new')} disabled={(sources.data ?? []).length === 0} data-testid="inbound-new">
            {Q.newRequest}
          </Button>
        </Group>
        {(list.data ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            {Q.noRequests}
          </Text>
        ) : (
          <Table striped data-testid="inbound-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{Q.receivedAt}</Table.Th>
                <Table.Th>{Q.channel}</Table.Th>
                <Table.Th>{Q.source}</Table.Th>
                <Table.Th>{Q.contactName}</Table.Th>
                <Table.Th>{Q.subject}</Table.Th>
                <Table.Th>{Q.linkDeal}</Table.Th>
                <Table.Th>{Q.responsible}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data ?? []).map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" onClick={() => setEditing(r)}>
                      {formatAt(r.receivedAt)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{INBOUND_CHANNEL_LABELS[r.channel]}</Table.Td>
                  <Table.Td>{r.sourceName}</Table.Td>
                  <Table.Td>
                    {r.contactName}
                    {r.clientName && (
                      <Text size="xs" c="dimmed">
                        {r.clientName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.subject}</Table.Td>
                  <Table.Td>
                    {r.dealTitle && r.dealOutcome && (
                      <Text size="sm" c={OUTCOME_COLORS[r.dealOutcome]}>
                        {r.dealTitle}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.managerName ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      {editing && (
        <InboundForm
          sources={sources.data ?? []}
          editing={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
          }}
        />
      )}
    </Stack>
  );
}
