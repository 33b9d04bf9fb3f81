import { ActionIcon, Button, Group, Select, Switch, Table, Text, TextInput } from '@mantine/core';
import { Fragment, useState, type ReactNode } from 'react';
import { formatMoney, formatPercent } from '../../../../core/index';
import type { CatalogItemDto } from '../../../../shared/api/catalog';
import type { VatModeKey, VatRateKey } from '../../../../shared/api/document-types';
import { VAT_RATE_VALUES } from '../../../../shared/api/orgs';
import { emptyLine, fromCatalog, hasOrigin, liveTotals, type LineDraft } from './line-draft';
import { D } from './strings';

/** Labels of the VAT rates. */
export const RATE_OPTIONS = VAT_RATE_VALUES.map((r) => ({ value: r, label: r === 'none' ? D.vatNone : `${r}%` }));

/** The lines of a draft: from the price list or typed, quantity, price, discount within authority, VAT; live totals. */
export function LinesEditor({
  lines,
  onChange,
  catalog,
  vatMode,
  vatRate,
  limitBp,
  showCosts,
  originFields = false,
  errors,
  listError,
}: {
  lines: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  catalog: CatalogItemDto[];
  vatMode: VatModeKey;
  vatRate: VatRateKey;
  limitBp: number | null;
  /** The heads, the director and the office manager see and edit each line's cost price. */
  showCosts: boolean;
  /** Shipping documents and счета-фактуры: country of origin, ГТД / РНПТ and код вида товара per line. */
  originFields?: boolean;
  /** The message of a wrong field of a line (the contract's, from the form's check or the host). */
  errors?: (line: number, field: keyof LineDraft) => ReactNode;
  /** The message about the lines as a whole («Добавьте хотя бы одну строку»). */
  listError?: ReactNode;
}) {
  const errorOf = errors ?? (() => undefined);
  const [showOrigin, setShowOrigin] = useState(() => lines.some(hasOrigin));
  const totals = liveTotals(lines, vatMode);
  const columnCount = 10 + (showCosts ? 1 : 0);
  const set = (i: number, patch: Partial<LineDraft>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const options = catalog.map((c) => ({ value: String(c.id), label: `${c.name}${c.priceKopecks === null ? '' : ` — ${formatMoney(c.priceKopecks)} ₽`}` }));
  return (
    <div>
      <Table withTableBorder striped={false} verticalSpacing={4} horizontalSpacing={6} data-testid="lines-editor">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={28}>№</Table.Th>
            <Table.Th>{D.lineName}</Table.Th>
            <Table.Th w={70}>{D.unit}</Table.Th>
            <Table.Th w={64}>{D.okei}</Table.Th>
            <Table.Th w={84}>{D.quantity}</Table.Th>
            <Table.Th w={120}>{D.price}</Table.Th>
            <Table.Th w={84}>{D.discount}</Table.Th>
            <Table.Th w={96}>{D.vatRate}</Table.Th>
            {showCosts && (
              <Table.Th w={110} title={D.costHint}>
                {D.cost}
              </Table.Th>
            )}
            <Table.Th w={120} ta="right">
              {D.lineTotal}
            </Table.Th>
            <Table.Th w={34} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l, i) => (
            <Fragment key={i}>
            <Table.Tr>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <TextInput size="xs" aria-label={D.lineName} error={errorOf(i, 'name')} value={l.name} onChange={(e) => set(i, { name: e.currentTarget.value })} />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" aria-label={D.unit} error={errorOf(i, 'unit')} value={l.unit} onChange={(e) => set(i, { unit: e.currentTarget.value })} />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" aria-label={D.okei} error={errorOf(i, 'okei')} value={l.okei} onChange={(e) => set(i, { okei: e.currentTarget.value })} />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" aria-label={D.quantity} error={errorOf(i, 'quantity')} value={l.quantity} onChange={(e) => set(i, { quantity: e.currentTarget.value })} />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" aria-label={D.price} error={errorOf(i, 'price')} value={l.price} onChange={(e) => set(i, { price: e.currentTarget.value })} />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" aria-label={D.discount} error={errorOf(i, 'discount')} value={l.discount} onChange={(e) => set(i, { discount: e.currentTarget.value })} />
              </Table.Td>
              <Table.Td>
                <Select size="xs" aria-label={D.vatRate} data={RATE_OPTIONS} error={errorOf(i, 'vatRate')} value={l.vatRate} disabled={vatRate === 'none'} allowDeselect={false} onChange={(v) => v && set(i, { vatRate: v as VatRateKey })} />
              </Table.Td>
              {showCosts && (
                <Table.Td>
                  <TextInput size="xs" aria-label={D.cost} title={D.costHint} error={errorOf(i, 'cost')} value={l.cost ?? ''} onChange={(e) => set(i, { cost: e.currentTarget.value })} />
                </Table.Td>
              )}
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {totals ? formatMoney(totals.lines[i].amountKopecks) : '—'}
              </Table.Td>
              <Table.Td>
                <ActionIcon variant="subtle" color="gray" aria-label={D.removeLine} onClick={() => onChange(lines.filter((_, j) => j !== i))}>
                  ✕
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
            {originFields && showOrigin && (
              <Table.Tr data-testid="line-origin">
                <Table.Td />
                <Table.Td colSpan={columnCount - 1}>
                  <Group gap="xs" grow>
                    <TextInput size="xs" label={D.countryCode} error={errorOf(i, 'countryCode')} value={l.countryCode} onChange={(e) => set(i, { countryCode: e.currentTarget.value })} />
                    <TextInput size="xs" label={D.countryName} error={errorOf(i, 'countryName')} value={l.countryName} onChange={(e) => set(i, { countryName: e.currentTarget.value })} />
                    <TextInput size="xs" label={D.customsDeclaration} error={errorOf(i, 'customsDeclaration')} value={l.customsDeclaration} onChange={(e) => set(i, { customsDeclaration: e.currentTarget.value })} />
                    <TextInput size="xs" label={D.productKindCode} error={errorOf(i, 'productKindCode')} value={l.productKindCode} onChange={(e) => set(i, { productKindCode: e.currentTarget.value })} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
      <Group mt="xs" justify="space-between" align="flex-start">
        <Group gap="xs">
          <Select
            size="xs"
            w={420}
            searchable
            placeholder={D.fromCatalog}
            aria-label={D.fromCatalog}
            data={options}
            value={null}
            onChange={(v) => {
              const item = catalog.find((c) => String(c.id) === v);
              if (item) onChange([...lines, fromCatalog(item, vatRate)]);
            }}
          />
          <Button size="xs" variant="light" onClick={() => onChange([...lines, emptyLine(vatRate)])}>
            {D.addLine}
          </Button>
          {originFields && <Switch size="xs" label={D.originToggle} checked={showOrigin} onChange={(e) => setShowOrigin(e.currentTarget.checked)} />}
          {listError && (
            <Text size="xs" c="red" data-testid="lines-error">
              {listError}
            </Text>
          )}
          {limitBp !== null && (
            <Text size="xs" c="dimmed">
              {D.myLimit(formatPercent(limitBp))}
            </Text>
          )}
        </Group>
        <TotalsBox totals={totals} vatMode={vatMode} />
      </Group>
    </div>
  );
}

function TotalsBox({ totals, vatMode }: { totals: ReturnType<typeof liveTotals>; vatMode: VatModeKey }) {
  if (!totals) {
    return (
      <Text size="sm" c="red" maw={360}>
        {D.linesError}
      </Text>
    );
  }
  const t = totals.totals;
  return (
    <div data-testid="live-totals" style={{ minWidth: 300 }}>
      <Group justify="space-between">
        <Text size="sm">{D.net}</Text>
        <Text size="sm">{formatMoney(t.net)}</Text>
      </Group>
      <Group justify="space-between">
        <Text size="sm">{vatMode === 'included' ? `${D.vat} (в том числе)` : D.vat}</Text>
        <Text size="sm">{formatMoney(t.vat)}</Text>
      </Group>
      <Group justify="space-between">
        <Text size="sm" fw={700}>
          {D.gross}
        </Text>
        <Text size="sm" fw={700} data-testid="total-gross">
          {formatMoney(t.gross)} ₽
        </Text>
      </Group>
      <Text size="xs" c="dimmed" maw={360}>
        {totals.words}
      </Text>
    </div>
  );
}
