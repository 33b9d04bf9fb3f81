import { Alert, Autocomplete, Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import dayjs from 'dayjs';
import { useState } from 'react';
import { decimalToScaled, formatMoneyRub, formatQuantity, kopecksToDecimalString, rublesToKopecks } from '../../../../core/index';
import type { SessionUser } from '../../../../shared/api/auth';
import type { DealDetail, SalesClientOption } from '../../../../shared/api/sales';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { fieldErrors } from '../../api/field-errors';
import { rebasedValues, type ShownField } from '../../api/stale-changes';
import { useStaleRefusal } from '../../app/stale-alert';
import { ClientPicker } from './client-picker';
import { monthFromNow } from './dates';
import { DealLinesEditor, type LineDraft } from './deal-lines-editor';
import { S } from './strings';
import { MonthField } from '../../app/date-fields';

const SOURCES = ['Холодный звонок', 'Входящий звонок', 'Рекомендация', 'Сайт', 'Выставка', 'Повторная продажа', 'Рассылка'];

function draftLines(deal: DealDetail | null): LineDraft[] {
  return (deal?.lines ?? []).map((l) => ({
    name: l.name,
    unit: l.unit,
    quantity: (l.quantityMilli / 1000).toString().replace('.', ','),
    price: kopecksToDecimalString(l.priceKopecks).replace('.', ','),
    catalogItemId: l.catalogItemId,
  }));
}

/** A deal's fields as the form shows them, for the list of what another person changed. */
const DEAL_FIELDS: readonly ShownField<DealDetail>[] = [
  { label: 'Клиент', show: (d) => d.clientName },
  { label: 'Ключевое лицо', show: (d) => d.contactName ?? '' },
  { label: 'Менеджер', show: (d) => d.managerName },
  { label: 'Что продаём', show: (d) => `«${d.title}»` },
  { label: 'Месяц закрытия', show: (d) => dayjs(`${d.closeMonth}-01`).locale('ru').format('MMMM YYYY') },
  { label: 'Вероятность', show: (d) => `${d.probability} %` },
  { label: 'Источник', show: (d) => d.source },
  { label: 'Сумма', show: (d) => formatMoneyRub(d.amountKopecks) },
  { label: 'Состав сделки', show: (d) => d.lines.map((l) => `${l.name} × ${formatQuantity(l.quantityMilli)}`).join('; ') },
];

/** The deal form in a dialog: create (deal = null) or edit; closes with the saved deal's id. */
export function DealForm({ user, deal, clientId, onClose }: { user: SessionUser; deal: DealDetail | null; clientId?: number; onClose: (id: number | null) => void }) {
  const people = useEntry('sales.people', {});
  // The version the form was opened on: the deal shown behind it stays live, the form's base does not.
  const [baseVersion, setBaseVersion] = useState(deal?.version ?? 0);
  const [opened, setOpened] = useState(deal);
  const stale = useStaleRefusal(DEAL_FIELDS);
  const [client, setClient] = useState<SalesClientOption | null>(null);
  const formOf = (d: DealDetail | null) => ({
    clientId: d?.clientId ?? clientId ?? null,
    contactId: d?.contactId ?? null,
    managerId: d?.managerId ?? user.id,
    title: d?.title ?? '',
    amount: d ? kopecksToDecimalString(d.amountKopecks).replace('.', ',') : '',
    closeMonth: d?.closeMonth ?? monthFromNow(1),
    probability: d?.probability ?? 5,
    source: d?.source ?? '',
  });
  const [v, setV] = useState(formOf(deal));
  const [lines, setLines] = useState<LineDraft[]>(draftLines(deal));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const contacts = client?.contacts ?? [];

  const submit = async () => {
    const parsed = lines.filter((l) => l.name.trim() !== '').map((l) => ({
      name: l.name,
      unit: l.unit || 'шт',
      quantityMilli: Number(decimalToScaled(l.quantity.replace(',', '.').trim(), 3) ?? -1n),
      priceKopecks: rublesToKopecks(l.price) ?? -1,
      catalogItemId: l.catalogItemId,
    }));
    if (parsed.some((l) => l.quantityMilli <= 0 || l.priceKopecks < 0)) return setErrors({ lines: 'Проверьте количество и цену в строках' });
    const amount = v.amount.trim() === '' ? 0 : rublesToKopecks(v.amount);
    if (amount === null) return setErrors({ amountKopecks: 'Сумма — число рублей, например 150 000,00' });
    if (v.clientId === null) return setErrors({ clientId: 'Выберите клиента' });
    const input = { ...v, clientId: v.clientId, amountKopecks: amount, lines: parsed, stage: deal?.stage ?? 'first_contact' };
    setBusy(true);
    const res = deal ? await request('deals.update', { id: deal.id, version: baseVersion, deal: input }) : await request('deals.create', input);
    setBusy(false);
    if (res.error) {
      setErrors(fieldErrors(res.error, ''));
      // Someone saved the deal meanwhile: say who and what beside the form, which keeps what was typed.
      await stale.refused(res.error, opened, (o) => request('deals.get', { id: o.id }));
      return showError(res.error);
    }
    showSuccess(S.saved);
    onClose(res.data.id);
  };

  return (
    <Modal opened onClose={() => onClose(null)} title={deal ? S.editDeal : S.newDeal} size="xl">
      <Stack gap="sm">
        <ClientPicker
          value={v.clientId}
          onResolve={setClient}
          autoFocus={!deal}
          error={errors.clientId}
          onChange={(c) => {
            setClient(c);
            setV((x) => ({ ...x, clientId: c?.id ?? null, contactId: c && x.clientId === c.id ? x.contactId : null }));
          }}
        />
        <Group grow>
          <Select
            label={S.keyPerson}
            clearable
            data={contacts.map((c) => ({ value: String(c.id), label: c.position ? `${c.name}, ${c.position}` : c.name }))}
            value={v.contactId === null ? null : String(v.contactId)}
            onChange={(x) => setV({ ...v, contactId: x ? Number(x) : null })}
          />
          <Select
            label={S.manager}
            allowDeselect={false}
            disabled={user.role === 'manager'}
            data={(people.data ?? []).map((p) => ({ value: String(p.id), label: p.fullName }))}
            value={String(v.managerId)}
            onChange={(x) => x && setV({ ...v, managerId: Number(x) })}
          />
        </Group>
        <TextInput label={S.title} withAsterisk value={v.title} onChange={(e) => setV({ ...v, title: e.currentTarget.value })} error={errors.title} data-field="title" />
        <Group grow>
          <MonthField label={S.closeMonth} value={v.closeMonth} onChange={(m) => setV({ ...v, closeMonth: m })} error={errors.closeMonth} />
          <NumberInput label={S.probability} min={0} max={100} value={v.probability} onChange={(x) => setV({ ...v, probability: typeof x === 'number' ? x : 0 })} />
          <Autocomplete label={S.source} data={SOURCES} value={v.source} onChange={(x) => setV({ ...v, source: x })} />
        </Group>
        <DealLinesEditor lines={lines} onChange={setLines} />
        {errors.lines && <Alert color="red">{errors.lines}</Alert>}
        {lines.length === 0 && (
          <TextInput label={S.amount} value={v.amount} onChange={(e) => setV({ ...v, amount: e.currentTarget.value })} error={errors.amountKopecks} w={220} data-field="amount" />
        )}
        {stale.alert((now) => {
          setV(rebasedValues(formOf(opened), formOf(now), v));
          setLines(rebasedValues({ lines: draftLines(opened) }, { lines: draftLines(now) }, { lines }).lines);
          setOpened(now);
          setBaseVersion(now.version);
        })}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(null)}>
            {S.cancel}
          </Button>
          <Button loading={busy} onClick={() => void submit()}>
            {S.save}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
