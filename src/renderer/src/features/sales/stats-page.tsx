import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Button, Card, Group, List, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateNumeric, WORK_METRIC_LABELS, WORK_METRICS, type WorkMetric } from '../../../../core/index';
import type { SessionUser } from '../../../../shared/api/auth';
import { request, showError, useEntry } from '../../api/call';
import { todayLocal } from './dates';
import { StatsTable, ConversionsTable } from './stats-table';
import { R, S } from './strings';
import { DateField } from '../../app/date-fields';

const COLORS = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.6', 'red.6', 'lime.7', 'pink.6', 'blue.6', 'yellow.7'];

function monthStart(day: string): string {
  return `${day.slice(0, 8)}01`;
}

/** Saves base64 bytes as a file through a download link (Electron's main process may show a Save dialog later). */
function download(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Отчёты → Статистика коммерческой работы: counters, conversions, a chart per manager, objections, XLSX. */
export function StatsPage({ user }: { user: SessionUser }) {
  const today = todayLocal();
  const [from, setFrom] = useState(monthStart(today));
  const [to, setTo] = useState(today);
  const [granularity, setGranularity] = useState<'day' | 'week' | 'month'>('day');
  const [managerId, setManagerId] = useState<string | null>(null);
  const [metric, setMetric] = useState<WorkMetric>('calls');
  const people = useEntry('sales.people', {});
  const query = { from, to, granularity, managerId: managerId ? Number(managerId) : undefined };
  const { data: stats } = useEntry('workStats.get', query);
  const exportXlsx = async () => {
    const res = await request('workStats.export', query);
    if (res.error) return showError(res.error);
    download(res.data.fileName, res.data.base64);
  };
  const chart = (stats?.series ?? []).map((p) => ({
    bucket: granularity === 'month' ? formatDateNumeric(p.bucket).slice(3) : formatDateNumeric(p.bucket).slice(0, 5),
    ...Object.fromEntries(stats?.rows.map((r) => [r.name, p.byManager[String(r.managerId)]?.[metric] ?? 0]) ?? []),
  }));
  return (
    <Stack>
      <Title order={3}>{R.title}</Title>
      <Text size="sm" c="dimmed">
        {R.source}
      </Text>
      <Group align="flex-end" gap="sm">
        <DateField label={R.from} value={from} onChange={(v) => setFrom(v || from)} w={170} />
        <DateField label={R.to} value={to} onChange={(v) => setTo(v || to)} w={170} />
        <SegmentedControl
          value={granularity}
          onChange={(v) => setGranularity(v === 'week' ? 'week' : v === 'month' ? 'month' : 'day')}
          data={[
            { value: 'day', label: R.byDay },
            { value: 'week', label: R.byWeek },
            { value: 'month', label: R.byMonth },
          ]}
        />
        {user.role !== 'manager' && (
          <Select
            label={S.manager}
            placeholder={S.allManagers}
            clearable
            data={(people.data ?? []).map((p) => ({ value: String(p.id), label: p.fullName }))}
            value={managerId}
            onChange={setManagerId}
            w={240}
          />
        )}
        <Button variant="light" onClick={() => void exportXlsx()}>
          {R.export}
        </Button>
      </Group>
      {stats && (
        <>
          <StatsTable stats={stats} />
          <Text fw={600}>{R.conversions}</Text>
          <ConversionsTable stats={stats} />
          <Card withBorder radius="md">
            <Group justify="space-between" mb="sm">
              <Text fw={600}>{R.chart}</Text>
              <Select
                aria-label={R.metric}
                data={WORK_METRICS.filter((m) => stats.connected[m]).map((m) => ({ value: m, label: WORK_METRIC_LABELS[m] }))}
                value={metric}
                onChange={(v) => setMetric(WORK_METRICS.find((m) => m === v) ?? 'calls')}
                allowDeselect={false}
                w={240}
              />
            </Group>
            <LineChart
              h={260}
              data={chart}
              dataKey="bucket"
              series={stats.rows.map((r, i) => ({ name: r.name, color: COLORS[i % COLORS.length] }))}
              withLegend
              curveType="linear"
              withDots={chart.length <= 40}
              yAxisProps={{ allowDecimals: false }}
            />
          </Card>
          <Card withBorder radius="md" data-testid="top-objections">
            <Text fw={600} mb="xs">
              {R.objections}
            </Text>
            {stats.topObjections.length === 0 ? (
              <Text size="sm" c="dimmed">
                {R.noObjections}
              </Text>
            ) : (
              <List type="ordered" spacing={4}>
                {stats.topObjections.map((o) => (
                  <List.Item key={o.objectionId}>
                    «{o.text}» — {o.count}
                  </List.Item>
                ))}
              </List>
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}
