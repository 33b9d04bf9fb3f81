import { Badge, Button, Group, Modal, Select, Stack, Switch, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { formatMoney, rublesToKopecks, scaledToDecimalString } from '../../../../core/index';
import type { SessionUser } from '../../../../shared/api/auth';
import type { CatalogItemDto, CatalogItemInput } from '../../../../shared/api/catalog';
import { DOC_ADMINS, type VatRateKey } from '../../../../shared/api/document-types';
import { request, showError, useEntry } from '../../api/call';
import { RATE_OPTIONS } from './lines-editor';
import { PriceListPanel } from './price-list-panel';
import { D, DIR } from './strings';

const EMPTY: CatalogItemInput = { kind: 'goods', name: '', article: '', unit: 'шт', okei: '796', vatRate: '22', costKopecks: null, active: true };

function ItemModal({ item, onClose }: { item: CatalogItemDto | null; onClose: (saved: boolean) => void }) {
  const [v, setV] = useState<CatalogItemInput>(
    item ? { kind: item.kind, name: item.name, article: item.article, unit: item.unit, okei: item.okei, vatRate: item.vatRate, costKopecks: item.costKopecks, active: item.active } : EMPTY,
  );
  const [cost, setCost] = useState(item === null || item.costKopecks === null ? '' : scaledToDecimalString(item.costKopecks, 2).replace('.', ','));
  const costKopecks = cost.trim() === '' ? null : rublesToKopecks(cost);
  const costBad = cost.trim() !== '' && (costKopecks === null || costKopecks < 0);
  const set = (patch: Partial<CatalogItemInput>) => setV({ ...v, ...patch });
  const save = async () => {
    if (costBad) return;
    const res = await request('catalog.save', { id: item?.id, version: item?.version, item: { ...v, costKopecks } });
    if (res.error) return showError(res.error);
    onClose(true);
  };
  return (
    <Modal opened onClose={() => onClose(false)} title={item ? item.name : DIR.newItem}>
      <Stack gap="sm">
        <Select label={D.kind} data={[{ value: 'goods', label: DIR.goods }, { value: 'service', label: DIR.service }]} value={v.kind} allowDeselect={false} onChange={(k) => set({ kind: k === 'service' ? 'service' : 'goods' })} />
        <TextInput label={D.lineName} value={v.name} onChange={(e) => set({ name: e.currentTarget.value })} />
        <Group grow>
          <TextInput label={DIR.article} value={v.article ?? ''} onChange={(e) => set({ article: e.currentTarget.value })} />
          <TextInput label={D.unit} value={v.unit} onChange={(e) => set({ unit: e.currentTarget.value })} />
          <TextInput label={D.okei} value={v.okei} onChange={(e) => set({ okei: e.currentTarget.value })} />
        </Group>
        <Select label={D.vatRate} data={RATE_OPTIONS} value={v.vatRate} allowDeselect={false} onChange={(r) => set({ vatRate: (r ?? '22') as VatRateKey })} />
        <TextInput label={DIR.costColumn} description={D.costHint} value={cost} error={costBad ? DIR.costError : undefined} onChange={(e) => setCost(e.currentTarget.value)} />
        <Switch label={DIR.active} checked={v.active ?? true} onChange={(e) => set({ active: e.currentTarget.checked })} />
        <Group justify="flex-end">
          <Button onClick={() => void save()}>{D.save}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Справочники → Товары и услуги: the catalog (unit, ОКЕИ, VAT, article) and the public price lists. */
export function CatalogPage({ user }: { user: SessionUser }) {
  const items = useEntry('catalog.list', { includeInactive: true });
  const [editing, setEditing] = useState<CatalogItemDto | 'new' | null>(null);
  const canEdit = DOC_ADMINS.includes(user.role);
  return (
    <Stack data-testid="catalog-page">
      <Group justify="space-between">
        <Title order={3}>{DIR.catalog}</Title>
        {canEdit && <Button variant="light" onClick={() => setEditing('new')}>{DIR.newItem}</Button>}
      </Group>
      <Table withTableBorder highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{D.lineName}</Table.Th>
            <Table.Th>{DIR.article}</Table.Th>
            <Table.Th>{D.unit}</Table.Th>
            <Table.Th>{D.okei}</Table.Th>
            <Table.Th>{D.vatRate}</Table.Th>
            <Table.Th ta="right">{DIR.priceColumn}</Table.Th>
            {canEdit && <Table.Th ta="right">{DIR.costColumn}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(items.data ?? []).map((i) => (
            <Table.Tr key={i.id} style={{ cursor: canEdit ? 'pointer' : undefined, opacity: i.active ? 1 : 0.5 }} onClick={() => canEdit && setEditing(i)}>
              <Table.Td>
                {i.name} {i.kind === 'service' && <Badge size="xs" variant="light">{DIR.service}</Badge>}
              </Table.Td>
              <Table.Td>{i.article}</Table.Td>
              <Table.Td>{i.unit}</Table.Td>
              <Table.Td>{i.okei}</Table.Td>
              <Table.Td>{i.vatRate === 'none' ? D.vatNone : `${i.vatRate}%`}</Table.Td>
              <Table.Td ta="right">{i.priceKopecks === null ? '—' : formatMoney(i.priceKopecks)}</Table.Td>
              {canEdit && <Table.Td ta="right">{i.costKopecks === null ? '—' : formatMoney(i.costKopecks)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <PriceListPanel items={items.data ?? []} canEdit={canEdit} />
      {editing && (
        <ItemModal
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
