import { Badge, Box, Button, Checkbox, Group, Select, Stack, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { formatDateNumeric, formatMoney, formatMoneyRub } from '../../../../core/index';
import type { ImportOverride } from '../../../../shared/api/money';
import type { ImportRowDto, PaymentKind } from '../../../../shared/api/money-types';
import { I, KIND_LABELS, RULE_LABELS } from './strings';

const ROW = 84;
const GRID = '52px 86px 60px minmax(160px, 1.2fr) 116px 150px minmax(280px, 2fr) 84px';
const PLAIN = { textTransform: 'none' } as const;
const KINDS: Record<'in' | 'out', PaymentKind[]> = { in: ['client', 'unsorted', 'other'], out: ['outgoing', 'bank_fee', 'other'] };

function MatchCell({ r, onChoose }: { r: ImportRowDto; onChoose: () => void }) {
  if (r.duplicate) {
    const text = r.duplicate.source === 'manual' ? I.duplicateManual : r.duplicate.source === 'file' ? I.duplicateFile : I.duplicate;
    return (
      <Badge color="gray" variant="light" style={PLAIN}>
        {text}
      </Badge>
    );
  }
  if (r.skipped) return <Text size="sm" c="dimmed">{r.skipped}</Text>;
  if (r.direction !== 'in' || r.kind !== 'client') return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Stack gap={4}>
      <Group gap={4} wrap="nowrap">
        {r.allocations.length === 0 && (
          <Badge color="orange" variant="light" style={PLAIN}>
            {I.noInvoice}
          </Badge>
        )}
        {r.allocations.map((a) => (
          <Badge key={a.documentId} color="teal" variant="light" style={PLAIN} title={`${a.clientName}: ${formatMoneyRub(a.amountKopecks)} из ${formatMoneyRub(a.outstandingKopecks)}`}>
            № {a.number} от {formatDateNumeric(a.docDate)}
          </Badge>
        ))}
        {r.partial && (
          <Badge color="yellow" variant="light" style={PLAIN}>
            {I.partial}
          </Badge>
        )}
        {r.overpaidKopecks > 0 && (
          <Badge color="grape" variant="light" style={PLAIN}>
            {I.overpaid(formatMoneyRub(r.overpaidKopecks))}
          </Badge>
        )}
      </Group>
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c="dimmed" lineClamp={1} style={{ flex: 1 }}>
          {r.allocations.length > 0 ? RULE_LABELS[r.rule] : (r.clientName ?? '')}
          {r.managerName ? ` · ${r.managerName}` : ''}
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={onChoose} data-testid={`import-choose-${r.line}`} style={{ flexShrink: 0 }}>
          {I.choose}
        </Button>
      </Group>
    </Stack>
  );
}

/** The preview's lines, virtualised (a statement may hold thousands): what each is, its invoice, and the person's choices. */
export function ImportPreviewTable({
  rows,
  overrides,
  onOverride,
  onChoose,
}: {
  rows: ImportRowDto[];
  overrides: ReadonlyMap<string, ImportOverride>;
  onOverride: (o: ImportOverride) => void;
  onChoose: (r: ImportRowDto) => void;
}) {
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => parent.current, estimateSize: () => ROW, overscan: 8 });
  const header = ['Строка', 'Дата', '№', 'Плательщик / получатель', 'Сумма, ₽', I.kind, I.match, I.skip];
  return (
    <Box style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} data-testid="import-preview">
      <Box style={{ display: 'grid', gridTemplateColumns: GRID, gap: 8, padding: '8px 12px', background: 'var(--mantine-color-gray-0)', fontWeight: 600, fontSize: 13 }}>
        {header.map((h) => (
          <div key={h}>{h}</div>
        ))}
      </Box>
      <Box ref={parent} style={{ maxHeight: 460, overflowY: 'auto' }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const r = rows[v.index];
            if (!r) return null;
            const o = overrides.get(r.key);
            const live = r.duplicate === null && r.skipped !== 'Нулевая сумма';
            return (
              <Box
                key={r.key}
                data-testid={`import-row-${r.line}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW,
                  transform: `translateY(${v.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: GRID,
                  gap: 8,
                  padding: '6px 12px',
                  alignItems: 'center',
                  borderTop: '1px solid var(--mantine-color-gray-2)',
                  opacity: live && !o?.skip ? 1 : 0.55,
                  fontSize: 13,
                }}
              >
                <Text size="sm" c="dimmed">
                  {r.line}
                </Text>
                <Text size="sm">{formatDateNumeric(r.date)}</Text>
                <Text size="sm">{r.number}</Text>
                <div>
                  <Text size="sm" lineClamp={1}>
                    {r.counterpartyName}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={1} title={r.purpose}>
                    {r.purpose}
                  </Text>
                </div>
                <Text size="sm" fw={600} c={r.direction === 'in' ? 'teal.8' : 'red.8'} ta="right">
                  {r.direction === 'in' ? '+' : '−'}
                  {formatMoney(r.amountKopecks)}
                </Text>
                <Select
                  size="xs"
                  allowDeselect={false}
                  disabled={!live}
                  aria-label={`${I.kind}, строка ${r.line}`}
                  data={KINDS[r.direction].map((k) => ({ value: k, label: KIND_LABELS[k] }))}
                  value={r.kind}
                  onChange={(k) => onOverride({ ...o, key: r.key, kind: KINDS[r.direction].find((x) => x === k) ?? r.kind })}
                />
                <MatchCell r={r} onChoose={() => onChoose(r)} />
                <Checkbox
                  aria-label={`${I.skip}, строка ${r.line}`}
                  disabled={!live}
                  checked={o?.skip ?? false}
                  onChange={(e) => onOverride({ ...o, key: r.key, skip: e.currentTarget.checked })}
                />
              </Box>
            );
          })}
        </div>
      </Box>
    </Box>
  );
}
