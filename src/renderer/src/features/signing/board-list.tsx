import { Anchor, Box, Checkbox, Group, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { formatDateNumeric, formatMoney } from '../../../../core/index';
import { signingDocTitle, type BoardClientGroup, type BoardManagerGroup, type BoardResult, type BoardRow } from '../../../../shared/api/signing-types';
import { SignatureStateBadge } from './state-badge';
import { G } from './strings';

/** Where a document opens from the board. */
export function documentHref(id: number): string {
  return `#/documents/${id}`;
}

type Item = { type: 'manager'; group: BoardManagerGroup } | { type: 'client'; group: BoardClientGroup } | { type: 'row'; row: BoardRow };

const HEIGHTS = { manager: 46, client: 38, row: 44 } as const;
const COLUMNS = '30px minmax(220px, 1fr) 160px 128px 92px 92px 118px 118px';

function flatten(board: BoardResult): Item[] {
  const out: Item[] = [];
  for (const m of board.groups) {
    out.push({ type: 'manager', group: m });
    for (const c of m.clients) {
      out.push({ type: 'client', group: c });
      for (const r of c.rows) out.push({ type: 'row', row: r });
    }
  }
  return out;
}

function Header() {
  const cells = ['', G.document, G.state, G.waitingFor, G.due, G.overdue, G.amount, G.risk];
  return (
    <Box style={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 8, padding: '6px 12px', borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      {cells.map((c, i) => (
        <Text key={i} size="xs" fw={600} c="dimmed" ta={i >= 6 ? 'right' : 'left'}>
          {c}
        </Text>
      ))}
    </Box>
  );
}

function RowLine({ r, checked, onToggle }: { r: BoardRow; checked: boolean; onToggle: () => void }) {
  const late = r.daysOverdue > 0;
  return (
    <Box
      data-testid="board-row"
      data-document={r.documentId}
      style={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 8, alignItems: 'center', padding: '0 12px', height: HEIGHTS.row, borderBottom: '1px solid var(--mantine-color-gray-2)', background: late ? 'var(--mantine-color-red-0)' : undefined }}
    >
      <Checkbox size="xs" checked={checked} onChange={onToggle} aria-label={signingDocTitle(r)} />
      <Anchor href={documentHref(r.documentId)} size="sm" truncate="end">
        {signingDocTitle(r)}
      </Anchor>
      <SignatureStateBadge state={r.state} waitingFor={null} daysOverdue={0} />
      <Text size="sm">{G.waiting[r.waitingFor]}</Text>
      <Text size="sm">{r.dueDate ? formatDateNumeric(r.dueDate) : '—'}</Text>
      <Text size="sm" fw={late ? 700 : 400} c={late ? 'red.7' : 'dimmed'} data-testid="days-overdue">
        {late ? G.daysOverdue(r.daysOverdue) : '—'}
      </Text>
      <Text size="sm" ta="right" style={{ whiteSpace: 'nowrap' }}>
        {formatMoney(r.amountKopecks)}
      </Text>
      <Text size="sm" ta="right" fw={600} style={{ whiteSpace: 'nowrap' }} title={r.riskFromActs ? G.contractRiskHint : undefined} td={r.riskFromActs ? 'underline dotted' : undefined}>
        {formatMoney(r.riskKopecks)}
      </Text>
    </Box>
  );
}

/**
 * The board's documents grouped by manager and client, as one virtual list (only the rows in view
 * are in the page, so ten thousand waiting documents scroll as easily as ten).
 */
export function BoardList({ board, selected, onToggle }: { board: BoardResult; selected: ReadonlySet<number>; onToggle: (ids: number[], on: boolean) => void }) {
  const items = useMemo(() => flatten(board), [board]);
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => parent.current, estimateSize: (i) => HEIGHTS[items[i].type], overscan: 10 });
  return (
    <Box>
      <Header />
      <Box ref={parent} style={{ overflowY: 'auto', maxHeight: 'calc(100vh - 330px)' }} data-testid="signing-board">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const item = items[v.index];
            return (
              <div key={v.key} style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${v.start}px)` }}>
                {item.type === 'manager' && (
                  <Group justify="space-between" px="sm" h={HEIGHTS.manager} bg="indigo.0" data-testid="board-manager" style={{ borderBottom: '1px solid var(--mantine-color-indigo-2)' }}>
                    <Text fw={700}>{item.group.managerName}</Text>
                    <Text size="sm" c={item.group.overdue > 0 ? 'red.8' : 'dimmed'}>
                      {G.groupLine(item.group.count, item.group.overdue, formatMoney(item.group.riskKopecks))}
                    </Text>
                  </Group>
                )}
                {item.type === 'client' && (
                  <Group justify="space-between" px="sm" h={HEIGHTS.client} bg="gray.0" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} data-testid="board-client">
                    <Group gap="xs">
                      <Checkbox
                        size="xs"
                        checked={item.group.rows.every((r) => selected.has(r.documentId))}
                        indeterminate={item.group.rows.some((r) => selected.has(r.documentId)) && !item.group.rows.every((r) => selected.has(r.documentId))}
                        onChange={(e) => onToggle(item.group.rows.map((r) => r.documentId), e.currentTarget.checked)}
                        aria-label={item.group.clientName}
                      />
                      <Anchor href={`#/clients/${item.group.clientId}`} fw={600} size="sm">
                        {item.group.clientName}
                      </Anchor>
                    </Group>
                    <Text size="sm" c={item.group.overdue > 0 ? 'red.8' : 'dimmed'}>
                      {G.groupLine(item.group.rows.length, item.group.overdue, formatMoney(item.group.riskKopecks))}
                    </Text>
                  </Group>
                )}
                {item.type === 'row' && <RowLine r={item.row} checked={selected.has(item.row.documentId)} onToggle={() => onToggle([item.row.documentId], !selected.has(item.row.documentId))} />}
              </div>
            );
          })}
        </div>
      </Box>
    </Box>
  );
}
