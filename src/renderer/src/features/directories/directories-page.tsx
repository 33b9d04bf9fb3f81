import { Stack, Tabs, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import type { Role } from '../../../../shared/roles';
import { navigate } from '../../app/router';
import { FormsTab } from '../clients/forms-tab';
import { CatalogPage } from '../documents/catalog-page';
import { DiscountsPage } from '../documents/discounts-page';
import { NumberingPage } from '../documents/numbering-page';
import { StampPage } from '../documents/stamp-page';
import { TemplatesPage } from '../documents/templates-page';
import { SourcesTab } from '../clients/sources-tab';
import { LossReasonsPage } from '../sales/loss-reasons-page';
import { StandardsPage } from '../sales/standards-page';
import { SigningRulesPage } from '../signing/rules-page';

/** One directory under Справочники; areas add theirs to DIRECTORY_PAGES. */
export interface DirectoryPage {
  key: string;
  label: string;
  roles?: readonly Role[];
  render: (user: SessionUser) => ReactNode;
}

const heads = (user: SessionUser) => user.role === 'director' || user.role === 'head_of_sales';

/** The directories, in the order of the tabs. */
export const DIRECTORY_PAGES: DirectoryPage[] = [
  { key: 'standards', label: 'Стандарты продаж', render: (user) => <StandardsPage user={user} /> },
  { key: 'loss-reasons', label: 'Причины проигрыша', render: (user) => <LossReasonsPage canEdit={heads(user)} /> },
  { key: 'client-sources', label: 'Источники клиентов', render: (user) => <SourcesTab canEdit={heads(user) || user.role === 'office_manager'} /> },
  { key: 'questionnaires', label: 'Анкеты', render: (user) => <FormsTab canEdit={heads(user)} /> },
  { key: 'templates', label: 'Шаблоны', render: (user) => <TemplatesPage user={user} /> },
  { key: 'catalog', label: 'Товары и услуги', render: (user) => <CatalogPage user={user} /> },
  { key: 'discounts', label: 'Внутренний прайс-лист', roles: ['director', 'head_of_sales', 'manager', 'office_manager'], render: (user) => <DiscountsPage user={user} /> },
  { key: 'numbering', label: 'Нумерация документов', roles: ['director', 'head_of_sales', 'manager', 'office_manager'], render: (user) => <NumberingPage user={user} /> },
  { key: 'stamp', label: 'Печать и подпись', render: (user) => <StampPage user={user} /> },
  { key: 'signing', label: 'Сроки подписания и календарь', render: (user) => <SigningRulesPage user={user} /> },
];

/** Справочники: a tab per directory; the path is /directories/<key>. */
export function DirectoriesPage({ user, rest }: { user: SessionUser; rest: string[] }) {
  const pages = DIRECTORY_PAGES.filter((p) => !p.roles || p.roles.includes(user.role));
  const active = pages.find((p) => p.key === rest[0]) ?? pages[0];
  return (
    <Stack>
      <Title order={2}>Справочники</Title>
      <Tabs value={active.key} onChange={(v) => navigate(`/directories/${v ?? ''}`)}>
        <Tabs.List>
          {pages.map((p) => (
            <Tabs.Tab key={p.key} value={p.key}>
              {p.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {active.render(user)}
    </Stack>
  );
}
