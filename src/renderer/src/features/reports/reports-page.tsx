import { Alert, Stack, Tabs, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import type { Role } from '../../../../shared/roles';
import { navigate } from '../../app/router';
import { CommercialReportPage } from '../money/commercial-report-page';
import { StatsPage } from '../sales/stats-page';

/** One report under Отчёты; areas add theirs to REPORT_PAGES. */
export interface ReportPage {
  key: string;
  label: string;
  roles?: readonly Role[];
  render: (user: SessionUser) => ReactNode;
}

/** The reports, in the order of the tabs. */
export const REPORT_PAGES: ReportPage[] = [
  { key: 'work-stats', label: 'Статистика коммерческой работы', roles: ['director', 'head_of_sales', 'manager'], render: (user) => <StatsPage user={user} /> },
  { key: 'commercial', label: 'Коммерческий отчёт', render: (user) => <CommercialReportPage user={user} /> },
];

/** Отчёты: a tab per report the signed-in role may open; the path is /reports/<key>. */
export function ReportsPage({ user, rest }: { user: SessionUser; rest: string[] }) {
  const pages = REPORT_PAGES.filter((p) => !p.roles || p.roles.includes(user.role));
  const active = pages.find((p) => p.key === rest[0]) ?? pages[0];
  if (!active) {
    return (
      <Stack>
        <Title order={2}>Отчёты</Title>
        <Alert color="gray">Для вашей роли отчётов пока нет.</Alert>
      </Stack>
    );
  }
  return (
    <Stack>
      <Title order={2}>Отчёты</Title>
      {pages.length > 1 && (
        <Tabs value={active.key} onChange={(v) => navigate(`/reports/${v ?? ''}`)}>
          <Tabs.List>
            {pages.map((p) => (
              <Tabs.Tab key={p.key} value={p.key}>
                {p.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      )}
      {active.render(user)}
    </Stack>
  );
}
