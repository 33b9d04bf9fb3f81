import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { formatMoney } from '../../../../core/index';
import { signingDocTitle } from '../../../../shared/api/signing-types';
import { useEntry } from '../../api/call';
import { documentHref } from './board-list';
import { SignatureStateBadge } from './state-badge';
import { G } from './strings';

/** The client card's «Документы и подписи»: every issued document that needs signatures, with its state and deadline. */
export function ClientSignaturesPanel({ clientId }: { clientId: number }) {
  const { data } = useEntry('signing.clientDocuments', { clientId });
  const rows = data ?? [];
  const waiting = rows.filter((r) => r.waitingFor !== null);
  return (
    <Card withBorder data-testid="client-signatures">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{G.clientPanel}</Text>
          {waiting.length > 0 && (
            <Text size="sm" c={waiting.some((r) => r.daysOverdue > 0) ? 'red.8' : 'dimmed'}>
              {G.groupLine(waiting.length, waiting.filter((r) => r.daysOverdue > 0).length, formatMoney(waiting.reduce((s, r) => s + r.amountKopecks, 0)))}
            </Text>
          )}
        </Group>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {G.clientEmpty}
          </Text>
        ) : (
          rows.map((r) => (
            <Stack key={r.documentId} gap={2} pb={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Anchor href={documentHref(r.documentId)} size="sm">
                  {signingDocTitle(r)}
                </Anchor>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(r.amountKopecks)}
                </Text>
              </Group>
              <Group gap="xs">
                <SignatureStateBadge state={r.state} waitingFor={r.waitingFor} daysOverdue={r.daysOverdue} />
                {r.waitingFor && r.dueDate && (
                  <Text size="xs" c="dimmed">
                    {G.waiting[r.waitingFor]} {G.dueOn(r.dueDate)}
                  </Text>
                )}
              </Group>
            </Stack>
          ))
        )}
      </Stack>
    </Card>
  );
}
