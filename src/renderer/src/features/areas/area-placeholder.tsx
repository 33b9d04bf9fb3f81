import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { AREA_PLANS } from './strings';

/** An honest empty state for an area that is not built yet: what will be here, no fake data. */
export function AreaPlaceholder({ path }: { path: string }) {
  const plan = AREA_PLANS[path];
  if (!plan) return null;
  return (
    <Stack gap="md" maw={720}>
      <Title order={2}>{plan.title}</Title>
      <Alert variant="light" color="gray" title="Раздел в разработке">
        <Text size="sm">{plan.text}</Text>
      </Alert>
      <Text fw={500}>Что здесь появится:</Text>
      <List spacing="xs">
        {plan.items.map((i) => (
          <List.Item key={i}>{i}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
