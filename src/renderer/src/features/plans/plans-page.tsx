import { Alert, Stack, Tabs, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import { INBOUND_WRITERS, PLAN_READERS } from '../../../../shared/api/plans';
import { SALES_ROLES } from '../../../../shared/api/sales';
import type { Role } from '../../../../shared/roles';
import { navigate } from '../../app/router';
import { ForecastView } from './forecast-view';
import { InboundView } from './inbound-view';
import { PlanFactPage } from './plan-fact-page';
import { PlanGridView } from './plan-grid';
import { P } from './strings';
import { VipView } from './vip-view';
import { WeekView } from './week-view';

interface PlansTab {
  key: string;
  label: string;
  roles: readonly Role[];
  render: (user: SessionUser) => ReactNode;
}

const TABS: PlansTab[] = [
  { key: 'fact', label: P.tabFact, roles: PLAN_READERS, render: (user) => <PlanFactPage user={user} /> },
  { key: 'grid', label: P.tabGrid, roles: PLAN_READERS, render: (user) => <PlanGridView user={user} /> },
  { key: 'forecast', label: P.tabForecast, roles: SALES_ROLES, render: (user) => <ForecastView user={user} /> },
  { key: 'week', label: P.tabWeek, roles: SALES_ROLES, render: (user) => <WeekView user={user} /> },
  { key: 'inbound', label: P.tabInbound, roles: INBOUND_WRITERS, render: (user) => <InboundView user={user} /> },
  { key: 'vip', label: P.tabVip, roles: SALES_ROLES, render: (user) => <VipView user={user} /> },
];

/** Планы и прогноз: a tab per view the role may open; the path is /plans/<tab>. */
export function PlansPage({ user, rest }: { user: SessionUser; rest: string[] }) {
  const tabs = TABS.filter((t) => t.roles.includes(user.role));
  const active = tabs.find((t) => t.key === rest[0]) ?? tabs[0];
  return (
    <Stack>
      <Title order={2}>{P.title}</Title>
      {!active ? (
        <Alert color="gray">Для вашей роли здесь ничего нет.</Alert>
      ) : (
        <>
          <Tabs value={active.key} onChange={(v) => navigate(`/plans/${v ?? ''}`)}>
            <Tabs.List>
              {tabs.map((t) => (
                <Tabs.Tab key={t.key} value={t.key}>
                  {t.label}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
          {active.render(user)}
        </>
      )}
    </Stack>
  );
}
