import { Anchor, Badge, Button, Card, Group, Indicator, Menu, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateNumeric, formatMoney } from '../../../../core/index';
import type { SessionUser } from '../../../../shared/api/auth';
import type { DocumentFilter } from '../../../../shared/api/documents';
import { DISCOUNT_HEADS, DOC_WRITERS, DOCUMENT_KIND_LABELS, DOCUMENT_KIND_VALUES, DOCUMENT_STATUS_LABELS, DOCUMENT_STATUS_VALUES, type DocumentKindKey, type DocumentStatus } from '../../../../shared/api/document-types';
import { useEntry } from '../../api/call';
import { navigate } from '../../app/router';
import { InvoicePaymentCell, useInvoiceStatuses } from '../money/payment-status-badge';
import { SIGNING_COLUMN, SignatureCell, SigningFilterSelect, useSigningStates } from '../signing/state-badge';
import { BundleDialog } from './bundle-dialog';
import { ClientFilter } from './client-filter';
import { D } from './strings';
import { DateField } from '../../app/date-fields';

const STATUS_COLORS: Record<DocumentStatus, string> = { draft: 'gray', issued: 'teal', annulled: 'red' };
const PAGE = 100;

/** Документы: the list with filters (kind, status, client, manager, period) and search, new documents and the bundle. */
export function DocumentList({ user }: { user: SessionUser }) {
  const [filter, setFilter] = useState<Partial<DocumentFilter>>({});
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [bundleOpen, setBundleOpen] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setFilter((f) => ({ ...f, search: search.trim() || undefined })), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const { data } = useEntry('documents.list', { ...filter, limit });
  const people = useEntry('sales.people', {});
  const pending = useEntry('approvals.pendingCount', {});
  const set = (patch: Partial<DocumentFilter>) => {
    setLimit(PAGE);
    setFilter((f) => ({ ...f, ...patch }));
  };
  const writer = DOC_WRITERS.includes(user.role);
  const rows = data?.rows ?? [];
  const paid = useInvoiceStatuses(rows.filter((r) => r.kind === 'invoice' && r.status !== 'draft').map((r) => r.id));
  const signing = useSigningStates(rows.map((r) => r.id));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{D.title}</Title>
        <Group gap="xs">
          {(DISCOUNT_HEADS.includes(user.role) || (pending.data?.count ?? 0) > 0) && (
            <Indicator label={pending.data?.count} size={18} disabled={!pending.data?.count} color="orange">
              <Button variant="default" onClick={() => navigate('/documents/approvals')} data-testid="approvals-button">
                {D.approvals}
              </Button>
            </Indicator>
          )}
          {writer && (
            <Menu>
              <Menu.Target>
                <Button variant="light">{D.newDocument}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                {DOCUMENT_KIND_VALUES.map((k) => (
                  <Menu.Item key={k} onClick={() => navigate(`/documents/new/${k}`)}>
                    {DOCUMENT_KIND_LABELS[k]}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
          {writer && (
            <Button onClick={() => setBundleOpen(true)} title={D.bundleHint}>
              {D.bundle}
            </Button>
          )}
        </Group>
      </Group>
      <Card withBorder padding="sm">
        <Group align="flex-end" gap="sm">
          <TextInput label={D.search} w={240} value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-testid="documents-search" />
          <Select
            label={D.kind}
            data-testid="kind-filter"
            w={220}
            clearable
            placeholder={D.all}
            data={DOCUMENT_KIND_VALUES.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))}
            value={filter.kind ?? null}
            onChange={(v) => set({ kind: (v as DocumentKindKey | null) ?? undefined })}
          />
          <Select
            label={D.status}
            w={150}
            clearable
            placeholder={D.all}
            data={DOCUMENT_STATUS_VALUES.map((s) => ({ value: s, label: DOCUMENT_STATUS_LABELS[s] }))}
            value={filter.status ?? null}
            onChange={(v) => set({ status: (v as DocumentStatus | null) ?? undefined })}
          />
          <SigningFilterSelect value={filter.signing} onChange={(signing) => set({ signing })} />
          <ClientFilter value={filter.clientId ?? null} onChange={(clientId) => set({ clientId: clientId ?? undefined })} />
          {user.role !== 'manager' && (
            <Select
              label={D.manager}
              w={200}
              clearable
              placeholder={D.all}
              data={(people.data ?? []).map((p) => ({ value: String(p.id), label: p.fullName }))}
              value={filter.managerId ? String(filter.managerId) : null}
              onChange={(v) => set({ managerId: v ? Number(v) : undefined })}
            />
          )}
          <DateField label={D.from} w={150} value={filter.from ?? ''} onChange={(v) => set({ from: v || undefined })} />
          <DateField label={D.to} w={150} value={filter.to ?? ''} onChange={(v) => set({ to: v || undefined })} />
        </Group>
      </Card>
      <Card withBorder padding={0}>
        <Table highlightOnHover data-testid="documents-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{D.kind}</Table.Th>
              <Table.Th>{D.number}</Table.Th>
              <Table.Th>{D.date}</Table.Th>
              <Table.Th>{D.client}</Table.Th>
              <Table.Th ta="right">{D.amount}</Table.Th>
              <Table.Th>{D.status}</Table.Th>
              <Table.Th>{SIGNING_COLUMN}</Table.Th>
              <Table.Th>{D.manager}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/documents/${d.id}`)}>
                <Table.Td>{DOCUMENT_KIND_LABELS[d.kind]}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor href={`#/documents/${d.id}`} size="sm" onClick={(e) => e.stopPropagation()}>
                    {d.number || D.noNumber}
                    {d.correctionNumber ? ` (${D.correction(d.correctionNumber)})` : ''}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDateNumeric(d.docDate)}</Table.Td>
                <Table.Td>{d.clientName}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(d.grossKopecks)}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="wrap">
                    <Badge variant="light" color={STATUS_COLORS[d.status]}>
                      {DOCUMENT_STATUS_LABELS[d.status]}
                    </Badge>
                    <InvoicePaymentCell status={paid.get(d.id)} />
                    {d.pendingApprovals > 0 && (
                      <Badge variant="light" color="orange">
                        {D.pendingBadge(d.pendingApprovals)}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <SignatureCell state={signing.get(d.id)} />
                </Table.Td>
                <Table.Td>{d.managerName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {rows.length === 0 && (
          <Text c="dimmed" p="md">
            {D.empty}
          </Text>
        )}
      </Card>
      {data && data.total > rows.length && (
        <Group>
          <Text size="sm" c="dimmed">
            {D.shown(rows.length, data.total)}
          </Text>
          <Button variant="subtle" size="xs" onClick={() => setLimit((l) => Math.min(500, l + PAGE))}>
            Показать ещё
          </Button>
        </Group>
      )}
      {bundleOpen && (
        <BundleDialog
          preset={{ clientId: null, dealId: undefined, lines: [] }}
          onClose={() => setBundleOpen(false)}
        />
      )}
    </Stack>
  );
}
