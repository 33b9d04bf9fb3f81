import { Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { request, showError, useEntry } from '../../api/call';
import { L } from './strings';

function AnswerForm({ objectionId }: { objectionId: number }) {
  const [product, setProduct] = useState('');
  const [answer, setAnswer] = useState('');
  const save = async () => {
    const res = await request('objections.saveAnswer', { objectionId, product, answer });
    if (res.error) return showError(res.error);
    setProduct('');
    setAnswer('');
  };
  return (
    <Stack gap={4}>
      <TextInput size="xs" placeholder={L.product} value={product} onChange={(e) => setProduct(e.currentTarget.value)} />
      <Textarea size="xs" placeholder={L.answer} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} autosize minRows={2} />
      <Button size="xs" variant="light" w="fit-content" disabled={!answer.trim()} onClick={() => void save()}>
        {L.addAnswer}
      </Button>
    </Stack>
  );
}

/** The objection standard: objection → strong answers by product, with how often each worked. */
export function ObjectionsView({ canEdit }: { canEdit: boolean }) {
  const { data } = useEntry('objections.list', {});
  const [text, setText] = useState('');
  const add = async () => {
    const res = await request('objections.save', { text });
    if (res.error) return showError(res.error);
    setText('');
  };
  const accept = async (id: number) => {
    const res = await request('objections.accept', { id });
    if (res.error) return showError(res.error);
  };
  const worked = async (answerId: number) => {
    const res = await request('objections.worked', { answerId });
    if (res.error) return showError(res.error);
  };
  return (
    <Stack gap="sm">
      <Title order={3}>{L.objections}</Title>
      {(data ?? []).map((o) => (
        <Card key={o.id} withBorder radius="md" padding="sm">
          <Group justify="space-between">
            <Text fw={600}>«{o.text}»</Text>
            {o.proposed && (
              <Group gap="xs">
                <Text size="xs" c="orange">
                  Предложил(а) {o.proposedByName ?? '—'}
                </Text>
                {canEdit && (
                  <Button size="compact-xs" color="teal" onClick={() => void accept(o.id)}>
                    Принять в стандарт
                  </Button>
                )}
              </Group>
            )}
          </Group>
          <Stack gap="xs" mt="xs">
            {o.answers.map((a) => (
              <Stack key={a.id} gap={2} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-indigo-2)' }}>
                {a.product && (
                  <Text size="xs" c="dimmed">
                    {a.product}
                  </Text>
                )}
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {a.answer}
                </Text>
                <Group gap={6}>
                  <Button size="compact-xs" variant="light" color="teal" onClick={() => void worked(a.id)}>
                    {L.worked}
                  </Button>
                  <Text size="xs" c="dimmed">
                    {L.workedCount}: {a.worked}
                  </Text>
                </Group>
              </Stack>
            ))}
            {canEdit && <AnswerForm objectionId={o.id} />}
          </Stack>
        </Card>
      ))}
      {canEdit && (
        <Group>
          <TextInput placeholder={L.newObjection} value={text} onChange={(e) => setText(e.currentTarget.value)} w={360} />
          <Button variant="light" disabled={!text.trim()} onClick={() => void add()}>
            {L.newObjection}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
