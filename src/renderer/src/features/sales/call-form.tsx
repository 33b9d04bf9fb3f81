import { Button, Checkbox, Chip, Grid, Group, Kbd, Modal, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { CALL_GOAL_LABELS, CALL_GOALS, type CallGoal } from '../../../../core/index';
import type { SessionUser } from '../../../../shared/api/auth';
import type { SalesClientOption } from '../../../../shared/api/sales';
import { ACTIVITY_KIND_VALUES, type ActivityDto, type ActivityKind } from '../../../../shared/api/sales-activities';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { fieldErrors } from '../../api/field-errors';
import { ClientPicker } from './client-picker';
import { nowLocal } from './dates';
import { ProposeObjection } from './propose-objection';
import { ScriptPanel } from './script-panel';
import { A, REMIND_CHOICES } from './strings';
import { DateTimeField } from '../../app/date-fields';

/** What the form starts from: a deal's or client's context, or a planned activity to complete. */
export interface CallPreset {
  clientId?: number;
  contactId?: number | null;
  dealId?: number | null;
  managerId?: number;
  kind?: ActivityKind;
  status?: 'done' | 'planned';
  activity?: ActivityDto;
}

type Goals = Record<CallGoal, boolean>;

const isCall = (k: ActivityKind) => k.startsWith('call_');

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
  const [kind, setKind] = useState<ActivityKind>(a?.kind ?? preset.kind ?? 'call_cold');
  const [status, setStatus] = useState<'done' | 'planned'>(a ? 'done' : (preset.status ?? 'done'));
  const [at, setAt] = useState(a && a.status !== 'planned' ? a.at : nowLocal());
  const [client, setClient] = useState<SalesClientOption | null>(null);
  const [clientId, setClientId] = useState<number | null>(a?.clientId ?? preset.clientId ?? null);
  const [contactId, setContactId] = useState<number | null>(a?.contactId ?? preset.contactId ?? null);
  const [dealId, setDealId] = useState<number | null>(a?.dealId ?? preset.dealId ?? null);
  const [goals, setGoals] = useState<Goals>({ reachedKeyPerson: a?.reachedKeyPerson ?? false, madeContact: a?.madeContact ?? false, interested: a?.interested ?? false, meetingSet: a?.meetingSet ?? false });
  const [ourPerson, setOurPerson] = useState(a?.ourPerson || [user.fullName, user.position].filter(Boolean).join(', '));
  const [theirPerson, setTheirPerson] = useState(a?.theirPerson ?? '');
  const [subject, setSubject] = useState(a?.subject ?? '');
  const [result, setResult] = useState(a?.result ?? '');
  const [place, setPlace] = useState(a?.place ?? '');
  const [ours, setOurs] = useState<string[]>(a?.participants.filter((p) => p.side === 'ours' && p.userId).map((p) => String(p.userId)) ?? []);
  const [theirs, setTheirs] = useState<string[]>(a?.participants.filter((p) => p.side === 'theirs' && p.contactId).map((p) => String(p.contactId)) ?? []);
  const [objectionIds, setObjectionIds] = useState<string[]>(a?.objections.map((o) => String(o.id)) ?? []);
  const [scriptVersionId, setScriptVersionId] = useState<number | null>(a?.scriptVersionId ?? null);
  const [remind, setRemind] = useState<string>(a?.remindMinutes == null ? '15' : String(a.remindMinutes));
  const [showScript, setShowScript] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const people = useEntry('sales.people', {});
  const objections = useEntry('objections.list', {});
  const deals = useEntry('deals.list', { clientId: clientId ?? undefined, outcome: 'open' });
  const contacts = client?.contacts ?? [];

  // A client with a single key person: that is who the call was with.
  useEffect(() => {
    if (client && contactId === null && client.contacts.length === 1) setContactId(client.contacts[0].id);
  }, [client, contactId]);
  // The key person picked fills "their side" once, as the seed asks for names and positions on both sides.
  useEffect(() => {
    const c = contacts.find((x) => x.id === contactId);
    if (c && theirPerson === '') setTheirPerson([c.name, c.position].filter(Boolean).join(', '));
  }, [contactId, contacts, theirPerson]);
  const onScriptVersion = useCallback((id: number | null) => setScriptVersionId(id), []);

  const submit = async () => {
    if (clientId === null) return setErrors({ clientId: 'Выберите клиента' });
    const activity = {
      kind,
      status,
      at,
      managerId: a?.managerId ?? preset.managerId ?? user.id,
      clientId,
      contactId,
      dealId: deals.data?.some((d) => d.id === dealId) ? dealId : null,
      subject,
      result,
      place,
      ourPerson: isCall(kind) || kind === 'meeting' ? ourPerson : '',
      theirPerson,
      ...(isCall(kind) ? goals : { reachedKeyPerson: false, madeContact: false, interested: false, meetingSet: false }),
      scriptVersionId: isCall(kind) ? scriptVersionId : null,
      objectionIds: objectionIds.map(Number),
      participants:
        kind === 'meeting'
          ? [
              ...ours.map((id) => ({ side: 'ours' as const, userId: Number(id), name: people.data?.find((p) => String(p.id) === id)?.fullName ?? id })),
              ...theirs.map((id) => ({ side: 'theirs' as const, contactId: Number(id), name: contacts.find((c) => String(c.id) === id)?.name ?? id })),
            ]
          : [],
      remindMinutes: status === 'planned' && remind !== '' ? Number(remind) : null,
    };
    setBusy(true);
    const res = a ? await request('activities.update', { id: a.id, activity }) : await request('activities.create', activity);
    setBusy(false);
    if (res.error) {
      setErrors(fieldErrors(res.error));
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
      setGoals((x) => ({ ...x, [g]: !x[g] }));
    }
  };

  const form = (
    <Stack gap="sm">
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(ACTIVITY_KIND_VALUES.find((k) => k === v) ?? 'call_cold')}
        data={ACTIVITY_KIND_VALUES.map((k) => ({ value: k, label: KIND_SHORT[k] }))}
        size="xs"
        fullWidth
        aria-label={A.kind}
      />
      <Group grow align="flex-end">
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v === 'planned' ? 'planned' : 'done')}
          data={[
            { value: 'done', label: A.done },
            { value: 'planned', label: A.planned },
          ]}
          aria-label={A.status}
        />
        <DateTimeField label={A.at} value={at} onChange={(v) => setAt(v)} error={errors.at} />
        {status === 'planned' && <Select label={A.remind} data={REMIND_CHOICES} value={remind} onChange={(v) => setRemind(v ?? '')} allowDeselect={false} />}
      </Group>
      <ClientPicker
        value={clientId}
        onResolve={setClient}
        error={errors.clientId}
        autoFocus={clientId === null}
        onChange={(c) => {
          setClient(c);
          if (c?.id !== clientId) {
            setContactId(null);
            setDealId(null);
          }
          setClientId(c?.id ?? null);
        }}
      />
      <Group grow>
        <Select
          label="Ключевое лицо"
          clearable
          data={contacts.map((c) => ({ value: String(c.id), label: c.position ? `${c.name}, ${c.position}` : c.name }))}
          value={contactId === null ? null : String(contactId)}
          onChange={(v) => setContactId(v ? Number(v) : null)}
        />
        <Select
          label={A.deal}
          placeholder={A.noDeal}
          clearable
          data={(deals.data ?? []).filter((d) => d.clientId === clientId).map((d) => ({ value: String(d.id), label: d.title }))}
          value={dealId === null ? null : String(dealId)}
          onChange={(v) => setDealId(v ? Number(v) : null)}
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
                checked={goals[g]}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  setGoals((x) => ({ ...x, [g]: checked }));
                }}
                data-goal={g}
              />
            ))}
          </SimpleGrid>
        </Stack>
      )}
      {(isCall(kind) || kind === 'meeting') && (
        <Group grow>
          <TextInput label={A.ourPerson} value={ourPerson} onChange={(e) => setOurPerson(e.currentTarget.value)} />
          <TextInput label={A.theirPerson} value={theirPerson} onChange={(e) => setTheirPerson(e.currentTarget.value)} data-field="theirPerson" />
        </Group>
      )}
      {kind === 'meeting' && (
        <>
          <TextInput label={A.place} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
          <Group grow>
            <MultiSelect label={A.participantsOurs} data={(people.data ?? []).map((p) => ({ value: String(p.id), label: p.fullName }))} value={ours} onChange={setOurs} />
            <MultiSelect label={A.participantsTheirs} data={contacts.map((c) => ({ value: String(c.id), label: c.name }))} value={theirs} onChange={setTheirs} />
          </Group>
        </>
      )}
      <TextInput label={A.subject} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />
      <Textarea label={A.result} value={result} onChange={(e) => setResult(e.currentTarget.value)} autosize minRows={2} data-field="result" />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {A.objections}
        </Text>
        <Chip.Group multiple value={objectionIds} onChange={setObjectionIds}>
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
            setObjectionIds((ids) => [...ids, String(id)]);
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
