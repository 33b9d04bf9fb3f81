import { Alert, Button, Card, Group, Modal, Select, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ClientCard } from '../../../../shared/api/client-types';
import { request, showError, useEntry } from '../../api/call';
import { fieldErrors } from '../../api/field-errors';
import { S } from './strings';
import { day, when } from './when';

/** Whose client this is, since when, until when the claim holds; transfer (heads) and claim (managers) with a reason. */
export function OwnerPanel({ card }: { card: ClientCard }) {
  const [dialog, setDialog] = useState<'transfer' | 'claim' | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const facets = useEntry('clients.facets', {});
  const open = (d: 'transfer' | 'claim') => {
    setDialog(d);
    setReason('');
    setErrors({});
  };
  const submit = async () => {
    setBusy(true);
    if (dialog === 'transfer') {
      const res = await request('clients.transfer', { clientId: card.id, toUserId: to ? Number(to) : null, reason });
      setBusy(false);
      if (res.error) {
        setErrors(fieldErrors(res.error));
        showError(res.error);
        return;
      }
    } else {
      const res = await request('clients.claim', { clientId: card.id, reason });
      setBusy(false);
      if (res.error) return showError(res.error);
      notifications.show({ color: res.data.outcome === 'conflict' ? 'yellow' : 'teal', message: S.owner.outcomes[res.data.outcome] });
    }
    setDialog(null);
  };
  const owner = card.responsible;
  return (
    <Card withBorder radius="md" data-testid="owner-panel">
      <Title order={5}>{S.owner.title}</Title>
      <Text fw={600} mt={4} data-testid="client-owner">
        {owner?.fullName ?? S.noOwner}
      </Text>
      {card.claimedAt && (
        <Text size="xs" c="dimmed">
          {S.owner.since}: {day(card.claimedAt)}
          {card.lapsesOn ? ` · ${S.owner.lapses}: ${day(card.lapsesOn)}` : ''}
        </Text>
      )}
      {card.openConflict && (
        <Alert color="yellow" mt="sm" p="xs">
          <Text size="xs">{S.owner.conflict(card.openConflict.claimantName)}</Text>
        </Alert>
      )}
      <Group mt="sm" gap="xs">
        {card.canTransfer && (
          <Button size="xs" variant="light" onClick={() => open('transfer')}>
            {S.owner.transfer}
          </Button>
        )}
        {card.canClaim && (
          <Button size="xs" variant="light" onClick={() => open('claim')}>
            {owner ? S.owner.claimOther : S.owner.claim}
          </Button>
        )}
      </Group>
      {card.ownerHistory.length > 0 && (
        <>
          <Text size="xs" fw={600} c="dimmed" mt="md" mb={6}>
            {S.owner.history}
          </Text>
          <Timeline bulletSize={10} lineWidth={1}>
            {card.ownerHistory.slice(0, 5).map((h) => (
              <Timeline.Item key={h.id}>
                <Text size="xs">
                  {h.fromName ?? '—'} → {h.toName ?? '—'}
                </Text>
                <Text size="xs" c="dimmed">
                  {when(h.at)}
                  {h.byName ? ` · ${h.byName}` : ''}
                  {h.reason ? ` · ${h.reason}` : ''}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </>
      )}
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog === 'transfer' ? S.owner.transfer : owner ? S.owner.claimOther : S.owner.claim}>
        <Stack>
          {dialog === 'transfer' && (
            <Select
              label={S.owner.to}
              data={(facets.data?.managers ?? []).map((m) => ({ value: String(m.id), label: m.fullName }))}
              value={to}
              onChange={setTo}
              clearable
              placeholder={S.noOwner}
              error={errors.toUserId}
            />
          )}
          <Textarea label={S.owner.reason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} withAsterisk={dialog === 'transfer'} error={errors.reason} autosize minRows={2} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {S.cancel}
            </Button>
            <Button loading={busy} onClick={() => void submit()}>
              {dialog === 'transfer' ? S.owner.transfer : S.owner.claim}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
