import { Stack, Tabs, Title } from '@mantine/core';
import type { SessionUser } from '../../../../shared/api/auth';
import type { Role } from '../../../../shared/roles';
import { navigate } from '../../app/router';
import { AuditTab } from '../audit/audit-tab';
import { BackupsTab } from '../backups/backups-tab';
import { OfficeTab } from '../office/office-tab';
import { AboutTab } from './about-tab';
import { GeneralTab } from './general-tab';
import { MonthCloserSetting } from './month-closer-setting';
import { OrgsTab } from './orgs-tab';
import { UsersTab } from './users-tab';

const BACKUP_ROLES: readonly Role[] = ['director', 'accountant'];

const TABS: { value: string; label: string; directorOnly?: boolean; roles?: readonly Role[] }[] = [
  { value: 'orgs', label: 'Организации' },
  { value: 'users', label: 'Сотрудники', directorOnly: true },
  { value: 'general', label: 'Общие' },
  { value: 'office', label: 'Офис', directorOnly: true },
  { value: 'backups', label: 'Резервные копии', roles: BACKUP_ROLES },
  { value: 'audit', label: 'Журнал изменений', directorOnly: true },
  { value: 'about', label: 'О программе' },
];

/** Настройки: our organisations, people (director only), office settings, about. */
export function SettingsPage({ user, tab }: { user: SessionUser; tab: string }) {
  const isDirector = user.role === 'director';
  const tabs = TABS.filter((t) => (!t.directorOnly || isDirector) && (!t.roles || t.roles.includes(user.role)));
  const active = TABS.some((t) => t.value === tab) ? tab : 'orgs';
  return (
    <Stack>
      <Title order={2}>Настройки</Title>
      <Tabs value={active} onChange={(v) => navigate(`/settings/${v ?? 'orgs'}`)} keepMounted={false}>
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="orgs" pt="md">
          <OrgsTab canEdit={isDirector} />
        </Tabs.Panel>
        <Tabs.Panel value="users" pt="md">
          <UsersTab isDirector={isDirector} currentUserId={user.id} />
        </Tabs.Panel>
        <Tabs.Panel value="general" pt="md">
          <Stack gap="xl">
            <GeneralTab canEdit={isDirector} />
            <MonthCloserSetting />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="office" pt="md">
          {isDirector && <OfficeTab />}
        </Tabs.Panel>
        <Tabs.Panel value="backups" pt="md">
          {BACKUP_ROLES.includes(user.role) && <BackupsTab user={user} />}
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          {isDirector && <AuditTab />}
        </Tabs.Panel>
        <Tabs.Panel value="about" pt="md">
          <AboutTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
