import { Badge, Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Org, OrgInput } from '../../../../shared/api/orgs';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { fieldErrors } from '../../api/field-errors';
import { OrgFields } from '../orgs/org-fields';
import { EMPTY_ORG } from '../orgs/strings';

function toInput(o: Org): OrgInput {
  const { id: _id, isDefault: _d, createdAt: _c, updatedAt: _u, version: _v, ...input } = o;
  return input;
}

function OrgEditor({ org, onClose }: { org: Org | null; onClose: (saved: boolean) => void }) {
  const [busy, setBusy] = useState(false);
  // The version the editor was opened on: a save based on it is refused if someone saved the requisites since.
  const [baseVersion] = useState(org?.version ?? 0);
  const form = useForm<{ org: OrgInput }>({ mode: 'controlled', initialValues: { org: org ? toInput(org) : EMPTY_ORG } });
  const submit = async (values: { org: OrgInput }) => {
    setBusy(true);
    const res = org ? await request('orgs.update', { id: org.id, version: baseVersion, org: values.org }) : await request('orgs.create', values.org);
    setBusy(false);
    if (res.error) {
      form.setErrors(fieldErrors(res.error, org ? '' : 'org.'));
      return showError(res.error);
    }
    showSuccess('Реквизиты сохранены');
    onClose(true);
  };
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <OrgFields form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(false)}>
            Отмена
          </Button>
          <Button type="submit" loading={busy}>
            Сохранить
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Our organisations' requisites, editable by the director. */
export function OrgsTab({ canEdit }: { canEdit: boolean }) {
  const { data: orgs } = useEntry('orgs.list', {});
  const [editing, setEditing] = useState<Org | 'new' | null>(null);
  const close = () => setEditing(null);
  const makeDefault = async (id: number) => {
    const res = await request('orgs.setDefault', { id });
    if (res.error) return showError(res.error);
  };
  return (
    <Stack>
      {(orgs ?? []).map((o) => (
        <Card key={o.id} withBorder radius="md" data-testid="org-card">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Group gap="xs">
                <Text fw={600}>{o.shortName}</Text>
                {o.isDefault && <Badge variant="light">основная</Badge>}
              </Group>
              <Text size="sm">
                ИНН {o.inn}
                {o.kpp ? ` · КПП ${o.kpp}` : ''} · {o.kind === 'ip' ? 'ОГРНИП' : 'ОГРН'} {o.ogrn}
              </Text>
              <Text size="sm" c="dimmed">
                {o.legalAddress}
              </Text>
              <Text size="sm" c="dimmed">
                р/с {o.account} в {o.bankName}, БИК {o.bik}, к/с {o.corrAccount}
              </Text>
              <Text size="sm" c="dimmed">
                {o.directorPosition}: {o.directorName}
              </Text>
            </Stack>
            {canEdit && (
              <Group gap="xs">
                {!o.isDefault && (
                  <Button size="xs" variant="subtle" onClick={() => void makeDefault(o.id)}>
                    Сделать основной
                  </Button>
                )}
                <Button size="xs" variant="light" onClick={() => setEditing(o)}>
                  Изменить
                </Button>
              </Group>
            )}
          </Group>
        </Card>
      ))}
      {canEdit && (
        <Group>
          <Button variant="light" onClick={() => setEditing('new')}>
            Добавить организацию
          </Button>
        </Group>
      )}
      <Modal opened={editing !== null} onClose={close} title="Реквизиты организации" size="xl">
        {editing !== null && <OrgEditor org={editing === 'new' ? null : editing} onClose={close} />}
      </Modal>
    </Stack>
  );
}
