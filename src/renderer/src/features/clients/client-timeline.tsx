import { Button, Group, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { useState } from 'react';
import type { ClientCard } from '../../../../shared/api/client-types';
import { request, showError, useEntry } from '../../api/call';
import { S } from './strings';
import { when } from './when';

const BULLETS: Record<string, string> = { note: 'blue', transfer: 'grape', questionnaire: 'teal', import: 'gray', created: 'gray' };

/** Everything that happened with the client, newest first; the responsible manager adds notes. */
export function ClientTimeline({ card }: { card: ClientCard }) {
  const { data } = useEntry('clients.timeline', { clientId: card.id });
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const add = async () => {
    setBusy(true);
    const res = await request('clients.addNote', { clientId: card.id, text });
    setBusy(false);
    if (res.error) return showError(res.error);
    setText('');
  };
  return (
    <Stack>
      {card.canEdit && (
        <Stack gap="xs">
          <Textarea placeholder={S.timeline.placeholder} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} data-testid="note-text" />
          <Group justify="flex-end">
            <Button size="xs" disabled={text.trim() === ''} loading={busy} onClick={() => void add()}>
              {S.timeline.addNote}
            </Button>
          </Group>
        </Stack>
      )}
      {data && data.length === 0 && <Text c="dimmed">{S.timeline.empty}</Text>}
      <Timeline bulletSize={14} lineWidth={2}>
        {(data ?? []).map((e) => (
          <Timeline.Item key={e.id} color={BULLETS[e.kind] ?? 'indigo'}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {e.text}
            </Text>
            <Text size="xs" c="dimmed">
              {when(e.at)}
              {e.userName ? ` · ${e.userName}` : ''}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
