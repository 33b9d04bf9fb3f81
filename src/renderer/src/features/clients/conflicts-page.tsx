import { Anchor, Button, Group, Modal, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { ClaimConflict, Responsible } from '../../../../shared/api/client-types';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { DS, S } from './strings';
import { when } from './when';

/** Споры: two managers claiming one client; the head of sales keeps it with one of them, with a note. */
export function ConflictsPage() {
  const { data } = useEntry('clients.conflicts', {});
  const [deciding, setDeciding] = useState<{ c: ClaimConflict; winner: Responsible } | null>(null);
  const [note, setNote] = useState('');
  const resolve = async () => {
    if (!deciding) return;
    const res = await request('clients.resolveConflict', { id: deciding.c.id, winnerId: deciding.winner.id, note });
    if (res.error) return showError(res.error);
    showSuccess(DS.conflicts.resolved);
    setDeciding(null);
  };
  const C = DS.conflicts;
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack>
        <Title order={4}>{C.title}</Title>
        <Text size="sm" c="dimmed">
          {C.intro}
        </Text>
        {data && data.length === 0 && <Text c="dimmed">{C.empty}</Text>}
        {data && data.length > 0 && (
          <Table striped withTableBorder verticalSpacing="sm" data-testid="conflicts-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{C.client}</Table.Th>
                <Table.Th>{C.holder}</Table.Th>
                <Table.Th>{C.claimant}</Table.Th>
                <Table.Th>{C.reason}</Table.Th>
                <Table.Th>{C.since}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor size="sm" href={`#/clients/${c.clientId}`}>
                      {c.clientName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.holder?.fullName ?? S.noOwner}</Table.Td>
                  <Table.Td>{c.claimant.fullName}</Table.Td>
                  <Table.Td maw={320}>
                    <Text size="sm">{c.reason || '—'}</Text>
                  </Table.Td>
                  <Table.Td>{when(c.createdAt)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {c.holder && (
                        <Button size="compact-xs" variant="light" onClick={() => c.holder && setDeciding({ c, winner: c.holder })}>
                          {C.keep}
                        </Button>
                      )}
                      <Button size="compact-xs" variant="light" color="orange" onClick={() => setDeciding({ c, winner: c.claimant })}>
                        {C.give}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Modal opened={deciding !== null} onClose={() => setDeciding(null)} title={deciding ? `${deciding.c.clientName}: ${deciding.winner.fullName}` : ''}>
        <Stack>
          <Textarea label={C.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeciding(null)}>
              {S.cancel}
            </Button>
            <Button onClick={() => void resolve()}>{S.save}</Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
