import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { ROLE_TITLES } from '../../../../shared/roles';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { OFFICE_TEXT as T } from './strings';

function when(iso: string): string {
  return new Date(iso).toLocaleString('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** «Сеансы»: who is signed in, from which computer, since when; the director ends a session. */
export function SessionsList() {
  const { data } = useEntry('office.sessions', {});
  const end = async (id: string) => {
    const res = await request('office.endSession', { id });
    if (res.error) return showError(res.error);
    showSuccess(T.ended);
  };
  return (
    <Stack gap="xs" data-testid="sessions">
      <Title order={4}>{T.sessions}</Title>
      <Text size="sm" c="dimmed">
        {T.sessionsHint}
      </Text>
      {data && data.length === 0 && <Text>{T.none}</Text>}
      {data && data.length > 0 && (
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{T.person}</Table.Th>
              <Table.Th>{T.computer}</Table.Th>
              <Table.Th>{T.since}</Table.Th>
              <Table.Th>{T.lastActivity}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  {s.userName} <Text span size="xs" c="dimmed">({ROLE_TITLES[s.role]})</Text>
                </Table.Td>
                <Table.Td>
                  {s.computer}
                  {s.computer !== s.address && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {s.address}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{when(s.since)}</Table.Td>
                <Table.Td>{when(s.lastActivity)}</Table.Td>
                <Table.Td>
                  {s.current ? (
                    <Badge size="sm" variant="light">
                      {T.thisOne}
                    </Badge>
                  ) : (
                    <Button size="xs" variant="subtle" color="red" onClick={() => void end(s.id)}>
                      {T.end}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
