import { Alert, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { DashboardView } from '../../../../shared/api/dashboard-types';
import { useEntry } from '../../api/call';
import { DashCard, StatsTable, TodayList, VipCard, YearChart } from './dashboard-cards';
import { BigDealsTable, ForecastChart } from './forecast-view';
import { periodLabel } from './format';
import { PaceCard } from './pace-card';
import { PlanFactTable } from './plan-fact-table';
import { SigningCardsSlot } from './signing-slot';
import { H, P } from './strings';

function PlanBlock({ d, own }: { d: DashboardView; own: boolean }) {
  const pf = d.planFact;
  if (!pf) return null;
  return (
    <DashCard title={`${own ? H.myPlan : H.deptPlan}: ${periodLabel(d.month)}`} link="/plans/fact" testId="dashboard-plan">
      <Stack>
        {pf.factNote && <Alert color="yellow">{pf.factNote}</Alert>}
        <PlanFactTable rows={pf.rows} />
        {pf.pace ? <PaceCard pace={pf.pace} /> : <Text size="sm" c="dimmed">{P.paceNone}</Text>}
      </Stack>
    </DashCard>
  );
}

/** The home page by role: a manager's own plan, pace, forecast and day; the department's figures for the heads. */
export function Dashboard({ greeting, subtitle }: { greeting: string; subtitle: string }) {
  const { data: d } = useEntry('dashboard.get', {});
  const own = d?.scope === 'own';
  return (
    <Stack gap="lg" data-testid="dashboard">
      <div>
        <Title order={2}>{greeting}</Title>
        <Text c="dimmed">{subtitle}</Text>
      </div>
      {d && d.scope !== 'none' && (
        <>
          <PlanBlock d={d} own={own} />
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <DashCard title={H.year} link="/plans/fact" testId="dashboard-year">
              <YearChart months={d.year} />
            </DashCard>
            <DashCard title={own ? H.myForecast : H.forecast} link="/plans/forecast" testId="dashboard-forecast">
              <ForecastChart months={d.forecast} />
            </DashCard>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {own ? (
              <DashCard title={H.today} link="/deals/day" testId="dashboard-today">
                <TodayList items={d.todayActivities} />
              </DashCard>
            ) : (
              <DashCard title={H.stats} link="/reports/work-stats" testId="dashboard-stats-card">
                <StatsTable rows={d.stats} />
              </DashCard>
            )}
            <DashCard title={P.bigDeals} link="/plans/forecast">
              <BigDealsTable deals={d.bigDeals} compact />
            </DashCard>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {d.vip && <VipCard vip={d.vip} />}
            <SigningCardsSlot scope={own ? 'own' : 'department'} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
