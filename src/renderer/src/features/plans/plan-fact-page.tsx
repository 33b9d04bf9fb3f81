import { Alert, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import type { PlanMeasure } from '../../../../shared/api/plan-types';
import { useEntry } from '../../api/call';
import { todayLocal } from '../sales/dates';
import { periodLabel } from './format';
import { PaceCard } from './pace-card';
import { PlanFactTable } from './plan-fact-table';
import { P } from './strings';

/** Months of this and last year plus both years, newest first, for a period select. */
export function periodOptions(today: string): { value: string; label: string }[] {
  const year = Number(today.slice(0, 4));
  const out: { value: string; label: string }[] = [];
  for (const y of [year + 1, year, year - 1]) {
    out.push({ value: String(y), label: periodLabel(String(y)) });
    for (let m = 12; m >= 1; m--) out.push({ value: `${y}-${String(m).padStart(2, '0')}`, label: periodLabel(`${y}-${String(m).padStart(2, '0')}`) });
  }
  return out;
}

/** The measure switch (money without VAT or gross margin). */
export function MeasureControl({ value, onChange }: { value: PlanMeasure; onChange: (m: PlanMeasure) => void }) {
  return (
    <SegmentedControl
      value={value}
      onChange={(v) => onChange(v === 'gross_margin' ? 'gross_margin' : 'revenue_net')}
      data={[
        { value: 'revenue_net', label: P.measureRevenue },
        { value: 'gross_margin', label: P.measureMargin },
      ]}
    />
  );
}

/** План / факт: plan, fact and the same period last year per manager and rolled up, with the month's pace. */
export function PlanFactPage({ user }: { user: SessionUser }) {
  const today = todayLocal();
  const [period, setPeriod] = useState(today.slice(0, 7));
  const [measure, setMeasure] = useState<PlanMeasure>('revenue_net');
  const { data } = useEntry('plans.planFact', { period, measure });
  return (
    <Stack>
      <Group align="flex-end">
        <Select label={P.period} data={periodOptions(today)} value={period} onChange={(v) => setPeriod(v ?? period)} allowDeselect={false} searchable w={220} />
        <MeasureControl value={measure} onChange={setMeasure} />
      </Group>
      {user.role === 'manager' && (
        <Text size="sm" c="dimmed">
          {P.ownPlanOnly}
        </Text>
      )}
      {data?.factNote && <Alert color="yellow">{data.factNote}</Alert>}
      {data && <PlanFactTable rows={data.rows} />}
      {data?.pace ? <PaceCard pace={data.pace} /> : data && period.length === 7 && <Text size="sm" c="dimmed">{P.paceNone}</Text>}
    </Stack>
  );
}
