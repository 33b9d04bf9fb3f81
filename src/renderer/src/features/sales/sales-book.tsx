import { Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { STANDARD_KIND_LABELS, type StandardKind } from '../../../../shared/api/standards';
import { useEntry } from '../../api/call';
import { L } from './strings';

/** The order the sales book reads in: its own text, then scripts, incoming calls, letters, presentation, competitors. */
export const BOOK_ORDER: StandardKind[] = ['book', 'script', 'incoming', 'letter', 'presentation', 'competitor'];

/** Книга продаж: every current standard and the objection standard in one readable, printable page. */
export function SalesBook() {
  const { data } = useEntry('standards.book', {});
  if (!data) return null;
  return (
    <Stack gap="md" data-testid="sales-book">
      <Group justify="space-between">
        <Title order={2}>{L.book}</Title>
        <Button variant="default" onClick={() => window.print()}>
          {L.print}
        </Button>
      </Group>
      {BOOK_ORDER.map((kind) => {
        const items = data.standards.filter((s) => s.kind === kind);
        if (items.length === 0) return null;
        return (
          <Stack key={kind} gap="xs">
            <Title order={3}>{STANDARD_KIND_LABELS[kind]}</Title>
            {items.map((s) => (
              <Stack key={s.id} gap={4}>
                <Text fw={600}>{`${s.code ? `${s.code}. ` : ''}${s.title}`} <Text span size="xs" c="dimmed">({L.version.toLowerCase()} {s.version})</Text></Text>
                {s.kind === 'competitor' && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {[`${L.stronger}: ${s.stronger}`, `${L.weaker}: ${s.weaker}`, `${L.offer}: ${s.offer}`].join('\n')}
                  </Text>
                )}
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {s.body}
                </Text>
                {s.links.map((l) => (
                  <Text key={`${l.targetId}-${l.label}`} size="sm" c="indigo.7">
                    {l.label} → {l.targetCode ? `${l.targetCode}. ` : ''}
                    {l.targetTitle}
                  </Text>
                ))}
              </Stack>
            ))}
            <Divider />
          </Stack>
        );
      })}
      <Title order={3}>{L.objections}</Title>
      {data.objections.map((o) => (
        <Stack key={o.id} gap={2}>
          <Text fw={600}>«{o.text}»</Text>
          {o.answers.map((a) => (
            <Text key={a.id} size="sm" pl="md" style={{ whiteSpace: 'pre-wrap' }}>
              {a.product ? `${a.product}: ` : ''}
              {a.answer}
            </Text>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
