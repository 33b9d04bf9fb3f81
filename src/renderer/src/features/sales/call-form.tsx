import { Button, Checkbox, Chip, Grid, Group, Kbd, Modal, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { CALL_GOAL_LABELS, CALL_GOALS } from '../../../../core/index';
import type { SessionUser } from '../../../../shared/api/auth';
import type { SalesClientOption } from '../../../../shared/api/sales';
import { ACTIVITY_KIND_VALUES, type ActivityKind } from '../../../../shared/api/sales-activities';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { useContractForm } from '../../api/contract-form';
import { activityOf, callValues, isCall, validateCall, type CallContext, type CallPreset, type CallValues } from './call-values';
import { ClientPicker } from './client-picker';
import { ProposeObjection } from './propose-objection';
import { ScriptPanel } from './script-panel';
import { A, REMIND_CHOICES } from './strings';
import { DateTimeField } from '../../app/date-fields';

export type { CallPreset } from './call-values';

// Short names so that the six kinds fit in one row of the form.
const KIND_SHORT: Record<ActivityKind, string> = {
  call_cold: 'Холодный звонок',
  call_followup: 'Повторный',
  call_incoming: 'Входящий',
  meeting: 'Встреча',
  letter: 'Письмо',
  proposal: 'КП отправлено',
};

/** The quick form for a call, meeting, letter or proposal, with the script panel beside it. Ctrl+Enter saves. */
export function CallForm({ user, preset, onClose }: { user: SessionUser; preset: CallPreset; onClose: (changed: boolean) => void }) {
  const a = preset.activity;
  const [client, setClient] = useState<SalesClientOption | null>(null);
  const [showScript, setShowScript] = useState(true);
  const [busy, setBusy] = useState(false);
  // The contract's activity schema checks the form: a field's message is the host's, and nothing is sent while one is wrong.
  // The check reads the activity as it would be sent, with the names behind the picked ids (the context below).
  const { form: call, check, placeHostErrors } = useContractForm<CallValues>(callValues(user, preset), (values) => validateCall(ctx)(values));
  const v = call.values;
  const errors = call.errors;
  const set = (patch: Partial<CallValues>) => call.setValues(patch);
  const { kind, clientId, contactId, theirPerson } = v;
  const people = useEntry('sales.people', {});
  const objections = useEntry('objections.list', {});
  const deals = useEntry('deals.list', { clientId: clientId ?? undefined, outcome: 'open' });
  const contacts = client?.contacts ?? [];
  const ctx: CallContext = {
    managerId: a?.managerId ?? preset.managerId ?? user.id,
    people: people.data ?? [],
    contacts,
    dealIds: (deals.data ?? []).map((d) => d.id),
  };
  // Effects and the script panel get a setter that stays the same between renders.
  const setField = useRef(call.setFieldValue);
  setField.current = call.setFieldValue;

  // A client with a single key person: that is who the call was with.
  useEffect(() => {
    if (client && contactId === null && client.contacts.length === 1) setField.current('contactId', client.contacts[0].id);
  }, [client, contactId]);
  // The key person picked fills "their side" once, as the seed asks for names and positions on both sides.
  useEffect(() => {
    const c = contacts.find((x) => x.id === contactId);
    if (c && theirPerson === '') setField.current('theirPerson', [c.name, c.position].filter(Boolean).join(', '));
  }, [contactId, contacts, theirPerson]);
  const onScriptVersion = useCallback((id: number | null) => setField.current('scriptVersionId', id), []);

  const submit = async () => {
    if (!check()) return;
    const { clientId: picked, ...activity } = activityOf(call.getValues(), ctx);
    if (picked === null) return;
    setBusy(true);
    const res = a ? await request('activities.update', { id: a.id, activity: { ...activity, clientId: picked } }) : await request('activities.create', { ...activity, clientId: picked });
    setBusy(false);
    if (res.error) {
      placeHostErrors(res.error);
      return showError(res.error);
    }
    showSuccess(A.saved);
    onClose(true);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void submit();
      return;
    }
    const digit = /^Digit([1-4])$/.exec(e.code);
    if (e.altKey && digit && isCall(kind)) {
      e.preventDefault();
      const g = CALL_GOALS[Number(digit[1]) - 1];
      call.setFieldValue(g, !call.getValues()[g]);
    }
  };

  const form = (
    <Stack gap="sm">
      <SegmentedControl
        value={kind}
        onChange={(k) => set({ kind: ACTIVITY_KIND_VALUES.find((x) => x === k) ?? 'call_cold' })}
        data={ACTIVITY_KIND_VALUES.map((k) => ({ value: k, label: KIND_SHORT[k] }))}
        size="xs"
        fullWidth
        aria-label={A.kind}
      />
      <Group grow align="flex-end">
        <SegmentedControl
          value={v.status}
          onChange={(s) => set({ status: s === 'planned' ? 'planned' : 'done' })}
          data={[
            { value: 'done', label: A.done },
            { value: 'planned', label: A.planned },
          ]}
          aria-label={A.status}
        />
        <DateTimeField label={A.at} value={v.at} onChange={(at) => set({ at })} error={errors.at} />
        {v.status === 'planned' && <Select label={A.remind} data={REMIND_CHOICES} value={v.remind} onChange={(r) => set({ remind: r ?? '' })} allowDeselect={false} error={errors.remindMinutes} />}
      </Group>
      <ClientPicker
        value={clientId}
        onResolve={setClient}
        error={errors.clientId}
        autoFocus={clientId === null}
        onChange={(c) => {
          setClient(c);
          set(c?.id !== clientId ? { clientId: c?.id ?? null, contactId: null, dealId: null } : { clientId: c?.id ?? null });
        }}
      />
      <Group grow>
        <Select
          label="Ключевое лицо"
          clearable
          data={contacts.map((c) => ({ value: String(c.id), label: c.position ? `${c.name}, ${c.position}` : c.name }))}
          value={contactId === null ? null : String(contactId)}
          onChange={(c) => set({ contactId: c ? Number(c) : null })}
          error={errors.contactId}
        />
        <Select
          label={A.deal}
          placeholder={A.noDeal}
          clearable
          data={(deals.data ?? []).filter((d) => d.clientId === clientId).map((d) => ({ value: String(d.id), label: d.title }))}
          value={v.dealId === null ? null : String(v.dealId)}
          onChange={(d) => set({ dealId: d ? Number(d) : null })}
          error={errors.dealId}
        />
      </Group>
      {isCall(kind) && (
        <Stack gap={4}>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {A.goals}
            </Text>
            <Text size="xs" c="dimmed">
              {A.goalsHint}
            </Text>
          </Group>
          <SimpleGrid cols={2} spacing={6} verticalSpacing={6}>
            {CALL_GOALS.map((g, i) => (
              <Checkbox
                key={g}
                label={
                  <>
                    <Kbd size="xs">{i + 1}</Kbd> {CALL_GOAL_LABELS[g]}
                  </>
                }
                checked={v[g]}
                onChange={(e) => call.setFieldValue(g, e.currentTarget.checked)}
                data-goal={g}
              />
            ))}
          </SimpleGrid>
        </Stack>
      )}
      {(isCall(kind) || kind === 'meeting') && (
        <Group grow>
          <TextInput label={A.ourPerson} {...call.getInputProps('ourPerson')} />
          <TextInput label={A.theirPerson} {...call.getInputProps('theirPerson')} data-field="theirPerson" />
        </Group>
      )}
      {kind === 'meeting' && (
        <>
          <TextInput label={A.place} {...call.getInputProps('place')} />
          <Group grow>
            <MultiSelect label={A.participantsOurs} data={(people.data ?? []).map((p) => ({ value: String(p.id), label: p.fullName }))} {...call.getInputProps('ours')} />
            <MultiSelect label={A.participantsTheirs} data={contacts.map((c) => ({ value: String(c.id), label: c.name }))} {...call.getInputProps('theirs')} />
          </Group>
        </>
      )}
      <TextInput label={A.subject} {...call.getInputProps('subject')} data-field="subject" />
      <Textarea label={A.result} {...call.getInputProps('result')} autosize minRows={2} data-field="result" />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {A.objections}
        </Text>
        <Chip.Group multiple value={v.objectionIds} onChange={(objectionIds) => set({ objectionIds })}>
          <Group gap={6}>
            {(objections.data ?? []).map((o) => (
              <Chip key={o.id} value={String(o.id)} size="xs">
                {o.proposed ? `${o.text} (предложено)` : o.text}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <ProposeObjection
          onProposed={(id) => {
            // The list refreshes through the live queries when the proposal lands.
            set({ objectionIds: [...call.getValues().objectionIds, String(id)] });
          }}
        />
      </Stack>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> — сохранить
        </Text>
        <Group gap="xs">
          {isCall(kind) && (
            <Button variant="subtle" onClick={() => setShowScript((x) => !x)}>
              {showScript ? A.hideScript : A.showScript}
            </Button>
          )}
          <Button variant="default" onClick={() => onClose(false)}>
            Отмена
          </Button>
          <Button loading={busy} onClick={() => void submit()}>
            Сохранить
          </Button>
        </Group>
      </Group>
    </Stack>
  );

  const withScript = isCall(kind) && showScript;
  return (
    <Modal opened onClose={() => onClose(false)} title={A.formTitle} size={withScript ? '90%' : 'xl'}>
      <div onKeyDown={onKeyDown} data-testid="call-form">
        {withScript ? (
          <Grid>
            <Grid.Col span={7}>{form}</Grid.Col>
            <Grid.Col span={5}>
              <ScriptPanel onScriptVersion={onScriptVersion} />
            </Grid.Col>
          </Grid>
        ) : (
          form
        )}
      </div>
    </Modal>
  );
}
