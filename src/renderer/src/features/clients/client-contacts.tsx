import { Badge, Button, Card, Grid, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { DECISION_ROLES, type ClientCard, type ClientContact, type ContactInput } from '../../../../shared/api/client-types';
import { request, showError, showSuccess } from '../../api/call';
import { fieldErrors } from '../../api/field-errors';
import { S } from './strings';
import { day } from './when';
import { DateField } from '../../app/date-fields';

const EMPTY: ContactInput = { fullName: '', position: '', decisionRole: 'other', phones: [], emails: [], notes: '', birthday: '' };
const ROLE_CHOICES = DECISION_ROLES.map((r) => ({ value: r, label: S.decisionRoles[r] }));

function ContactEditor({ clientId, contact, onClose }: { clientId: number; contact: ClientContact | null; onClose: (saved: boolean) => void }) {
  const [busy, setBusy] = useState(false);
  // The version the editor was opened on: a save based on it is refused if someone saved the person since.
  const [baseVersion] = useState(contact?.version);
  const initial: ContactInput = contact ? { ...contact } : EMPTY;
  const form = useForm<{ contact: ContactInput; phone: string; email: string }>({
    mode: 'controlled',
    initialValues: { contact: initial, phone: initial.phones.map((p) => p.value).join(', '), email: initial.emails.map((e) => e.value).join(', ') },
  });
  const split = (s: string) => s.split(/[,;]/).map((x) => x.trim()).filter(Boolean);
  const submit = async (v: { contact: ContactInput; phone: string; email: string }) => {
    setBusy(true);
    const body: ContactInput = { ...v.contact, phones: split(v.phone).map((value) => ({ value, label: '' })), emails: split(v.email).map((value) => ({ value, label: '' })) };
    const res = await request('clients.saveContact', { clientId, id: contact?.id ?? null, version: baseVersion, contact: body });
    setBusy(false);
    if (res.error) {
      const errors = fieldErrors(res.error);
      // Phone and e-mail errors point at list items; show them on the combined inputs.
      for (const [k, msg] of Object.entries(errors)) {
        if (k.startsWith('contact.phones')) errors.phone = msg;
        if (k.startsWith('contact.emails')) errors.email = msg;
      }
      form.setErrors(errors);
      return showError(res.error);
    }
    showSuccess(S.saved);
    onClose(true);
  };
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <Grid>
          <Grid.Col span={7}>
            <TextInput label={S.contacts.fullName} withAsterisk data-field="contact.fullName" {...form.getInputProps('contact.fullName')} />
          </Grid.Col>
          <Grid.Col span={5}>
            <TextInput label={S.contacts.position} {...form.getInputProps('contact.position')} />
          </Grid.Col>
          <Grid.Col span={7}>
            <Select label={S.contacts.role} data={ROLE_CHOICES} allowDeselect={false} {...form.getInputProps('contact.decisionRole')} />
          </Grid.Col>
          <Grid.Col span={5}>
            <DateField label={S.contacts.birthday} {...form.getInputProps('contact.birthday')} />
          </Grid.Col>
        </Grid>
        <SimpleGrid cols={2}>
          <TextInput label="Телефоны" placeholder="+7 916 123-45-67, …" {...form.getInputProps('phone')} />
          <TextInput label="E-mail" placeholder="name@company.ru, …" {...form.getInputProps('email')} />
        </SimpleGrid>
        <Textarea label={S.contacts.notes} description={S.contacts.notesHint} autosize minRows={3} {...form.getInputProps('contact.notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(false)}>
            {S.cancel}
          </Button>
          <Button type="submit" loading={busy}>
            {S.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Key persons: who they are, their part in the decision, how to reach them, the personal dossier. */
export function ClientContacts({ card }: { card: ClientCard }) {
  const [editing, setEditing] = useState<ClientContact | 'new' | null>(null);
  const remove = async (c: ClientContact) => {
    if (!window.confirm(S.contacts.confirmRemove)) return;
    const res = await request('clients.deleteContact', { clientId: card.id, id: c.id });
    if (res.error) return showError(res.error);
  };
  return (
    <Stack>
      {card.contacts.length === 0 && <Text c="dimmed">{S.contacts.empty}</Text>}
      {card.contacts.map((c) => (
        <Card key={c.id} withBorder radius="md" p="sm" data-testid="contact-card">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Group gap="xs">
                <Text fw={600}>{c.fullName}</Text>
                <Badge size="sm" variant="light" color={c.decisionRole === 'decision_maker' ? 'indigo' : 'gray'}>
                  {S.decisionRoles[c.decisionRole]}
                </Badge>
              </Group>
              {c.position && <Text size="sm">{c.position}</Text>}
              <Text size="sm" c="dimmed">
                {[...c.phones.map((p) => p.value), ...c.emails.map((e) => e.value), c.birthday && `${S.contacts.birthday.toLowerCase()}: ${day(c.birthday)}`].filter(Boolean).join(' · ')}
              </Text>
              {c.notes && (
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                  {c.notes}
                </Text>
              )}
            </Stack>
            {card.canEdit && (
              <Group gap={4}>
                <Button size="xs" variant="subtle" onClick={() => setEditing(c)}>
                  {S.contacts.edit}
                </Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => void remove(c)}>
                  {S.remove}
                </Button>
              </Group>
            )}
          </Group>
        </Card>
      ))}
      {card.canEdit && (
        <Group>
          <Button variant="light" onClick={() => setEditing('new')}>
            {S.contacts.add}
          </Button>
        </Group>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={S.contacts.title} size="lg">
        {editing !== null && (
          <ContactEditor
            clientId={card.id}
            contact={editing === 'new' ? null : editing}
            onClose={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
