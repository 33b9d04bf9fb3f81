import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { formatPercent } from '../../../../core/index';
import { DOCUMENT_KIND_LABELS } from '../../../../shared/api/document-types';
import { request, showError, useApi } from '../../api/call';
import { navigate } from '../../app/router';
import { D } from './strings';

/** The heads' queue of discounts beyond a limit: approve (up to the caller's own limit) or decline with a comment; others see their requests. */
export function ApprovalsPage() {
  const { data, reload } = useApi('approvals.list', {});
  const [comments, setComments] = useState<Record<number, string>>({});
  const decide = async (id: number, approve: boolean) => {
    const comment = comments[id] ?? '';
    if (!approve && comment.trim() === '') return showError({ code: 'VALIDATION', message: D.declineNeedsComment });
    const res = await request('approvals.decide', { id, approve, comment });
    if (res.error) return showError(res.error);
    void reload();
  };
  return (
    <Stack data-testid="approvals-page">
      <Button variant="subtle" w="fit-content" px={0} onClick={() => navigate('/documents')}>
        {D.back}
      </Button>
      <Title order={2}>{D.approvals}</Title>
      <Card withBorder padding={0}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{D.client}</Table.Th>
              <Table.Th>{D.lineName}</Table.Th>
              <Table.Th>{D.requestedDiscount}</Table.Th>
              <Table.Th>{D.requested}</Table.Th>
              <Table.Th>{D.reason}</Table.Th>
              <Table.Th>{D.decide}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data ?? []).map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor href={`#/documents/${a.documentId}`} size="sm">
                    {DOCUMENT_KIND_LABELS[a.documentKind]}
                  </Anchor>
                  <Text size="sm">{a.clientName}</Text>
                </Table.Td>
                <Table.Td>
                  {a.linePosition}. {a.lineName}
                </Table.Td>
                <Table.Td>
                  <b>{formatPercent(a.requestedBp)}</b>
                  <Text size="xs" c="dimmed">
                    {D.limit} {formatPercent(a.limitBp)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {a.requestedBy}
                  <Text size="xs" c="dimmed">
                    {new Date(a.requestedAt).toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'short' })}
                  </Text>
                </Table.Td>
                <Table.Td maw={260}>
                  <Text size="sm">{a.reason}</Text>
                </Table.Td>
                <Table.Td>
                  {a.canApprove || a.canDecline ? (
                    <Stack gap={4} miw={240}>
                      <TextInput size="xs" placeholder={D.comment} aria-label={D.comment} value={comments[a.id] ?? ''} onChange={(e) => setComments({ ...comments, [a.id]: e.currentTarget.value })} />
                      <Group gap={4} wrap="nowrap">
                        {a.canApprove && (
                          <Button size="xs" color="teal" onClick={() => void decide(a.id, true)}>
                            {D.approve}
                          </Button>
                        )}
                        <Button size="xs" color="red" variant="light" onClick={() => void decide(a.id, false)}>
                          {D.decline}
                        </Button>
                      </Group>
                      {!a.canApprove && (
                        <Text size="xs" c="dimmed">
                          {D.directorDecides}
                        </Text>
                      )}
                    </Stack>
                  ) : (
                    <Stack gap={0}>
                      <Badge variant="light" color={a.status === 'approved' ? 'teal' : a.status === 'declined' ? 'red' : 'yellow'}>
                        {D.approvalState[a.status]}
                      </Badge>
                      {a.decidedBy && (
                        <Text size="xs" c="dimmed">
                          {a.decidedBy}
                          {a.comment ? `: ${a.comment}` : ''}
                        </Text>
                      )}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {(data ?? []).length === 0 && (
          <Text c="dimmed" p="md">
            {D.noApprovals}
          </Text>
        )}
      </Card>
    </Stack>
  );
}
