import { Badge, Box, Group, Paper, SegmentedControl, Select, Skeleton, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { LADDER_STEPS, LADDER_TITLES, type LadderStep } from '../../../../core/index';
import type { SessionUser } from '../../../../shared/api/auth';
import type { ClientRow } from '../../../../shared/api/client-types';
import { useEntry } from '../../api/call';
import { navigate } from '../../app/router';
import { S } from './strings';
import { usePagedClients, type ClientFilters } from './use-paged-clients';
import { VirtualRows } from './virtual-rows';

const ROW_HEIGHT = 44;
const GRID = 'minmax(220px, 2.4fr) 120px minmax(140px, 1.3fr) minmax(110px, 1fr) minmax(110px, 1fr) 150px';

const STEP_COLORS: Record<LadderStep, string> = {
  potential: 'gray',
  contact: 'blue',
  meeting: 'cyan',
  proposal: 'teal',
  contract: 'green',
  payment: 'lime',
  closed: 'yellow',
  repeat: 'orange',
};

function Cells({ cells, header }: { cells: ReactNode[]; header?: boolean }) {
  return (
    <Box
      style={{ display: 'grid', gridTemplateColumns: GRID, alignItems: 'center', height: '100%', gap: 12, padding: '0 12px' }}
      fw={header ? 600 : undefined}
      fz="sm"
      c={header ? 'dimmed' : undefined}
    >
      {cells.map((c, i) => (
        <Box key={i} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {c}
        </Box>
      ))}
    </Box>
  );
}

function Row({ row, index }: { row: ClientRow | null; index: number }) {
  const stripe = index % 2 ? 'var(--mantine-color-gray-0)' : 'white';
  if (!row) {
    return (
      <Box h="100%" bg={stripe} px="sm" py={12}>
        <Skeleton h={16} />
      </Box>
    );
  }
  return (
    <Box
      h="100%"
      bg={stripe}
      data-testid="client-row"
      role="link"
      tabIndex={0}
      onClick={() => navigate(`/clients/${row.id}`)}
      onKeyDown={(e) => e.key === 'Enter' && navigate(`/clients/${row.id}`)}
      style={{ cursor: 'pointer', borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Cells
        cells={[
          <Text key="n" size="sm" fw={500} truncate>
            {row.name}
          </Text>,
          row.inn,
          row.responsibleName ?? (
            <Text key="f" span size="sm" c="dimmed">
              {S.free}
            </Text>
          ),
          row.region,
          row.segment,
          <Badge key="s" variant="light" color={STEP_COLORS[row.ladderStep]}>
            {S.ladder.short[row.ladderStep]}
          </Badge>,
        ]}
      />
    </Box>
  );
}

const opt = (v: string | null) => (v === null || v === '' ? undefined : v);

/** The client base: filters, instant search and a virtualised list that stays smooth at any length. */
export function ClientList({ user }: { user: SessionUser }) {
  const isManager = user.role === 'manager';
  const [scope, setScope] = useState<'mine' | 'all' | 'free'>(isManager ? 'mine' : 'all');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const [managerId, setManagerId] = useState<string | null>(null);
  const [segment, setSegment] = useState<string | null>(null);
  const [region, setRegion] = useState<string | null>(null);
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [step, setStep] = useState<string | null>(null);
  const facets = useEntry('clients.facets', {});
  const stepValue = LADDER_STEPS.find((s) => s === step);
  const filters: ClientFilters = {
    scope: scope === 'all' && managerId ? 'all' : scope,
    managerId: scope === 'all' && managerId ? Number(managerId) : undefined,
    segment: opt(segment),
    region: opt(region),
    sourceId: sourceId ? Number(sourceId) : undefined,
    step: stepValue,
    query: opt(debounced.trim()),
  };
  const { total, rowAt, onRange } = usePagedClients(filters);
  const f = facets.data;
  return (
    <Paper withBorder radius="md" p={0}>
      <Group p="sm" gap="sm" wrap="wrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <SegmentedControl
          value={scope}
          onChange={(v) => setScope(v === 'mine' || v === 'free' ? v : 'all')}
          data={[
            { value: 'mine', label: S.scopes.mine },
            { value: 'all', label: S.scopes.all },
            { value: 'free', label: S.scopes.free },
          ]}
        />
        <TextInput
          placeholder={S.searchPlaceholder}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 200 }}
          data-testid="client-search"
        />
        {scope === 'all' && (
          <Select w={170} placeholder={S.filters.manager} clearable searchable value={managerId} onChange={setManagerId} data={(f?.managers ?? []).map((m) => ({ value: String(m.id), label: m.fullName }))} />
        )}
        <Select w={135} placeholder={S.filters.region} clearable searchable value={region} onChange={setRegion} data={f?.regions ?? []} />
        <Select w={135} placeholder={S.filters.segment} clearable searchable value={segment} onChange={setSegment} data={f?.segments ?? []} />
        <Select w={140} placeholder={S.filters.source} clearable value={sourceId} onChange={setSourceId} data={(f?.sources ?? []).map((s) => ({ value: String(s.id), label: s.name }))} />
        <Select w={135} placeholder={S.filters.step} clearable value={step} onChange={setStep} data={LADDER_STEPS.map((s) => ({ value: s, label: LADDER_TITLES[s] }))} />
      </Group>
      <Box h={36} bg="gray.1" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Cells header cells={[S.columns.name, S.columns.inn, S.columns.manager, S.columns.region, S.columns.segment, S.columns.step]} />
      </Box>
      {total === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {S.empty}
        </Text>
      ) : (
        <VirtualRows
          count={total ?? 0}
          rowHeight={ROW_HEIGHT}
          height="calc(100vh - 290px)"
          onRange={onRange}
          testId="client-list-scroll"
          renderRow={(i) => <Row row={rowAt(i)} index={i} />}
        />
      )}
      <Group justify="flex-end" px="sm" py={6} style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Text size="xs" c="dimmed" data-testid="client-total">
          {total === null ? '…' : S.total(total.toLocaleString('ru-RU'))}
        </Text>
      </Group>
    </Paper>
  );
}
