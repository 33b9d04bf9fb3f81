import { Button, Card, Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { addMonths } from '../../../../core/index';
import type { PlanGrid } from '../../../../shared/api/plan-types';
import type { ApiError } from '../../../../shared/errors';
import { request, showSuccess } from '../../api/call';
import { todayLocal } from '../sales/dates';
import { periodLabel } from './format';
import { P } from './strings';

/** Copy a previous period's plans into the next, and approve a period's drafts (what the caller may approve). */
export function PlanCopyApprove({ grid, onDone, onError }: { grid: PlanGrid; onDone: (grid: PlanGrid) => void; onError: (e: ApiError) => void }) {
  const current = todayLocal().slice(0, 7);
  const defaultTo = grid.months.includes(current) ? current : grid.months[0];
  const [to, setTo] = useState(defaultTo);
  const [from, setFrom] = useState(addMonths(defaultTo, -1));
  const [approveWhat, setApproveWhat] = useState(defaultTo);
  const fromOptions = [addMonths(grid.months[0], -1), ...grid.months].map((m) => ({ value: m, label: periodLabel(m) }));
  const toOptions = grid.months.map((m) => ({ value: m, label: periodLabel(m) }));
  const approveOptions = [{ value: 'all', label: P.wholeYear }, ...grid.months.map((m) => ({ value: m, label: periodLabel(m) })), { value: grid.year, label: periodLabel(grid.year) }];
  const copy = async () => {
    const res = await request('plans.copy', { year: grid.year, measure: grid.measure, from, to });
    if (res.error) return onError(res.error);
    onDone(res.data.grid);
    showSuccess(P.copied(res.data.changed));
  };
  const approve = async () => {
    const periods = approveWhat === 'all' ? [...grid.months, grid.year] : [approveWhat];
    const res = await request('plans.approve', { year: grid.year, measure: grid.measure, periods });
    if (res.error) return onError(res.error);
    onDone(res.data.grid);
    showSuccess(P.approved(res.data.changed));
  };
  return (
    <Card withBorder radius="md">
      <Group align="flex-end" gap="sm">
        <Select label={P.copyFrom} data={fromOptions} value={from} onChange={(v) => setFrom(v ?? from)} allowDeselect={false} w={170} data-testid="copy-from" />
        <Select
          label={P.copyTo}
          data={toOptions}
          value={to}
          onChange={(v) => {
            const next = v ?? to;
            setTo(next);
            setFrom(addMonths(next, -1));
          }}
          allowDeselect={false}
          w={170}
          data-testid="copy-to"
        />
        <Button variant="light" onClick={() => void copy()} data-testid="plans-copy">
          {P.copy}
        </Button>
        <div style={{ width: 32 }} />
        {grid.canApprove.length > 0 && (
          <>
            <Select label={P.approvePeriod} data={approveOptions} value={approveWhat} onChange={(v) => setApproveWhat(v ?? approveWhat)} allowDeselect={false} w={170} />
            <Button color="teal" onClick={() => void approve()} data-testid="plans-approve">
              {P.approve}
            </Button>
          </>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt="xs">
        {P.gridHeadHint}
      </Text>
    </Card>
  );
}
