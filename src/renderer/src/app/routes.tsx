import type { ReactNode } from 'react';
import type { SessionUser } from '../../../shared/api/auth';
import { AreaPlaceholder } from '../features/areas/area-placeholder';
import { ClientsPage } from '../features/clients/clients-page';
import { DirectoriesPage } from '../features/directories/directories-page';
import { DocumentsPage } from '../features/documents/documents-page';
import { HomePage } from '../features/home/home-page';
import { PaymentsPage } from '../features/money/payments-page';
import { PayrollPage } from '../features/payroll/payroll-page';
import { PlansPage } from '../features/plans/plans-page';
import { ReportsPage } from '../features/reports/reports-page';
import { DealsPage } from '../features/sales/deals-page';
import { SettingsPage } from '../features/settings/settings-page';
import { SigningPage } from '../features/signing/signing-page';
import { SECTIONS } from './sections';

/** A page of the app: the path prefix it serves and how it renders for the signed-in user. */
interface Route {
  prefix: string;
  render: (user: SessionUser, rest: string[]) => ReactNode;
}

/** Built areas; sections without a route show their honest empty state. */
const ROUTES: Route[] = [
  { prefix: '/settings', render: (user, rest) => <SettingsPage user={user} tab={rest[0] ?? 'orgs'} /> },
  { prefix: '/clients', render: (user, rest) => <ClientsPage user={user} rest={rest} /> },
  { prefix: '/deals', render: (user, rest) => <DealsPage user={user} rest={rest} /> },
  { prefix: '/documents', render: (user, rest) => <DocumentsPage user={user} rest={rest} /> },
  { prefix: '/plans', render: (user, rest) => <PlansPage user={user} rest={rest} /> },
  { prefix: '/signatures', render: (user, rest) => <SigningPage user={user} rest={rest} /> },
  { prefix: '/payroll', render: (user, rest) => <PayrollPage user={user} rest={rest} /> },
  { prefix: '/payments', render: (user, rest) => <PaymentsPage user={user} rest={rest} /> },
  { prefix: '/reports', render: (user, rest) => <ReportsPage user={user} rest={rest} /> },
  { prefix: '/directories', render: (user, rest) => <DirectoriesPage user={user} rest={rest} /> },
];

/** Renders the page for a path. */
export function renderRoute(path: string, user: SessionUser): ReactNode {
  if (path === '/') return <HomePage user={user} />;
  for (const r of ROUTES) {
    if (path === r.prefix || path.startsWith(`${r.prefix}/`)) {
      return r.render(user, path.slice(r.prefix.length).split('/').filter(Boolean));
    }
  }
  const section = SECTIONS.find((s) => path === s.path || path.startsWith(`${s.path}/`));
  return section ? <AreaPlaceholder path={section.path} /> : <HomePage user={user} />;
}
