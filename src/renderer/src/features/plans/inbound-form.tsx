import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { INBOUND_CHANNEL_LABELS, INBOUND_CHANNELS, type AdSourceDto, type InboundChannel, type InboundRequestDto } from '../../../../shared/api/inbound-types';
import type { DealDto } from '../../../../shared/api/sales';
import { call, request, showError, showSuccess, useEntry } from '../../api/call';
import { fieldErrors } from '../../api/field-errors';
import { nowLocal } from '../sales/dates';
import { ClientPicker } from '../sales/client-picker';
import { P, Q } from './strings';
import { DateTimeField } from '../../app/date-fields';

/** The request form in a modal: when, how, from which advertising source, who and what; later the client, deal and manager. */
export function InboundForm({ sources, editing, onClose, onSaved }: { sources: AdSourceDto[]; editing: InboundRequestDto | null; onClose: () => void; onSaved: () => void }) {
  const [receivedAt, setReceivedAt] = useState(editing?.receivedAt ?? nowLocal());
  const [channel, setChannel] = useState<InboundChannel>(editing?.channel ?? 'call');
  const [sourceId, setSourceId] = useState<string | null>(editing ? String(editing.sourceId) : null);
  const [contactName, setContactName] = useState(editing?.contactName ?? '');
  const [contactInfo, setContactInfo] = useState(editing?.contactInfo ?? '');
  const [subject, setSubject] = useState(editing?.subject ?? '');
  const [clientId, setClientId] = useState<number | null>(editing?.clientId ?? null);
  const [dealId, setDealId] = useState<string | null>(editing?.dealId ? String(editing.dealId) : null);
  const [managerId, setManagerId] = useState<string | null>(editing?.managerId ? String(editing.managerId) : null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const people = useEntry('sales.people', {});
  const [deals, setDeals] = useState<DealDto[]>([]);
  useEffect(() => {
    if (clientId === null) return setDeals([]);
    let alive = true;
    void call('deals.list', { clientId }).then((r) => alive && setDeals(r ?? []));
    return () => {
      alive = false;
    };
  }, [clientId]);
  const save = async () => {
    const res = await request('inbound.save', {
      id: editing?.id,
      request: {
        receivedAt, channel, sourceId: Number(sourceId ?? 0), contactName, contactInfo, subject, clientId,
        dealId: dealId ? Number(dealId) : null, managerId: managerId ? Number(managerId) : null,
      },
    });
    if (res.error) {
      setErrors(fieldErrors(res.error, ''));
      return showError(res.error);
    }
    showSuccess(P.saved);
    onSaved();
  };
  return (
    <Modal opened onClose={onClose} title={editing ? Q.editRequest : Q.newRequest} size="lg">
      <Stack data-testid="inbound-form">
        <SimpleGrid cols={3}>
          <DateTimeField label={Q.receivedAt} value={receivedAt} onChange={(v) => setReceivedAt(v || receivedAt)} error={errors['request.receivedAt']} />
          <Select
            label={Q.channel}
            data={INBOUND_CHANNELS.map((c) => ({ value: c, label: INBOUND_CHANNEL_LABELS[c] }))}
            value={channel}
            onChange={(v) => setChannel(INBOUND_CHANNELS.find((c) => c === v) ?? 'call')}
            allowDeselect={false}
          />
          <Select
            label={Q.source}
            data={sources.filter((s) => s.active || String(s.id) === sourceId).map((s) => ({ value: String(s.id), label: s.name }))}
            value={sourceId}
            onChange={setSourceId}
            error={errors['request.sourceId']}
            data-testid="inbound-source"
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput label={Q.contactName} value={contactName} onChange={(e) => setContactName(e.currentTarget.value)} />
          <TextInput label={Q.contactInfo} value={contactInfo} onChange={(e) => setContactInfo(e.currentTarget.value)} />
        </SimpleGrid>
        <Textarea label={Q.subject} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} autosize minRows={2} />
        <ClientPicker
          value={clientId}
          onChange={(c) => {
            setClientId(c?.id ?? null);
            setDealId(null);
            if (c?.managerId && !managerId) setManagerId(String(c.managerId));
          }}
          error={errors['request.clientId']}
        />
        <SimpleGrid cols={2}>
          <Select
            label={Q.linkDeal}
            data={deals.map((d) => ({ value: String(d.id), label: d.title }))}
            value={dealId}
            onChange={setDealId}
            clearable
            disabled={clientId === null}
            error={errors['request.dealId']}
          />
          <Select
            label={Q.responsible}
            data={(people.data ?? []).map((p) => ({ value: String(p.id), label: p.fullName }))}
            value={managerId}
            onChange={setManagerId}
            clearable
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {Q.cancel}
          </Button>
          <Button onClick={() => void save()} data-testid="inbound-save">
            {P.save}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
