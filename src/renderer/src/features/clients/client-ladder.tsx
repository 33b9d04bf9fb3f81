import { Card, Stepper, Text, Title } from '@mantine/core';
import type { Ladder } from '../../../../core/index';
import { S } from './strings';

/** The «наш клиент» ladder as steps: reached ones marked, computed from the client's data only. */
export function ClientLadder({ ladder }: { ladder: Ladder }) {
  const reached = ladder.steps.filter((s) => s.reached).length;
  return (
    <Card withBorder radius="md" data-testid="client-ladder">
      <Title order={5} mb="sm">
        {S.ladder.title}
      </Title>
      <Stepper active={reached} orientation="vertical" size="xs" allowNextStepsSelect={false}>
        {ladder.steps.map((s) => (
          <Stepper.Step
            key={s.step}
            label={S.ladder.short[s.step]}
            description={s.implied ? S.ladder.implied : s.step === 'closed' || s.step === 'repeat' ? s.title : undefined}
            color={s.implied ? 'gray' : undefined}
          />
        ))}
      </Stepper>
      <Text size="xs" c="dimmed" mt="xs">
        {S.ladder.note}
      </Text>
    </Card>
  );
}
