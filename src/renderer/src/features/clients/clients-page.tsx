import { Button, Group, Stack, Tabs, Title } from '@mantine/core';
import type { SessionUser } from '../../../../shared/api/auth';
import { navigate } from '../../app/router';
import { ClientCardPage } from './client-card-page';
import { ClientList } from './client-list';
import { ConflictsPage } from './conflicts-page';
import { DivisionPage } from './division-page';
import { ImportWizard } from './import-wizard';
import { NewClientPage } from './new-client-page';
import { S } from './strings';

const heads = (user: SessionUser) => user.role === 'director' || user.role === 'head_of_sales';
const importers = (user: SessionUser) => heads(user) || user.role === 'manager';

/** Клиенты: the base, a card (/clients/<id>), a new card, the import wizard, division and conflicts. */
export function ClientsPage({ user, rest }: { user: SessionUser; rest: string[] }) {
  const [first = 'list', second = ''] = rest;
  if (/^\d+$/.test(first)) return <ClientCardPage user={user} id={Number(first)} tab={second} />;
  if (first === 'new') return <NewClientPage user={user} />;
  const tabs = [
    { value: 'list', label: S.tabs.list, show: true },
    { value: 'import', label: S.tabs.import, show: importers(user) },
    { value: 'division', label: S.tabs.division, show: true },
    { value: 'conflicts', label: S.tabs.conflicts, show: heads(user) },
  ].filter((t) => t.show);
  const active = tabs.find((t) => t.value === first)?.value ?? 'list';
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{S.title}</Title>
        <Group gap="xs">
          {user.role !== 'accountant' && (
            <Button onClick={() => navigate('/clients/new')} data-testid="new-client">
              {S.newClient}
            </Button>
          )}
          {importers(user) && (
            <Button variant="light" onClick={() => navigate('/clients/import')}>
              {S.importList}
            </Button>
          )}
        </Group>
      </Group>
      <Tabs value={active} onChange={(v) => navigate(v === 'list' || !v ? '/clients' : `/clients/${v}`)}>
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {active === 'list' && <ClientList user={user} />}
      {active === 'import' && <ImportWizard user={user} />}
      {active === 'division' && <DivisionPage user={user} />}
      {active === 'conflicts' && <ConflictsPage />}
    </Stack>
  );
}
