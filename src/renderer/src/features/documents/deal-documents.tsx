import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDateNumeric, formatMoney } from '../../../../core/index';
import type { CatalogItemDto } from '../../../../shared/api/catalog';
import { DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_LABELS, type DocumentLineInput } from '../../../../shared/api/document-types';
import type { DealDetail } from '../../../../shared/api/sales';
import { useEntry } from '../../api/call';
import { BundleDialog } from './bundle-dialog';
import { D } from './strings';

/** ОКЕИ codes of the usual units, for deal lines typed without the catalog. */
const OKEI_BY_UNIT: Record<string, string> = { шт: '796', час: '356', ч: '356', 'усл. ед': '876', 'усл. ед.': '876', компл: '839', м: '006', кг: '166' };

/** A deal's lines as document lines: unit code and VAT rate from the catalog when the line came from it. */
export function dealLinesForDocuments(deal: DealDetail, catalog: readonly CatalogItemDto[]): DocumentLineInput[] {
  return deal.lines.map((l) => {
    const item = catalog.find((c) => c.id === l.catalogItemId);
    return {
      catalogItemId: item ? item.id : null,
      name: l.name,
      unit: l.unit,
      okei: item?.okei ?? OKEI_BY_UNIT[l.unit] ?? '',
      quantityMilli: l.quantityMilli,
      priceKopecks: l.priceKopecks,
      discountBp: 0,
      vatRate: item?.vatRate ?? '22',
    };
  });
}

/** The deal page's documents: those made for the deal, and the bundle made from the deal's lines. */
export function DealDocuments({ deal, canEdit }: { deal: DealDetail; canEdit: boolean }) {
  const docs = useEntry('documents.list', { dealId: deal.id, limit: 100 });
  const catalog = useEntry('catalog.list', {});
  const [open, setOpen] = useState(false);
  const rows = docs.data?.rows ?? [];
  return (
    <Stack gap={6} data-testid="deal-documents">
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {D.noDealDocuments}
        </Text>
      )}
      {rows.map((d) => (
        <Group key={d.id} justify="space-between" wrap="nowrap">
          <Anchor href={`#/documents/${d.id}`} size="sm">
            {DOCUMENT_KIND_LABELS[d.kind]} № {d.number || D.noNumber} от {formatDateNumeric(d.docDate)}
          </Anchor>
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{formatMoney(d.grossKopecks)}</Text>
            <Badge size="sm" variant="light" color={d.status === 'issued' ? 'teal' : d.status === 'annulled' ? 'red' : 'gray'}>
              {DOCUMENT_STATUS_LABELS[d.status]}
            </Badge>
          </Group>
        </Group>
      ))}
      {canEdit && (
        <Button size="xs" variant="light" w="fit-content" onClick={() => setOpen(true)} data-testid="deal-bundle">
          {D.bundle}
        </Button>
      )}
      {open && (
        <BundleDialog
          preset={{ clientId: deal.clientId, dealId: deal.id, lines: dealLinesForDocuments(deal, catalog.data ?? []) }}
          onClose={() => setOpen(false)}
        />
      )}
    </Stack>
  );
}
