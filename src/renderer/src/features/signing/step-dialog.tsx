import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { SENDING_METHOD_LABELS, SENDING_METHODS, SIGNING_STATE_LABELS } from '../../../../core/index';
import type { SendingMethodKey, SigningStateKey } from '../../../../shared/api/signing-types';
import { G } from './strings';
import { DateField } from '../../app/date-fields';

/** What a step carries, as typed in the dialog. */
export interface StepValues {
  at: string;
  method: SendingMethodKey | null;
  trackingNumber: string;
  filedWhere: string;
  reason: string;
  comment: string;
}

function isMethod(v: string | null): v is SendingMethodKey {
  return SENDING_METHODS.some((m) => m === v);
}

/** Today in the computer's time zone, as the server counts it. */
export function localToday(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * The dialog of one step (or one bulk step): the date, and what the step needs — how it was sent and
 * the tracking number, where the original is filed, why it was refused — plus a comment.
 */
export function StepDialog({ to, title, onSubmit, onClose }: { to: SigningStateKey; title?: string; onSubmit: (v: StepValues) => Promise<boolean>; onClose: () => void }) {
  const [v, setV] = useState<StepValues>({ at: localToday(), method: null, trackingNumber: '', filedWhere: '', reason: '', comment: '' });
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<StepValues>) => setV((old) => ({ ...old, ...patch }));
  const submit = async () => {
    setBusy(true);
    const ok = await onSubmit(v);
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={title ?? SIGNING_STATE_LABELS[to]} data-testid="step-dialog">
      <Stack>
        <DateField label={G.at} value={v.at} onChange={(d) => set({ at: d || v.at })} max={localToday()} w={180} data-field="step-at" />
        {to === 'sent' && (
          <>
            <Select
              label={G.method}
              data={SENDING_METHODS.map((m) => ({ value: m, label: SENDING_METHOD_LABELS[m] }))}
              value={v.method}
              onChange={(m) => set({ method: isMethod(m) ? m : null })}
              data-field="step-method"
              withAsterisk
            />
            <TextInput label={G.tracking} value={v.trackingNumber} onChange={(e) => set({ trackingNumber: e.currentTarget.value })} data-field="step-tracking" />
          </>
        )}
        {to === 'original_received' && (
          <TextInput
            label={G.filedWhere}
            placeholder={G.filedWherePlaceholder}
            value={v.filedWhere}
            onChange={(e) => set({ filedWhere: e.currentTarget.value })}
            data-field="step-filed"
            withAsterisk
          />
        )}
        {to === 'refused' && <Textarea label={G.reason} autosize minRows={2} value={v.reason} onChange={(e) => set({ reason: e.currentTarget.value })} data-field="step-reason" withAsterisk />}
        <Textarea label={G.comment} autosize minRows={1} value={v.comment} onChange={(e) => set({ comment: e.currentTarget.value })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {G.cancel}
          </Button>
          <Button loading={busy} onClick={() => void submit()} color={to === 'refused' ? 'red' : undefined} data-testid="step-save">
            {G.save}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
