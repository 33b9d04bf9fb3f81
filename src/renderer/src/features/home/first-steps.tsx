import { Anchor, Card, Checkbox, Stack, Text, Title } from '@mantine/core';
import { useEntry } from '../../api/call';

/** «Первые шаги» (director and head of sales): what a new office still has to do, ticked from the data; gone once everything is done. */
export function FirstSteps() {
  const { data } = useEntry('home.firstSteps', {});
  if (!data || data.allDone) return null;
  const left = data.steps.filter((s) => !s.done).length;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="first-steps">
      <Stack gap="xs">
        <Title order={3}>Первые шаги</Title>
        <Text size="sm" c="dimmed">
          Осталось шагов: {left} из {data.steps.length}. Отметки ставятся сами, по данным программы; список исчезнет, когда всё будет сделано.
        </Text>
        {data.steps.map((s) => (
          <Checkbox
            key={s.key}
            checked={s.done}
            readOnly
            data-step={s.key}
            label={
              s.done ? (
                <Text size="sm" c="dimmed" td="line-through">
                  {s.label}
                </Text>
              ) : (
                <Anchor size="sm" href={`#${s.link}`}>
                  {s.label}
                </Anchor>
              )
            }
          />
        ))}
      </Stack>
    </Card>
  );
}
