import { LineChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { PaceDto } from '../../../../shared/api/plan-types';
import { percent, roubles, rub } from './format';
import { P } from './strings';

function Figure({ label, value, color, testId }: { label: string; value: string; color?: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={color} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

/** The month's pace: where we are today against a linear plan, what is needed per remaining working day, and the line by day. */
export function PaceCard({ pace, title = P.paceTitle }: { pace: PaceDto; title?: string }) {
  const behind = pace.pacePercent !== null && Number(pace.pacePercent) < 100;
  const data = pace.days.map((d) => ({
    day: d.day.slice(8, 10),
    [P.chartLinear]: roubles(d.linearPlanKopecks),
    [P.chartFact]: roubles(d.factKopecks),
    [P.chartLastYear]: roubles(d.lastYearKopecks),
  }));
  return (
    <Card withBorder radius="md" data-testid="pace-card">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed">
          {P.paceDays(pace.remainingWorkingDays, pace.totalWorkingDays)}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} mb="md">
        <Figure label={P.paceLinear} value={rub(pace.linearPlanToDateKopecks)} />
        <Figure label={P.pacePercent} value={percent(pace.pacePercent)} color={behind ? 'red' : 'teal'} testId="pace-percent" />
        <Figure label={P.paceRemaining} value={rub(pace.remainingKopecks)} />
        <Figure label={P.paceNeeded} value={rub(pace.neededPerDayKopecks)} testId="pace-needed" />
        <Figure label={P.paceProjected} value={rub(pace.projectedKopecks)} />
        <Figure label={P.paceLastYearToDate} value={rub(pace.lastYearToDateKopecks)} />
      </SimpleGrid>
      <LineChart
        h={220}
        data={data}
        dataKey="day"
        series={[
          { name: P.chartLinear, color: 'gray.6' },
          { name: P.chartFact, color: 'indigo.6' },
          { name: P.chartLastYear, color: 'orange.5' },
        ]}
        withLegend
        withDots={false}
        curveType="linear"
        valueFormatter={(v) => rub(v * 100)}
        yAxisProps={{ width: 90, tickFormatter: (v: number) => `${Math.round(v / 1000).toLocaleString('ru-RU')} тыс.` }}
      />
    </Card>
  );
}
