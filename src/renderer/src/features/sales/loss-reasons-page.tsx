import { Button, Group, Stack, Switch, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { request, showError, useEntry } from '../../api/call';
import { L } from './strings';

/** Справочники → Причины проигрыша: the editable list a lost deal's reason is picked from. */
export function LossReasonsPage({ canEdit }: { canEdit: boolean }) {
  const { data } = useEntry('lossReasons.list', {});
  const [title, setTitle] = useState('');
  const save = async (input: { id?: number; title: string; archived: boolean }) => {
    const res = await request('lossReasons.save', input);
    if (res.error) return showError(res.error);
    setTitle('');
  };
  return (
    <Stack maw={640}>
      <Title order={3}>{L.lossReasons}</Title>
      <Table withTableBorder>
        <Table.Tbody>
          {(data ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td c={r.archived ? 'dimmed' : undefined}>{r.title}</Table.Td>
              <Table.Td w={160}>
                <Switch label="В архиве" checked={r.archived} disabled={!canEdit} onChange={(e) => void save({ id: r.id, title: r.title, archived: e.currentTarget.checked })} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canEdit && (
        <Group>
          <TextInput value={title} onChange={(e) => setTitle(e.currentTarget.value)} placeholder={L.addReason} w={360} />
          <Button variant="light" disabled={!title.trim()} onClick={() => void save({ title, archived: false })}>
            {L.addReason}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
