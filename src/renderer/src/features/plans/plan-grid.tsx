import { Alert, Button, Group, ScrollArea, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import type { PlanCellInput, PlanDto, PlanGrid, PlanMeasure, PlanScope } from '../../../../shared/api/plan-types';
import { call, showError, showSuccess, useEntry } from '../../api/call';
import { todayLocal } from '../sales/dates';
import { inputRoubles, parseRoubles, periodLabel, rub, shortMonth } from './format';
import { PlanCopyApprove } from './plan-copy-approve';
import { MeasureControl } from './plan-fact-page';
import { P } from './strings';

/** A grid row: a manager, the department or the company. */
interface GridRow {
  scope: PlanScope;
  userId: number | null;
  name: string;
}

// The names stay in view while the months scroll.
const STICKY = { position: 'sticky', left: 0, zIndex: 2, background: 'var(--mantine-color-body)' } as const;

function cellKey(scope: PlanScope, userId: number | null, period: string): string {
  return `${scope}-${userId ?? 0}-${period}`;
}

function statusColor(plan: PlanDto | undefined): string {
  if (!plan) return 'transparent';
  return plan.status === 'approved' ? 'var(--mantine-color-teal-5)' : 'var(--mantine-color-orange-5)';
}

/** Планы: managers × months, the department and the company, the year; entered, copied and approved by the heads. */
export function PlanGridView({ user }: { user: SessionUser }) {
  const thisYear = todayLocal().slice(0, 4);
  const [year, setYear] = useState(thisYear);
  const [measure, setMeasure] = useState<PlanMeasure>('revenue_net');
  const loaded = useEntry('plans.grid', { year, measure });
  const [grid, setGrid] = useState<PlanGrid | null>(null);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const typed = Object.keys(edits).length > 0;
  useEffect(() => {
    // Another person's save refreshes the grid only while nothing is typed here (typing is never lost, and the
    // save then meets the version it was typed on); another year or measure always replaces it.
    const next = loaded.data;
    if (typed && next && grid && next.year === grid.year && next.measure === grid.measure) return;
    setGrid(next);
    setEdits({});
  }, [loaded.data]);
  if (!grid) return null;
  const plans = new Map(grid.plans.map((p) => [cellKey(p.scope, p.userId, p.period), p]));
  const rows: GridRow[] = [
    ...grid.managers.map((m) => ({ scope: 'manager' as const, userId: m.id, name: m.fullName })),
    ...(user.role === 'manager' ? [] : [{ scope: 'department' as const, userId: null, name: P.department }, { scope: 'company' as const, userId: null, name: P.company }]),
  ];
  const editable = (scope: PlanScope, period: string) => grid.canEdit && !(scope === 'manager' && period === grid.year);
  const changed: PlanCellInput[] = Object.entries(edits).flatMap(([key, text]) => {
    const [scope, userId, ...rest] = key.split('-');
    const period = rest.join('-');
    const plan = plans.get(key);
    const amount = parseRoubles(text);
    if (text.trim() !== '' && amount === null) return [];
    if ((plan?.amountKopecks ?? null) === amount) return [];
    const s: PlanScope = scope === 'department' ? 'department' : scope === 'company' ? 'company' : 'manager';
    return [{ scope: s, userId: Number(userId) || null, period, amountKopecks: amount }];
  });
  const invalid = Object.values(edits).some((t) => t.trim() !== '' && parseRoubles(t) === null);
  const save = async () => {
    const res = await call('plans.save', { year, measure, version: grid.version, cells: changed });
    if (!res) return;
    setGrid(res.grid);
    setEdits({});
    showSuccess(res.changed ? P.saved : P.nothingChanged);
  };
  const cell = (row: GridRow, period: string) => {
    const key = cellKey(row.scope, row.userId, period);
    const plan = plans.get(key);
    if (!editable(row.scope, period)) {
      const sum = row.scope === 'manager' && period === grid.year ? grid.months.reduce((s, m) => s + (plans.get(cellKey('manager', row.userId, m))?.amountKopecks ?? 0), 0) : null;
      return (
        <Text size="sm" ta="right" style={{ borderLeft: `3px solid ${statusColor(plan)}`, paddingLeft: 4 }} data-cell={key}>
          {sum !== null ? rub(sum) : rub(plan?.amountKopecks)}
        </Text>
      );
    }
    const text = edits[key] ?? inputRoubles(plan?.amountKopecks);
    return (
      <TextInput
        size="xs"
        w={86}
        value={text}
        error={text.trim() !== '' && parseRoubles(text) === null}
        aria-label={`${row.name}, ${periodLabel(period)}`}
        data-cell={key}
        title={plan ? `${plan.status === 'approved' ? P.approvedBadge : P.draft}${plan.approvedByName ? ` — ${plan.approvedByName}` : ''}` : undefined}
        styles={{ input: { textAlign: 'right', borderLeft: `3px solid ${statusColor(plan)}` } }}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setEdits((prev) => ({ ...prev, [key]: value }));
        }}
      />
    );
  };
  const years = [Number(thisYear) - 1, Number(thisYear), Number(thisYear) + 1].map(String);
  return (
    <Stack>
      <Group align="flex-end">
        <Select label={P.year} data={years} value={year} onChange={(v) => setYear(v ?? year)} allowDeselect={false} w={120} />
        <MeasureControl value={measure} onChange={setMeasure} />
        {grid.canEdit && (
          <Button onClick={() => void save()} disabled={changed.length === 0 || invalid} data-testid="plans-save">
            {P.save}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {grid.canEdit ? P.gridHint : P.ownPlanOnly}
      </Text>
      {grid.managers.length === 0 && <Alert color="gray">{P.noManagers}</Alert>}
      <ScrollArea>
        <Table withTableBorder withColumnBorders data-testid="plan-grid" miw={1320}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th miw={190} style={STICKY} />
              {grid.months.map((m) => (
                <Table.Th key={m} ta="center">
                  {shortMonth(m)}
                </Table.Th>
              ))}
              <Table.Th ta="center">{P.yearColumn}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={`${row.scope}-${row.userId ?? 0}`} fw={row.scope === 'manager' ? undefined : 600}>
                <Table.Td style={STICKY}>{row.name}</Table.Td>
                {[...grid.months, grid.year].map((period) => (
                  <Table.Td key={period} p={4}>
                    {cell(row, period)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {grid.canEdit && changed.length === 0 && (
        <PlanCopyApprove grid={grid} onDone={(next) => setGrid(next)} onError={showError} />
      )}
    </Stack>
  );
}
