import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { request, showError, useEntry } from '../../api/call';
import { S } from './strings';

/** Asks for the reason (from the editable list) and marks the deal lost. */
export function LoseDialog({ dealId, onClose }: { dealId: number; onClose: (changed: boolean) => void }) {
  const reasons = useEntry('lossReasons.list', {});
  const [reasonId, setReasonId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const save = async () => {
    if (!reasonId) return;
    const res = await request('deals.lose', { id: dealId, reasonId: Number(reasonId), note });
    if (res.error) return showError(res.error);
    onClose(true);
  };
  return (
    <Modal opened onClose={() => onClose(false)} title={S.lose}>
      <Stack>
        <Select
          label={S.lossReason}
          withAsterisk
          data={(reasons.data ?? []).filter((r) => !r.archived).map((r) => ({ value: String(r.id), label: r.title }))}
          value={reasonId}
          onChange={setReasonId}
        />
        <Textarea label={S.lossNote} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(false)}>
            {S.cancel}
          </Button>
          <Button color="red" disabled={!reasonId} onClick={() => void save()}>
            {S.lose}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
