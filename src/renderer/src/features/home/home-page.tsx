import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { SessionUser } from '../../../../shared/api/auth';
import { ROLE_TITLES } from '../../../../shared/roles';
import { useApi } from '../../api/call';
import { navigate } from '../../app/router';
import { SECTIONS } from '../../app/sections';

/** The start page: who is working, for which organisation, and where to go. */
export function HomePage({ user }: { user: SessionUser }) {
  const { data: orgs } = useApi('orgs.list', {});
  const main = orgs?.find((o) => o.isDefault) ?? orgs?.[0];
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Здравствуйте, {user.fullName.split(' ').slice(1, 2).join('') || user.fullName}!</Title>
        <Text c="dimmed">
          {ROLE_TITLES[user.role]}
          {main ? ` · ${main.shortName}` : ''}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 2, md: 3 }}>
        {SECTIONS.filter((s) => !s.roles || s.roles.includes(user.role)).map((s) => (
          <Card key={s.path} withBorder padding="md" radius="md" style={{ cursor: 'pointer' }} onClick={() => navigate(s.path)}>
            <Text fw={600}>{s.label}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
