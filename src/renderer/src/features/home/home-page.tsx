import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { SessionUser } from '../../../../shared/api/auth';
import { SALES_ROLES } from '../../../../shared/api/sales';
import { ROLE_TITLES } from '../../../../shared/roles';
import { useEntry } from '../../api/call';
import { sectionsFor } from '../../app/sections';
import { Dashboard } from '../plans/dashboard';
import { FirstSteps } from './first-steps';

/** The start page: the sales dashboard by role (plans, pace, forecast, the day) or, for other roles, where to go. */
export function HomePage({ user }: { user: SessionUser }) {
  const { data: orgs } = useEntry('orgs.list', {});
  const main = orgs?.find((o) => o.isDefault) ?? orgs?.[0];
  const greeting = `Здравствуйте, ${user.fullName.split(' ').slice(1, 2).join('') || user.fullName}!`;
  const subtitle = `${ROLE_TITLES[user.role]}${main ? ` · ${main.shortName}` : ''}`;
  const steps = user.role === 'director' || user.role === 'head_of_sales' ? <FirstSteps /> : null;
  if (SALES_ROLES.includes(user.role)) {
    return (
      <Stack gap="lg">
        {steps}
        <Dashboard greeting={greeting} subtitle={subtitle} />
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      {steps}
      <div>
        <Title order={2}>{greeting}</Title>
        <Text c="dimmed">{subtitle}</Text>
      </div>
      <SimpleGrid cols={{ base: 2, md: 3 }}>
        {sectionsFor(user.role).map((s) => (
          <Card key={s.path} component="a" href={`#${s.path}`} withBorder padding="md" radius="md">
            <Text fw={600}>{s.label}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
