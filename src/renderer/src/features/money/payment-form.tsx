import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatDateNumeric, rublesToKopecks } from '../../../../core/index';
import type { PaymentDto, PaymentKind } from '../../../../shared/api/money-types';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { fieldErrors } from '../../api/field-errors';
import { ClientPicker } from '../sales/client-picker';
import { F, KIND_LABELS } from './strings';
import { DateField } from '../../app/date-fields';

const KINDS: Record<'in' | 'out', PaymentKind[]> = { in: ['client', 'other'], out: ['outgoing', 'bank_fee', 'other'] };

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const EMPTY = { direction: 'in' as 'in' | 'out', kind: 'client' as PaymentKind, orgId: null as string | null, date: today(), amount: '', clientId: null as number | null, payerName: '', payerInn: '', docNumber: '', docDate: '', purpose: '' };

/** A payment entered by hand (from a payment order copy, cash, another bank): matched by the same rules as a statement. */
export function PaymentForm({ opened, onClose, onSaved }: { opened: boolean; onClose: () => void; onSaved: (p: PaymentDto) => void }) {
  const [v, setV] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const orgs = useEntry('orgs.list', {});
  const orgId = v.orgId ?? String(orgs.data?.find((o) => o.isDefault)?.id ?? orgs.data?.[0]?.id ?? '');
  const set = (patch: Partial<typeof EMPTY>) => setV((old) => ({ ...old, ...patch }));
  const save = async () => {
    const amount = rublesToKopecks(v.amount);
    if (amount === null || amount <= 0) return setErrors({ amountKopecks: F.amountError });
    setBusy(true);
    const res = await request('payments.create', {
      direction: v.direction,
      kind: v.kind,
      orgId: Number(orgId),
      date: v.date,
      amountKopecks: amount,
      clientId: v.direction === 'in' ? v.clientId : null,
      payerName: v.payerName,
      payerInn: v.payerInn.trim(),
      docNumber: v.docNumber,
      docDate: v.docDate === '' ? null : v.docDate,
      purpose: v.purpose,
    });
    setBusy(false);
    if (res.error) {
      setErrors(fieldErrors(res.error));
      return showError(res.error);
    }
    const p = res.data;
    showSuccess(p.state === 'matched' ? F.savedMatched(p.allocations.map((a) => `№ ${a.number} от ${formatDateNumeric(a.docDate)}`).join(', ')) : p.state === 'unmatched' ? F.savedQueue : F.saved);
    setV(EMPTY);
    setErrors({});
    onSaved(p);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={F.title} size="lg" data-testid="payment-form">
      <Stack gap="sm">
        <SegmentedControl
          value={v.direction}
          onChange={(d) => set({ direction: d === 'out' ? 'out' : 'in', kind: d === 'out' ? 'outgoing' : 'client' })}
          data={[
            { value: 'in', label: F.directionIn },
            { value: 'out', label: F.directionOut },
          ]}
        />
        <Group grow>
          <Select label={F.kind} allowDeselect={false} data={KINDS[v.direction].map((k) => ({ value: k, label: KIND_LABELS[k] }))} value={v.kind} onChange={(k) => set({ kind: KINDS[v.direction].find((x) => x === k) ?? v.kind })} />
          {(orgs.data?.length ?? 0) > 1 && <Select label={F.org} allowDeselect={false} data={(orgs.data ?? []).map((o) => ({ value: String(o.id), label: o.shortName }))} value={orgId} onChange={(o) => set({ orgId: o })} />}
        </Group>
        <Group grow>
          <DateField label={F.date} withAsterisk value={v.date} onChange={(v) => set({ date: v })} error={errors.date} data-field="date" />
          <TextInput label={F.amount} withAsterisk value={v.amount} onChange={(e) => set({ amount: e.currentTarget.value })} error={errors.amountKopecks} data-field="amount" />
        </Group>
        {v.direction === 'in' && v.kind === 'client' && (
          <ClientPicker value={v.clientId} onChange={(c) => set({ clientId: c?.id ?? null, payerName: v.payerName || (c?.name ?? '') })} />
        )}
        <Group grow>
          <TextInput label={v.direction === 'in' ? F.payer : F.payee} withAsterisk value={v.payerName} onChange={(e) => set({ payerName: e.currentTarget.value })} error={errors.payerName} data-field="payerName" />
          <TextInput label={F.inn} value={v.payerInn} onChange={(e) => set({ payerInn: e.currentTarget.value })} error={errors.payerInn} w={160} data-field="payerInn" />
        </Group>
        <Group grow>
          <TextInput label={F.docNumber} withAsterisk value={v.docNumber} onChange={(e) => set({ docNumber: e.currentTarget.value })} error={errors.docNumber} data-field="docNumber" />
          <DateField label={F.docDate} value={v.docDate} onChange={(v) => set({ docDate: v })} />
        </Group>
        <Textarea label={F.purpose} autosize minRows={2} value={v.purpose} onChange={(e) => set({ purpose: e.currentTarget.value })} data-field="purpose" />
        <Text size="xs" c="dimmed">
          {F.purposeHint}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {F.cancel}
          </Button>
          <Button loading={busy} onClick={() => void save()} data-testid="payment-save">
            {F.save}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
