import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import { DOC_WRITERS, type DocumentDetail } from '../../../../shared/api/document-types';
import { request, showError, showSuccess } from '../../api/call';
import { DealPicker } from './deal-picker';

/**
 * An issued document's deal: a link to it, or — for a document made without one — the client's open deals
 * to link it to later (the deal page then shows it, and a payment of an invoice follows its deal).
 */
export function LinkDeal({ user, doc }: { user: SessionUser; doc: DocumentDetail }) {
  const [dealId, setDealId] = useState<number | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  if (doc.status === 'draft') return null;
  if (doc.dealId !== null) {
    return (
      <Text size="sm">
        Сделка:{' '}
        <Anchor href={`#/deals/${doc.dealId}`} size="sm">
          открыть сделку
        </Anchor>
      </Text>
    );
  }
  if (!DOC_WRITERS.includes(user.role) || doc.status !== 'issued') return null;
  const link = async () => {
    if (dealId === undefined || dealId === null) return;
    setBusy(true);
    const res = await request('documents.linkDeal', { id: doc.id, dealId });
    setBusy(false);
    if (res.error) return showError(res.error);
    showSuccess('Документ привязан к сделке');
  };
  return (
    <Card withBorder data-testid="link-deal">
      <Stack gap="xs">
        <DealPicker clientId={doc.clientId} value={dealId} onChange={setDealId} />
        <Group justify="flex-end">
          <Button variant="light" disabled={dealId === undefined || dealId === null} loading={busy} onClick={() => void link()}>
            Привязать к сделке
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
