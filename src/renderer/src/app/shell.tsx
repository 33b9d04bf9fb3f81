import { AppShell, Badge, Button, Group, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SessionUser } from '../../../shared/api/auth';
import { ROLE_TITLES } from '../../../shared/roles';
import { ApprovalsNavBadge } from '../features/documents/approvals-nav-badge';
import { ClientSpotlight } from '../features/clients/client-spotlight';
import { SigningNavBadge } from '../features/signing/nav-badge';
import { navigate } from './router';
import { sectionsFor } from './sections';

/** The frame of the app: navigation on the left, who is signed in on top. */
export function Shell({ user, path, onLogout, children }: { user: SessionUser; path: string; onLogout: () => void; children: ReactNode }) {
  const visible = sectionsFor(user.role);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="lg">
            <Title order={3} c="indigo.7" style={{ cursor: 'pointer' }} onClick={() => navigate('/')}>
              Сделка
            </Title>
            <ClientSpotlight />
          </Group>
          <Group gap="sm">
            <Stack gap={0} align="flex-end">
              <Text size="sm" fw={500} data-testid="current-user">
                {user.fullName}
              </Text>
              <Badge size="xs" variant="light">
                {ROLE_TITLES[user.role]}
              </Badge>
            </Stack>
            <Button variant="default" size="xs" onClick={onLogout}>
              Выйти
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          <nav aria-label="Разделы">
            {visible.map((s) => (
              <NavLink
                key={s.path}
                href={`#${s.path}`}
                label={s.label}
                active={path === s.path || path.startsWith(`${s.path}/`)}
                rightSection={
                  s.path === '/signatures' ? <SigningNavBadge /> : s.path === '/documents' && (user.role === 'director' || user.role === 'head_of_sales') ? <ApprovalsNavBadge /> : undefined
                }
                variant="filled"
              />
            ))}
          </nav>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">{children}</AppShell.Main>
    </AppShell>
  );
}
