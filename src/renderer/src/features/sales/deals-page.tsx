import { Button, Group, SegmentedControl, Select, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { DEAL_OUTCOME_LABELS, DEAL_OUTCOMES, DEAL_STAGE_LABELS, DEAL_STAGES, type DealOutcome, type DealStage } from '../../../../core/index';
import type { SessionUser } from '../../../../shared/api/auth';
import { useEntry } from '../../api/call';
import { navigate } from '../../app/router';
import { DayPage } from './day-page';
import { DealForm } from './deal-form';
import { DealPage } from './deal-page';
import { DealsKanban } from './deals-kanban';
import { DealsTable } from './deals-table';
import { S } from './strings';
import { MonthField } from '../../app/date-fields';

interface Filters {
  managerId: string | null;
  stage: string | null;
  outcome: string | null;
  fromMonth: string;
  toMonth: string;
  search: string;
}

function DealsList({ user, view }: { user: SessionUser; view: 'kanban' | 'table' }) {
  const [f, setF] = useState<Filters>({ managerId: null, stage: null, outcome: null, fromMonth: '', toMonth: '', search: '' });
  const [creating, setCreating] = useState(false);
  const people = useEntry('sales.people', {});
  const stage = DEAL_STAGES.find((s) => s === f.stage);
  const outcome = DEAL_OUTCOMES.find((o) => o === f.outcome);
  const { data } = useEntry('deals.list', {
    managerId: f.managerId ? Number(f.managerId) : undefined,
    stage,
    outcome,
    fromMonth: f.fromMonth || undefined,
    toMonth: f.toMonth || undefined,
    search: f.search || undefined,
  });
  // The kanban shows the deals in work and the won ones; lost deals are in the table (or with the filter).
  const deals = (data ?? []).filter((d) => view === 'table' || outcome !== undefined || d.outcome !== 'lost');
  const set = (patch: Partial<Filters>) => setF((x) => ({ ...x, ...patch }));
  const canSell = user.role === 'manager' || user.role === 'head_of_sales' || user.role === 'director';
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{S.deals}</Title>
          <SegmentedControl
            value={view}
            onChange={(v) => navigate(v === 'kanban' ? '/deals' : `/deals/${v}`)}
            data={[
              { value: 'kanban', label: S.kanban },
              { value: 'table', label: S.table },
              ...(canSell ? [{ value: 'day', label: S.myDay }] : []),
            ]}
          />
        </Group>
        {canSell && <Button onClick={() => setCreating(true)}>{S.newDeal}</Button>}
      </Group>
      <Group gap="sm" align="flex-end">
        {user.role !== 'manager' && (
          <Select
            label={S.manager}
            placeholder={S.allManagers}
            clearable
            data={(people.data ?? []).map((p) => ({ value: String(p.id), label: p.fullName }))}
            value={f.managerId}
            onChange={(v) => set({ managerId: v })}
            w={220}
          />
        )}
        <Select
          label={S.stage}
          placeholder={S.allStages}
          clearable
          data={DEAL_STAGES.map((s: DealStage) => ({ value: s, label: DEAL_STAGE_LABELS[s] }))}
          value={f.stage}
          onChange={(v) => set({ stage: v })}
          w={260}
        />
        <Select
          label={S.outcome}
          placeholder="Все"
          clearable
          data={DEAL_OUTCOMES.map((o: DealOutcome) => ({ value: o, label: DEAL_OUTCOME_LABELS[o] }))}
          value={f.outcome}
          onChange={(v) => set({ outcome: v })}
          w={150}
        />
        <MonthField label={S.fromMonth} value={f.fromMonth} onChange={(v) => set({ fromMonth: v })} w={160} />
        <MonthField label={S.toMonth} value={f.toMonth} onChange={(v) => set({ toMonth: v })} w={160} />
        <TextInput label={S.search} value={f.search} onChange={(e) => set({ search: e.currentTarget.value })} w={240} />
      </Group>
      {view === 'kanban' ? <DealsKanban deals={deals} /> : <DealsTable deals={deals} />}
      {creating && (
        <DealForm
          user={user}
          deal={null}
          onClose={(id) => {
            setCreating(false);
            if (id) navigate(`/deals/${id}`);
          }}
        />
      )}
    </Stack>
  );
}

/** Сделки: the kanban (default), the table, «Мой день» and a deal's page, by the rest of the path. */
export function DealsPage({ user, rest }: { user: SessionUser; rest: string[] }) {
  const [first] = rest;
  if (first === 'day') return <DayPage user={user} />;
  if (first && /^\d+$/.test(first)) return <DealPage user={user} id={Number(first)} />;
  return <DealsList user={user} view={first === 'table' ? 'table' : 'kanban'} />;
}
