import { Button, Card, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { rublesToKopecks, scaledToDecimalString } from '../../../../core/index';
import type { CatalogItemDto, PriceListDto } from '../../../../shared/api/catalog';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { todayIso } from './draft-form';
import { D, DIR } from './strings';
import { DateField } from '../../app/date-fields';

type Edit = { id?: number; version?: number; name: string; effectiveFrom: string; effectiveTo: string; prices: Record<number, string> };

function editOf(list: PriceListDto | null, items: readonly CatalogItemDto[]): Edit {
  const prices: Record<number, string> = {};
  for (const i of items) {
    const p = list?.items.find((x) => x.catalogItemId === i.id)?.priceKopecks ?? i.priceKopecks;
    prices[i.id] = p === null || p === undefined ? '' : scaledToDecimalString(p, 2).replace('.', ',');
  }
  return list ? { id: list.id, version: list.version, name: list.name, effectiveFrom: list.effectiveFrom, effectiveTo: list.effectiveTo ?? '', prices } : { name: `${DIR.priceList} с ${todayIso()}`, effectiveFrom: todayIso(), effectiveTo: '', prices };
}

/** The public price lists: prices of the catalog's items, valid from a date (until one, when replaced). */
export function PriceListPanel({ items, canEdit }: { items: CatalogItemDto[]; canEdit: boolean }) {
  const lists = useEntry('priceLists.list', {});
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  const [edit, setEdit] = useState<Edit | null>(null);
  useEffect(() => {
    const all = lists.data;
    if (!all) return;
    const id = selected ?? all.at(-1)?.id ?? 'new';
    if (selected === null) setSelected(id);
    // A refresh (someone saved a list) keeps what is being typed here and the version it was opened on.
    setEdit((cur) => (cur && (cur.id ?? 'new') === id ? cur : editOf(id === 'new' ? null : (all.find((l) => l.id === id) ?? null), items)));
  }, [lists.data, selected, items]);
  if (!edit) return null;
  const save = async () => {
    const rows = items.flatMap((i) => {
      const text = edit.prices[i.id] ?? '';
      const k = text.trim() === '' ? null : rublesToKopecks(text);
      return k === null ? [] : [{ catalogItemId: i.id, priceKopecks: k }];
    });
    const res = await request('priceLists.save', { id: edit.id, version: edit.version, name: edit.name, effectiveFrom: edit.effectiveFrom, effectiveTo: edit.effectiveTo || null, items: rows });
    if (res.error) return showError(res.error);
    showSuccess(DIR.pricesSaved);
    setEdit(editOf(res.data, items));
    setSelected(res.data.id);
  };
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group align="flex-end">
          <Select
            label={DIR.priceList}
            w={300}
            data={[...(lists.data ?? []).map((l) => ({ value: String(l.id), label: `${l.name} (${l.itemCount})` })), ...(canEdit ? [{ value: 'new', label: DIR.newPriceList }] : [])]}
            value={selected === null ? null : String(selected)}
            allowDeselect={false}
            onChange={(v) => setSelected(v === 'new' ? 'new' : Number(v))}
          />
          <TextInput label={DIR.priceListName} value={edit.name} onChange={(e) => setEdit({ ...edit, name: e.currentTarget.value })} disabled={!canEdit} />
          <DateField label={DIR.effectiveFrom} value={edit.effectiveFrom} onChange={(v) => setEdit({ ...edit, effectiveFrom: v })} disabled={!canEdit} />
          <DateField label={DIR.effectiveTo} value={edit.effectiveTo} onChange={(v) => setEdit({ ...edit, effectiveTo: v })} disabled={!canEdit} />
          {canEdit && <Button onClick={() => void save()}>{DIR.savePrices}</Button>}
        </Group>
        <Table>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Text size="sm">{i.name}</Text>
                </Table.Td>
                <Table.Td w={160}>
                  <TextInput size="xs" aria-label={`${D.price} ${i.name}`} value={edit.prices[i.id] ?? ''} disabled={!canEdit} onChange={(e) => setEdit({ ...edit, prices: { ...edit.prices, [i.id]: e.currentTarget.value } })} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
